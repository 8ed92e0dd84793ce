package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** The policy register's API: rows from the matrix, publishing by the « définition » party only, history, acknowledgements. */
@EntenteTest
class PolicyRegisterApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	org.entente.directory.Accounts accounts;

	@Autowired
	PolicyRevisionsDue revisions;

	static String version(String title) {
		return """
				{"title":"%s","link":"https://exemple.ille-et-vilaine.fr/referentiel.pdf","summary":"Ajout des écrans interactifs","effectiveOn":"2026-09-01"}"""
			.formatted(title);
	}

	MvcTestResult publish(String user, String code, String json) {
		return mvc.post().uri("/api/v1/policies/{code}/versions", code).with(as(user)).contentType(MediaType.APPLICATION_JSON)
			.content(json).exchange();
	}

	static String body(MvcTestResult r) {
		try {
			return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	int versions(String code) {
		MvcTestResult r = mvc.get().uri("/api/v1/policies/{code}/versions", code).with(as("agent.aca")).exchange();
		return JsonPath.<List<?>>read(body(r), "$").size();
	}

	@Test
	void listsThePolicyRowsWithTheDefiningPartyOfTheMatrix() {
		MvcTestResult r = mvc.get().uri("/api/v1/policies").with(as("college")).exchange();
		assertThat(r).hasStatus(HttpStatus.OK);
		assertThat(JsonPath.<List<String>>read(body(r), "$[?(@.code == 'POLITIQUE_EQUIPEMENT')].definedBy[*]")).containsExactly("CD");
		assertThat(JsonPath.<List<String>>read(body(r), "$[?(@.code == 'CADRES_REFERENCE')].definedBy[*]")).containsExactly("ACA");
		assertThat(JsonPath.<List<String>>read(body(r), "$[?(@.code == 'PRISE_EN_CHARGE_MATERIELS')].definedBy[*]")).containsExactly("CD", "ACA");
		assertThat(JsonPath.<List<String>>read(body(r), "$[?(@.code == 'CARINE')].definedBy[*]")).isEmpty();
		assertThat(JsonPath.<List<String>>read(body(r), "$[*].code")).contains("CATALOGUES_LOGICIELS", "NOMMAGE", "RGPD")
			.doesNotContain("BORNES_WIFI");
		// The Département's VDI référentiel (annexe §3, Infrastructure réseau) is a row of the file's policies (PAC-44).
		assertThat(JsonPath.<List<String>>read(body(r), "$[?(@.code == 'REFERENTIEL_VDI')].definedBy[*]")).containsExactly("CD");
	}

	@Test
	void theDepartmentPublishesItsVdiReferentielAndTheAcademyCannot() {
		int before = versions("REFERENTIEL_VDI");
		MvcTestResult aca = publish("agent.aca", "REFERENTIEL_VDI", version("Référentiel VDI, version de l'Académie"));
		assertThat(aca).as(body(aca)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(JsonPath.<List<String>>read(body(aca), "$.definedBy")).containsExactly("CD");
		MvcTestResult cd = publish("agent.cd", "REFERENTIEL_VDI", version("Référentiel VDI 2026"));
		assertThat(cd).as(body(cd)).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<String>read(body(cd), "$.definedBy")).isEqualTo("CD");
		assertThat(versions("REFERENTIEL_VDI")).isEqualTo(before + 1);
		MvcTestResult row = mvc.get().uri("/api/v1/policies/REFERENTIEL_VDI").with(as("agent.aca")).exchange();
		assertThat(JsonPath.<String>read(body(row), "$.currentVersion.title")).isEqualTo("Référentiel VDI 2026");
		assertThat(JsonPath.<List<String>>read(body(row), "$.acknowledgements.missing")).contains("0359901X");
	}

	@Test
	void theDefiningPartyPublishesAndTheHistoryIsKept() {
		int before = versions("POLITIQUE_EQUIPEMENT");
		MvcTestResult r = publish("agent.cd", "POLITIQUE_EQUIPEMENT", version("Référentiel d'équipement 2026"));
		assertThat(r).as(body(r)).hasStatus(HttpStatus.CREATED);
		int number = JsonPath.read(body(r), "$.number");
		assertThat(r.getResponse().getHeader("Location")).endsWith("/api/v1/policies/POLITIQUE_EQUIPEMENT/versions/" + number);
		assertThat(JsonPath.<String>read(body(r), "$.definedBy")).isEqualTo("CD");
		MvcTestResult again = publish("agent.cd", "POLITIQUE_EQUIPEMENT", version("Référentiel d'équipement 2026, rectificatif"));
		assertThat(again).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<Integer>read(body(again), "$.number")).isEqualTo(number + 1);
		assertThat(versions("POLITIQUE_EQUIPEMENT")).isEqualTo(before + 2);
		MvcTestResult row = mvc.get().uri("/api/v1/policies/POLITIQUE_EQUIPEMENT").with(as("agent.aca")).exchange();
		assertThat(JsonPath.<String>read(body(row), "$.currentVersion.title")).isEqualTo("Référentiel d'équipement 2026, rectificatif");
		assertThat(JsonPath.<List<String>>read(body(row), "$.acknowledgements.missing")).contains("0359901X");
	}

	@Test
	void anyoneElseIsRefused() {
		int before = versions("POLITIQUE_EQUIPEMENT");
		for (String user : List.of("agent.aca", "college", "admin", "rssi", "niveau1")) {
			MvcTestResult r = publish(user, "POLITIQUE_EQUIPEMENT", version("Pas ma politique"));
			assertThat(r).as(user).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(JsonPath.<List<String>>read(body(r), "$.definedBy")).containsExactly("CD");
		}
		assertThat(publish("agent.cd", "CADRES_REFERENCE", version("Cadre Wi-Fi"))).hasStatus(HttpStatus.FORBIDDEN);
		// Defined by the ministry: the matrix names no party, so no one publishes in Entente.
		MvcTestResult carine = publish("agent.aca", "CARINE", version("CARINE 2024"));
		assertThat(carine).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(JsonPath.<String>read(body(carine), "$.detail")).contains("aucune partie en « Définition »");
		assertThat(versions("POLITIQUE_EQUIPEMENT")).isEqualTo(before);
	}

	@Test
	void bothPartiesDefineTheAcceptancePolicyEachForItsNetwork() {
		assertThat(publish("agent.cd", "PRISE_EN_CHARGE_MATERIELS", version("Acceptation, réseau pédagogique"))).hasStatus(HttpStatus.CREATED);
		MvcTestResult aca = publish("agent.aca", "PRISE_EN_CHARGE_MATERIELS", version("Acceptation, réseau administratif"));
		assertThat(aca).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<String>read(body(aca), "$.definedBy")).isEqualTo("ACA");
	}

	@Test
	void unknownCodeIs404() {
		MvcTestResult r = publish("agent.cd", "INCONNUE", version("x"));
		assertThat(r).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/policies/INCONNUE").with(as("agent.cd"))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aBadBodyNamesEachFieldAndStoresNothing() {
		int before = versions("CATALOGUES_LOGICIELS");
		MvcTestResult r = publish("agent.aca", "CATALOGUES_LOGICIELS", """
				{"title":"","link":"ftp://x","summary":12,"effectiveOn":"01/09/2026"}""");
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(r), "$.errors[*].field")).containsExactlyInAnyOrder("title", "link", "summary", "effectiveOn");
		assertThat(JsonPath.<String>read(body(r), "$.detail")).contains("effectiveOn");
		assertThat(publish("agent.aca", "CATALOGUES_LOGICIELS", "[1]")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(versions("CATALOGUES_LOGICIELS")).isEqualTo(before);
	}

	@Test
	void aFileIsPublishedAndDownloaded() {
		byte[] pdf = "%PDF-1.4 catalogue".getBytes(StandardCharsets.UTF_8);
		MvcTestResult r = mvc.post().uri("/api/v1/policies/CATALOGUES_LOGICIELS/versions").with(as("agent.aca"))
			.multipart().file(new MockMultipartFile("file", "catalogue-2026.pdf", "application/pdf", pdf))
			.param("title", "Catalogue pédagogique 2026").param("summary", "Ajout de logiciels d'accessibilité")
			.param("effectiveOn", "2026-09-01").exchange();
		assertThat(r).as(body(r)).hasStatus(HttpStatus.CREATED);
		String file = JsonPath.read(body(r), "$.file");
		MvcTestResult download = mvc.get().uri(file).with(as("college")).exchange();
		assertThat(download).hasStatus(HttpStatus.OK);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		MvcTestResult neither = mvc.post().uri("/api/v1/policies/CATALOGUES_LOGICIELS/versions").with(as("agent.aca"))
			.multipart().param("title", "Sans document").param("summary", "…").param("effectiveOn", "2026-09-01").exchange();
		assertThat(neither).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(neither), "$.errors[*].field")).containsExactly("file");
	}

	@Test
	void anEstablishmentAcknowledgesOnceForItself() {
		MvcTestResult r = publish("agent.aca", "ACCOMPAGNEMENT_USAGES", version("Plan de formation 2026"));
		int number = JsonPath.read(body(r), "$.number");
		String uri = "/api/v1/policies/ACCOMPAGNEMENT_USAGES/versions/" + number + "/acknowledgements";
		MvcTestResult first = mvc.post().uri(uri).with(as("college")).exchange();
		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<List<String>>read(body(first), "$.acknowledged")).contains("0359901X");
		assertThat(JsonPath.<List<String>>read(body(first), "$.missing")).contains("0359902Y").doesNotContain("0359901X");
		assertThat(mvc.post().uri(uri).with(as("college")).exchange()).hasStatus(HttpStatus.OK);
		assertThat(mvc.post().uri(uri).with(as("agent.cd")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult list = mvc.get().uri("/api/v1/policies").with(as("agent.aca")).exchange();
		assertThat(JsonPath.<List<String>>read(body(list), "$[?(@.code == 'ACCOMPAGNEMENT_USAGES')].acknowledgements.acknowledged[*]")).contains("0359901X");
	}

	/**
	 * « Chaque chef d'établissement en accuse réception »: only the account an administrator designated as the collège's
	 * head acknowledges (the demo college account is one); another account of the collège is told who must; the
	 * register shows who acknowledged, name and function.
	 */
	@Test
	void onlyTheHeadOfTheEstablishmentAcknowledgesAndTheRegisterSaysWho() {
		String staff = "secretariat-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new org.entente.directory.Accounts.NewAccount(staff, org.entente.EntenteTest.PASSWORD, "Secrétariat " + staff,
				staff + "@demo.entente.invalid", org.entente.directory.Role.SCHOOL_STAFF, "EPLE", "0359901X", false));
		MvcTestResult demo = mvc.get().uri("/api/v1/accounts/college").with(as("admin")).exchange();
		assertThat(JsonPath.<Boolean>read(body(demo), "$.headOfEstablishment")).isTrue();
		assertThat(JsonPath.<String>read(body(demo), "$.headFunction")).isEqualTo("Principale");

		int number = JsonPath.read(body(publish("agent.aca", "ACCOMPAGNEMENT_USAGES", version("Parcours numérique " + staff))), "$.number");
		String uri = "/api/v1/policies/ACCOMPAGNEMENT_USAGES/versions/" + number + "/acknowledgements";
		MvcTestResult refused = mvc.post().uri(uri).with(as(staff)).exchange();
		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(JsonPath.<List<String>>read(body(refused), "$.heads")).contains("Secrétariat du collège Les Chênes (démo) (Principale)");
		String page = body(mvc.get().uri("/politiques/ACCOMPAGNEMENT_USAGES").with(as(staff)).exchange());
		assertThat(page).contains("id=\"who-acknowledges\"", "Seul·e le·la chef·fe de votre établissement accuse réception",
				"(Principale)").doesNotContain("J&#39;ai pris connaissance");

		assertThat(mvc.post().uri(uri).with(as("college")).exchange()).hasStatus(HttpStatus.CREATED);
		MvcTestResult list = mvc.get().uri("/api/v1/policies").with(as("agent.aca")).exchange();
		String by = "$[?(@.code == 'ACCOMPAGNEMENT_USAGES')].acknowledgements.by[?(@.uai == '0359901X')]";
		assertThat(JsonPath.<List<String>>read(body(list), by + ".function")).containsExactly("Principale");
		assertThat(JsonPath.<List<String>>read(body(list), by + ".name")).containsExactly("Secrétariat du collège Les Chênes (démo)");
		assertThat(JsonPath.<List<String>>read(body(list), by + ".username")).containsExactly("college");
		assertThat(body(mvc.get().uri("/politiques/ACCOMPAGNEMENT_USAGES").with(as("agent.aca")).exchange()))
			.contains("Secrétariat du collège Les Chênes (démo), Principale, le ");

		// An administrator designates the head; only a collège's staff may be one, and only an administrator designates.
		String account = "/api/v1/accounts/" + staff;
		MvcTestResult notStaff = mvc.patch().uri("/api/v1/accounts/agent.aca").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"headOfEstablishment\":true}").exchange();
		assertThat(notStaff).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(notStaff), "$.errors[*].field")).containsExactly("headOfEstablishment");
		MvcTestResult designated = mvc.patch().uri(account).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"headOfEstablishment\":true,\"headFunction\":\"Principal adjoint\"}").exchange();
		assertThat(designated).hasStatusOk();
		assertThat(JsonPath.<String>read(body(designated), "$.headFunction")).isEqualTo("Principal adjoint");
		assertThat(mvc.post().uri(uri).with(as(staff)).exchange()).hasStatus(HttpStatus.OK);
		assertThat(mvc.get().uri(account + "/history").with(as("admin"))).bodyText().contains("headOfEstablishment");
		// The account page: an administrator sees the head's fields and changes the function there.
		assertThat(body(mvc.get().uri("/comptes/" + staff).with(as("admin")).exchange())).contains("id=\"chef-etablissement\"",
				"id=\"headOfEstablishment\"", "value=\"Principal adjoint\"");
		assertThat(mvc.post().uri("/comptes/" + staff).with(as("admin")).with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf()).param("displayName", "Secrétariat " + staff).param("email", staff + "@demo.entente.invalid")
			.param("role", "SCHOOL_STAFF").param("party", "EPLE").param("establishment", "0359901X").param("headForm", "1")
			.param("headOfEstablishment", "true").param("headFunction", "Principale adjointe").exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(accounts.find(staff).orElseThrow().headFunction()).isEqualTo("Principale adjointe");
		assertThat(mvc.patch().uri(account).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"headOfEstablishment\":false}").exchange()).hasStatusOk();
		assertThat(mvc.post().uri(uri).with(as(staff)).exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void periodicRevisionsFallDueAYearAfterTheLastVersionAndShowOnTheHoldersBanner() {
		java.time.LocalDate later = java.time.LocalDate.of(2040, 1, 1);
		assertThat(revisions.overdue(later)).extracting(PolicyRevisionDue::component)
			.containsExactlyInAnyOrder("PRISE_EN_CHARGE_MATERIELS", "CATALOGUES_LOGICIELS");
		assertThat(revisions.overdueFor("ACA", later)).extracting(PolicyRevisionDue::component)
			.containsExactlyInAnyOrder("PRISE_EN_CHARGE_MATERIELS", "CATALOGUES_LOGICIELS");
		assertThat(revisions.overdueFor("CD", later)).extracting(PolicyRevisionDue::component).containsExactly("PRISE_EN_CHARGE_MATERIELS");
		PolicyRevisionDue ip = revisions.all(later).stream().filter(d -> d.component().equals("CADRES_REFERENCE")).findFirst().orElseThrow();
		assertThat(ip.onChange()).isTrue();
		assertThat(ip.overdue()).isFalse();
		publish("agent.aca", "CATALOGUES_LOGICIELS", """
				{"title":"Catalogue 2027","summary":"Révision annuelle","effectiveOn":"2039-09-01"}""");
		assertThat(revisions.overdue(later)).extracting(PolicyRevisionDue::component).doesNotContain("CATALOGUES_LOGICIELS");
		assertThat(revisions.all(later)).filteredOn(d -> d.component().equals("CATALOGUES_LOGICIELS"))
			.extracting(PolicyRevisionDue::dueOn).containsExactly(java.time.LocalDate.of(2040, 9, 1));
		// The banner: an ACA agent's home, today; a collège sees none.
		assertThat(mvc.get().uri("/politiques/bandeau").with(as("college"))).bodyText().doesNotContain("en retard");
		assertThat(mvc.get().uri("/politiques/bandeau").with(as("agent.aca"))).hasStatusOk();
	}

	/** The register leads to an establishment's backups: the collège's own UAI is kept in the form, a bad one is said next to its field. */
	@Test
	void theRegisterLeadsToAnEstablishmentsBackups() throws Exception {
		String register = mvc.get().uri("/politiques").with(as("college")).exchange().getResponse().getContentAsString();
		assertThat(register).contains("id=\"backup-uai\"", "value=\"0359901X\"", "Voir la conformité des sauvegardes");
		assertThat(mvc.get().uri("/politiques/sauvegardes?uai= 0359901x ").with(as("college")))
			.hasStatus(org.springframework.http.HttpStatus.FOUND).hasRedirectedUrl("/politiques/sauvegardes/0359901X");
		assertThat(mvc.get().uri("/politiques/sauvegardes/0359901X").with(as("college"))).hasStatusOk();
		// Another collège's backups stay out of reach, whatever is typed.
		assertThat(mvc.get().uri("/politiques/sauvegardes/0359901X").with(as("college2")))
			.hasStatus(org.springframework.http.HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/politiques/sauvegardes?uai=035990").with(as("college")))
			.hasStatus(org.springframework.http.HttpStatus.FOUND).hasRedirectedUrl("/politiques?uai-invalide#sauvegardes");
		String refused = mvc.get().uri("/politiques?uai-invalide").with(as("college")).exchange().getResponse().getContentAsString();
		assertThat(refused).contains("7 chiffres et une lettre", "aria-invalid=\"true\"", "aria-describedby=\"backup-uai-error\"");
	}
}
