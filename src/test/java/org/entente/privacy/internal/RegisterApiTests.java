package org.entente.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** The processing register: demo entries with their copies, versions, CSV, the import refused while a copy is missing. */
@EntenteTest
class RegisterApiTests {

	@Autowired
	MockMvcTester mvc;

	static String body(MvcTestResult r) {
		return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	@Test
	void demoModeHoldsTheAnnexProcessingsWithTheirCopiesSent() throws Exception {
		MvcTestResult r = mvc.get().uri("/api/v1/privacy/register").with(as("rssi")).exchange();
		assertThat(r).hasStatus(HttpStatus.OK);
		assertThat(r).bodyJson().extractingPath("$[?(@.fields.purpose == 'gestion de la maintenance et gestion du parc')].demo")
			.asArray().containsExactly(true);
		assertThat(r).bodyJson().extractingPath("$[?(@.fields.purpose == 'gestion de la maintenance et gestion du parc')].copies[0].sentTo")
			.asArray().containsExactly("dpd@ac-rennes.fr");
		assertThat(r).bodyJson().extractingPath("$[?(@.fields.feedsIdentities == true)].fields.dataCategories").asArray()
			.anySatisfy(d -> assertThat(d.toString()).contains("GUUID"));
		MvcTestResult csv = mvc.get().uri("/api/v1/privacy/register/export.csv").with(as("rssi")).exchange();
		assertThat(csv).hasStatus(HttpStatus.OK);
		assertThat(body(csv)).startsWith("\uFEFFid;version;purpose").contains("gestion de la maintenance et gestion du parc").contains("dpd@ac-rennes.fr");
		MvcTestResult pdf = mvc.get().uri("/api/v1/privacy/register/export.pdf").with(as("rssi")).exchange();
		assertThat(pdf).hasStatus(HttpStatus.OK);
		assertThat(RequestApiTests.pdfText(pdf.getResponse().getContentAsByteArray())).contains("Registre des traitements")
			.contains("gestion de la maintenance et gestion du parc").contains("dpd@ac-rennes.fr");
	}

	@Test
	void theRssiReadsOnlyAndOthersNothing() {
		assertThat(mvc.post().uri("/api/v1/privacy/register").with(as("rssi")).contentType(MediaType.APPLICATION_JSON).content("{}").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/privacy/register").with(as("agent.cd")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/privacy/register").with(as("college")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anEntryIsVersionedAndAMissingCopyStopsTheIdentityImport() {
		String purpose = "Essai " + UUID.randomUUID();
		MvcTestResult created = mvc.post().uri("/api/v1/privacy/register").with(as("dpo")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"purpose":"%s","controller":"CD","purposes":"essai","people":"élèves","dataCategories":"UID",
					 "recipients":"CD","processors":"aucun","transfers":"aucun","retention":"P4M","securityMeasures":"chiffrement",
					 "feedsIdentities":true}""".formatted(purpose))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		long id = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		try {
			MvcTestResult refused = mvc.post().uri("/api/v1/privacy/identities/import?mode=partial").with(as("dpo"))
				.contentType("text/csv").content(IdentityApiTests.HEADER + "\n").exchange();
			assertThat(refused).hasStatus(HttpStatus.CONFLICT);
			assertThat(refused).bodyJson().extractingPath("$.page").isEqualTo("/donnees-personnelles/registre");
			assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains(purpose).contains("/donnees-personnelles/registre");

			MvcTestResult noIfMatch = mvc.put().uri("/api/v1/privacy/register/" + id).with(as("dpo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"recipients\":\"CD et ACA\"}").exchange();
			assertThat(noIfMatch).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
			MvcTestResult updated = mvc.put().uri("/api/v1/privacy/register/" + id).with(as("dpo")).header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"recipients\":\"CD et ACA\"}").exchange();
			assertThat(updated).hasStatus(HttpStatus.OK);
			assertThat(updated).bodyJson().extractingPath("$.version").isEqualTo(2);
			MvcTestResult versions = mvc.get().uri("/api/v1/privacy/register/" + id + "/versions").with(as("rssi")).exchange();
			assertThat(versions).bodyJson().extractingPath("$[0].content.recipients").isEqualTo("CD");
			assertThat(versions).bodyJson().extractingPath("$[1].content.recipients").isEqualTo("CD et ACA");

			MvcTestResult badCopy = mvc.post().uri("/api/v1/privacy/register/" + id + "/copies").with(as("dpo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"sentOn\":\"2099-01-01\",\"sentTo\":\"pas une adresse\"}").exchange();
			assertThat(badCopy).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(badCopy).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("sentOn", "sentTo");
		}
		finally {
			MvcTestResult copy = mvc.post().uri("/api/v1/privacy/register/" + id + "/copies").with(as("dpo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"sentOn\":\"2026-01-05\",\"sentTo\":\"dpd@ac-rennes.fr\"}").exchange();
			assertThat(copy).hasStatus(HttpStatus.OK);
		}
		assertThat(mvc.post().uri("/api/v1/privacy/identities/import?mode=partial&dryRun=true").with(as("dpo"))
			.contentType("text/csv").content(IdentityApiTests.HEADER + "\n").exchange()).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
	}
}
