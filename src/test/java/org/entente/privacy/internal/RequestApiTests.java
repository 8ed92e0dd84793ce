package org.entente.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.entente.EntenteTest;
import org.entente.directory.Accounts;
import org.entente.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Data-subject requests: one month to answer, two more with a reason, the access export across modules. */
@EntenteTest
class RequestApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	MvcTestResult post(String uri, String user, String json) {
		return mvc.post().uri(uri).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static long id(MvcTestResult r) {
		return ((Number) JsonPath.read(new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), "$.id")).longValue();
	}

	@Test
	void oneMonthSameDayOrLastDayThenTwoMoreWithAReason() {
		MvcTestResult r = post("/api/v1/privacy/requests", "dpo", "{\"kind\":\"ERASURE\",\"receivedAt\":\"2026-01-31\",\"receivedBy\":\"ACA\"}");
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.dueBy").isEqualTo("2026-02-28");
		long id = id(r);
		assertThat(post("/api/v1/privacy/requests/" + id + "/extension", "dpo", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		MvcTestResult extended = post("/api/v1/privacy/requests/" + id + "/extension", "dpo", "{\"reason\":\"Demandes nombreuses et complexes\"}");
		assertThat(extended).hasStatus(HttpStatus.OK);
		assertThat(extended).bodyJson().extractingPath("$.dueBy").isEqualTo("2026-04-30");
		assertThat(post("/api/v1/privacy/requests/" + id + "/extension", "dpo", "{\"reason\":\"encore\"}")).hasStatus(HttpStatus.CONFLICT);
		MvcTestResult answered = post("/api/v1/privacy/requests/" + id + "/answer", "dpd", "{\"answer\":\"Données effacées.\"}");
		assertThat(answered).bodyJson().extractingPath("$.answeredOn").isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString());
		assertThat(post("/api/v1/privacy/requests", "dpo", "{\"kind\":\"ACCESS\",\"receivedAt\":\"2026-03-15\",\"receivedBy\":\"CD\"}"))
			.bodyJson().extractingPath("$.dueBy").isEqualTo("2026-04-15");
	}

	@Test
	void badInputNamesEachField() {
		MvcTestResult r = post("/api/v1/privacy/requests", "dpo", "{\"kind\":\"FORGET\",\"receivedAt\":\"15/03/2026\",\"receivedBy\":\"EPLE\"}");
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("kind", "receivedAt", "receivedBy");
		assertThat(post("/api/v1/privacy/requests", "rssi", "{\"kind\":\"ACCESS\",\"receivedAt\":\"2026-03-15\",\"receivedBy\":\"CD\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theAccessExportGathersWhatEachModuleHolds() throws Exception {
		String uid = IdentityApiTests.id("acc");
		String uai = IdentityApiTests.uai();
		assertThat(mvc.post().uri("/api/v1/privacy/identities/import?mode=partial").with(as("dpo")).contentType("text/csv")
			.content((IdentityApiTests.HEADER + "\n" + IdentityApiTests.line(uid, uai) + "\n").getBytes(StandardCharsets.UTF_8)).exchange())
			.hasStatus(HttpStatus.OK);
		accounts.create(new Accounts.NewAccount(uid, "Un-mot-de-passe-long-42", "Léa Durand", uid + "@example.org", Role.SCHOOL_STAFF,
				"EPLE", "0359901X", false));
		long id = id(post("/api/v1/privacy/requests", "dpo",
				"{\"kind\":\"ACCESS\",\"receivedAt\":\"2026-03-15\",\"receivedBy\":\"CD\",\"subjectUid\":\"" + uid + "\"}"));
		MvcTestResult export = mvc.get().uri("/api/v1/privacy/requests/" + id + "/access-export").with(as("dpo")).exchange();
		assertThat(export).hasStatus(HttpStatus.OK);
		assertThat(export).bodyJson().extractingPath("$.data.IDENTITIES[0].uid").isEqualTo(uid);
		assertThat(export).bodyJson().extractingPath("$.data.ACCOUNTS[0].email").isEqualTo(uid + "@example.org");
		assertThat(export).bodyJson().extractingPath("$.data.TICKET_PERSONAL_DATA").asArray().isEmpty();
		MvcTestResult pdf = mvc.get().uri("/api/v1/privacy/requests/" + id + "/access-export.pdf").with(as("dpo")).exchange();
		assertThat(pdf).hasStatus(HttpStatus.OK);
		assertThat(pdfText(pdf.getResponse().getContentAsByteArray())).contains(uid + "@example.org").contains("ACCOUNTS");
	}

	static String pdfText(byte[] pdf) throws java.io.IOException {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
		}
	}
	@Test
	void aRectificationCorrectsTheIdentityRecordsTheAnswerAndLogsIt() {
		String uid = IdentityApiTests.id("rect");
		String uai = IdentityApiTests.uai();
		assertThat(mvc.post().uri("/api/v1/privacy/identities/import?mode=partial").with(as("dpo")).contentType("text/csv")
			.content((IdentityApiTests.HEADER + "\n" + IdentityApiTests.line(uid, uai) + "\n").getBytes(StandardCharsets.UTF_8)).exchange())
			.hasStatus(HttpStatus.OK);
		long id = id(post("/api/v1/privacy/requests", "dpo",
				"{\"kind\":\"RECTIFICATION\",\"receivedAt\":\"2026-03-15\",\"receivedBy\":\"ACA\",\"subjectUid\":\"" + uid + "\"}"));
		String uri = "/api/v1/privacy/requests/" + id + "/rectification";

		// Bad input names the field and changes nothing.
		MvcTestResult bad = post(uri, "dpo", "{\"lastName\":\"Dupont\",\"birthDate\":\"2012-02-30\",\"email\":\"x@y.fr\"}");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(bad).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("email");
		MvcTestResult badDate = post(uri, "dpo", "{\"lastName\":\"Dupont\",\"birthDate\":\"2012-02-30\",\"civility\":\"Dr\"}");
		assertThat(badDate).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(badDate).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("birthDate", "civility");
		assertThat(post(uri, "dpo", "{\"uid\":\"autre\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(uri, "dpo", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.sql("select last_name from privacy_identity where uid = ?").param(uid).query(String.class).single()).isEqualTo("Durand");

		MvcTestResult done = post(uri, "dpd", "{\"lastName\":\"Durand-Le Goff\",\"birthDate\":\"2012-04-03\",\"civility\":\"M\"}");
		assertThat(done).hasStatus(HttpStatus.OK);
		assertThat(done).bodyJson().extractingPath("$.answeredOn").isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString());
		assertThat(done).bodyJson().extractingPath("$.answer").asString().contains("lastName", "birthDate", "civility");
		assertThat(mvc.get().uri("/api/v1/privacy/identities?uid=" + uid).with(as("dpo")).exchange())
			.bodyJson().extractingPath("$[0].lastName").isEqualTo("Durand-Le Goff");
		assertThat(jdbc.sql("select birth_date from privacy_identity where uid = ?").param(uid).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2012, 4, 3));
		assertThat(jdbc.sql("select detail from privacy_access where target_uid = ? and operator = 'dpd' and action = 'RECTIFICATION'")
			.param(uid).query(String.class).list()).singleElement().asString().contains("demande n° " + id).doesNotContain("Le Goff");

		assertThat(post(uri, "dpo", "{\"lastName\":\"Autre\"}")).as("already answered").hasStatus(HttpStatus.CONFLICT);
		assertThat(post("/api/v1/privacy/requests/987654321/rectification", "dpo", "{\"lastName\":\"X\"}")).hasStatus(HttpStatus.NOT_FOUND);
		long access = id(post("/api/v1/privacy/requests", "dpo",
				"{\"kind\":\"ACCESS\",\"receivedAt\":\"2026-03-15\",\"receivedBy\":\"CD\",\"subjectUid\":\"" + uid + "\"}"));
		assertThat(post("/api/v1/privacy/requests/" + access + "/rectification", "dpo", "{\"lastName\":\"X\"}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(post(uri, "rssi", "{\"lastName\":\"X\"}")).hasStatus(HttpStatus.FORBIDDEN);
	}

}
