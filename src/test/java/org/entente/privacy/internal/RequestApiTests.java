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
}
