package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.entente.EntenteTest;
import org.entente.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Loading an amendment changes the version in force: own context and database, so the others keep the seed. */
@EntenteTest
@DirtiesContext
class ConventionVersionsTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		TestDatabases.isolate(registry, "versions_test");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Conventions conventions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private MockMultipartFile file(String text) {
		return new MockMultipartFile("file", "avenant-1.yaml", "application/yaml", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void anAmendmentBecomesANewVersionAndTheDifferenceIsShown() {
		String before = conventions.current().version();
		String version = "avenant-" + UUID.randomUUID().toString().substring(0, 8);
		String amended = ConventionFixtures.seedText()
			.replaceFirst("version: \"1\"", "version: \"" + version + "\"")
			.replaceFirst("(code: BORNES_WIFI[\\s\\S]*?ADMINISTRATION: )\\[\\]", "$1[CD]");
		var upload = mvc.post().uri("/convention/versions").multipart().file(file(amended))
			.with(user("admin").roles("ADMIN")).with(csrf()).exchange();
		assertThat(upload).hasStatus(HttpStatus.FOUND);
		assertThat(upload.getResponse().getRedirectedUrl()).contains("from=" + before).contains("to=" + version);
		assertThat(conventions.current().version()).isEqualTo(version);
		assertThat(conventions.version(before)).isPresent();
		// Its ConventionVersionLoaded went into the event registry in the transaction that stored it (the webhook
		// module listens to it).
		assertThat(jdbc.sql("select count(*) from event_publication where event_type = ? and serialized_event like ?")
			.params(ConventionVersionLoaded.class.getName(), "%\"version\":\"" + version + "\"%").query(Long.class).single())
			.isEqualTo(1L);
		assertThat(conventions.resolve("BORNES_WIFI", InterventionKind.ADMINISTRATION, ResponsibilityContext.NONE).parties())
			.containsExactly("CD");

		ConventionDiff diff = conventions.diff(before, version);
		assertThat(diff.changes()).anySatisfy(c -> {
			assertThat(c.kind()).isEqualTo(ConventionDiff.Kind.CHANGED);
			assertThat(c.subject()).isEqualTo("Infrastructure réseau › Bornes Wi-Fi");
			assertThat(c.path()).isEqualTo("components.BORNES_WIFI.cells.ADMINISTRATION.parties");
			assertThat(c.after()).isEqualTo("CD");
		});
		var page = mvc.get().uri("/convention/versions?from={a}&to={b}", before, version).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("Bornes Wi-Fi").contains("components.BORNES_WIFI.cells.ADMINISTRATION.parties");
		var api = mvc.get().uri("/api/v1/convention/responsibility?component=BORNES_WIFI&intervention=ADMINISTRATION").exchange();
		assertThat(api).bodyJson().extractingPath("$.conventionVersion").isEqualTo(version);
		// The old version stays readable, in the API and on the page.
		var old = mvc.get().uri("/api/v1/convention/matrix?version={v}", before).exchange();
		assertThat(old).bodyJson().extractingPath("$.convention.version").isEqualTo(before);
		var oldPage = mvc.get().uri("/qui-fait-quoi?version={v}&q=borne wifi", before).exchange();
		assertThat(oldPage).hasStatusOk();
		assertThat(oldPage).bodyText().contains("ancienne version").contains("Bornes Wi-Fi");
		assertThat(mvc.get().uri("/api/v1/convention/matrix?version=inexistante").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aFaultyAmendmentChangesNothingAndSaysWhere() {
		String before = conventions.current().version();
		int versions = conventions.versions().size();
		String faulty = ConventionFixtures.seedText().replaceFirst("version: \"1\"", "version: \"faulty\"")
			.replaceFirst("(code: BORNES_WIFI[\\s\\S]*?REPAIR: )\\[CD\\]", "$1[DSI]");
		var upload = mvc.post().uri("/convention/versions").multipart().file(file(faulty))
			.with(user("admin").roles("ADMIN")).with(csrf()).exchange();
		assertThat(upload).hasStatus(HttpStatus.FOUND);
		assertThat(upload).flash().containsKey("uploadErrors");
		assertThat(upload.getMvcResult().getFlashMap().get("uploadErrors").toString()).contains("avenant-1.yaml, ligne")
			.contains("partie « DSI » inconnue");
		assertThat(conventions.current().version()).isEqualTo(before);
		assertThat(conventions.versions()).hasSize(versions);
	}

	@Test
	void onlyAnAdministratorLoadsAnAmendment() {
		var upload = mvc.post().uri("/convention/versions").multipart().file(file(ConventionFixtures.seedText()))
			.with(user("agent.cd").roles("CD_AGENT")).with(csrf()).exchange();
		assertThat(upload).hasStatus(HttpStatus.FORBIDDEN);
		var anonymous = mvc.post().uri("/convention/versions").multipart().file(file(ConventionFixtures.seedText()))
			.accept(org.springframework.http.MediaType.TEXT_HTML).with(csrf()).exchange();
		assertThat(anonymous).hasStatus(HttpStatus.FOUND);
		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/connexion");
	}

	@Test
	void theApiRejectsAFaultyAmendmentWithEveryFault() {
		int versions = conventions.versions().size();
		String faulty = ConventionFixtures.seedText().replaceFirst("version: \"1\"", "version: \"api-faulty\"")
			.replaceFirst("code: TABLETTES", "code: BORNES_WIFI")
			.replaceFirst("see: RESEAU_ADMINISTRATIF", "see: NULLE_PART");
		var result = mvc.post().uri("/api/v1/convention/versions").contentType("application/yaml")
			.header("X-Filename", "avenant-api.yaml").content(faulty)
			.with(as("admin"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyJson().extractingPath("$.errors[*].message").asArray()
			.anySatisfy(m -> assertThat(m.toString()).contains("en double"))
			.anySatisfy(m -> assertThat(m.toString()).contains("NULLE_PART"));
		assertThat(result).bodyJson().extractingPath("$.errors[0].file").isEqualTo("avenant-api.yaml");
		assertThat(conventions.versions()).hasSize(versions);
		var notAdmin = mvc.post().uri("/api/v1/convention/versions").contentType("application/yaml").content(faulty)
			.with(as("agent.cd"))
			.exchange();
		assertThat(notAdmin).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aFormWithoutCsrfTokenIsRefused() {
		var upload = mvc.post().uri("/convention/versions").multipart().file(file(ConventionFixtures.seedText()))
			.with(user("admin").roles("ADMIN")).exchange();
		assertThat(upload).hasStatus(HttpStatus.FORBIDDEN);
	}
}
