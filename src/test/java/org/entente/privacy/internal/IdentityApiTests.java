package org.entente.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The identity import through the API: header, per-cell errors, all or nothing, full imports and departures. */
@EntenteTest
class IdentityApiTests {

	static final String HEADER = "guuid,uid,lastName,firstName,civility,birthDate,status,function,uai,class,department";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/** A UAI of its own for each test (a full import departs the absentees of the UAIs it names). */
	static String uai() {
		int n = 1000000 + Math.floorMod(UUID.randomUUID().hashCode(), 8999999);
		return n + "" + (char) ('A' + Math.floorMod(n, 26));
	}

	static String id(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	static String line(String uid, String uai) {
		return "G-" + uid + "," + uid + ",Durand,Léa,MME,2012-03-04,PUPIL,,"+ uai + ",5e B,";
	}

	MvcTestResult importCsv(String user, String mode, boolean dryRun, String csv) {
		return mvc.post().uri("/api/v1/privacy/identities/import?mode=" + mode + "&dryRun=" + dryRun).with(as(user))
			.contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)).exchange();
	}

	int identities(String uai) {
		return jdbc.sql("select count(*) from privacy_identity where uai = ?").param(uai).query(Integer.class).single();
	}

	@Test
	void aFullImportCreatesThenDepartsTheAbsentAndReturnsWhoReappears() {
		String uai = uai();
		String a = id("a"), b = id("b"), c = id("c");
		MvcTestResult first = importCsv("dpo", "full", false, HEADER + "\n" + line(a, uai) + "\n" + line(b, uai) + "\n" + line(c, uai) + "\n");
		assertThat(first).hasStatus(HttpStatus.OK);
		assertThat(first).bodyJson().extractingPath("$.created").isEqualTo(3);
		assertThat(first).bodyJson().extractingPath("$.errors").asArray().isEmpty();

		// b is absent from the next full import of the same collège: departed today, destroyed 4 months later.
		MvcTestResult second = importCsv("dpo", "full", false, HEADER.replace(',', ';') + "\n" + line(a, uai).replace(',', ';') + "\n"
				+ line(c, uai).replace(',', ';').replace("5e B", "4e A") + "\n");
		assertThat(second).hasStatus(HttpStatus.OK);
		assertThat(second).bodyJson().extractingPath("$.created").isEqualTo(0);
		assertThat(second).bodyJson().extractingPath("$.departed").isEqualTo(1);
		assertThat(second).bodyJson().extractingPath("$.updated").isEqualTo(1);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
		MvcTestResult read = mvc.get().uri("/api/v1/privacy/identities?uid=" + b).with(as("dpo")).exchange();
		assertThat(read).hasStatus(HttpStatus.OK);
		assertThat(read).bodyJson().extractingPath("$[0].departedOn").isEqualTo(today.toString());
		assertThat(read).bodyJson().extractingPath("$[0].destroyBy").isEqualTo(today.plusMonths(4).toString());
		assertThat(read).bodyJson().extractingPath("$[0].lastName").isEqualTo("Durand");
		assertThat(jdbc.sql("select count(*) from privacy_access where target_uid = ? and operator = 'dpo' and action = 'READ'")
			.param(b).query(Integer.class).single()).isEqualTo(1);

		// A partial import departs nobody; b reappears and is no longer departed.
		MvcTestResult third = importCsv("admin", "partial", false, HEADER + "\n" + line(b, uai) + "\n");
		assertThat(third).bodyJson().extractingPath("$.returned").isEqualTo(1);
		assertThat(third).bodyJson().extractingPath("$.departed").isEqualTo(0);
		assertThat(mvc.get().uri("/api/v1/privacy/identities?uid=" + b).with(as("dpo")).exchange()).bodyJson()
			.extractingPath("$[0].departedOn").isNull();
	}

	@Test
	void oneWrongLineWritesNothingAndEachFaultNamesItsLineAndColumn() {
		String uai = uai();
		String a = id("a"), b = id("b");
		String csv = HEADER + "\n" + line(a, uai) + "\n"
				+ "G-x," + b + ",Martin,Jo,DR,2012-13-01,STUDENT,,035990,," + "\n"
				+ line(a, uai) + "\n";
		MvcTestResult r = importCsv("dpo", "full", false, csv);
		assertThat(r).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(r).bodyJson().extractingPath("$.errors[0].line").isEqualTo(3);
		assertThat(r).bodyJson().extractingPath("$.errors[*].column").asArray().contains("civility", "birthDate", "status", "uai");
		assertThat(r).bodyJson().extractingPath("$.errors[0].message").asString().isNotBlank();
		assertThat(identities(uai)).isZero();

		// The same file without the faulty line: the UID repeated on line 3 (the 4th of the file before) is refused.
		MvcTestResult dup = importCsv("dpo", "full", false, HEADER + "\n" + line(a, uai) + "\n" + line(a, uai) + "\n");
		assertThat(dup).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(dup).bodyJson().extractingPath("$.errors[0].line").isEqualTo(3);
		assertThat(dup).bodyJson().extractingPath("$.errors[0].column").isEqualTo("uid");
		assertThat(dup).bodyJson().extractingPath("$.errors[0].message").asString().contains("déjà à la ligne 2");
		assertThat(identities(uai)).isZero();
	}

	/** A quote opened and never closed was a 500 (the CSV parser's exception went out unchanged; found by Jazzer). */
	@Test
	void anUnclosedQuoteIsTheFaultOfTheLineWhereItOpensNotA500() {
		String uai = uai();
		String a = id("a");
		String csv = HEADER + "\n" + line(a, uai) + "\n" + "\"G-open," + id("b") + ",Durand,Léa,MME,2012-03-04,PUPIL,,"
				+ uai + ",5e B,\n";
		MvcTestResult r = importCsv("dpo", "full", false, csv);
		assertThat(r).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(r).hasContentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(r).bodyJson().extractingPath("$.errors[0].line").isEqualTo(3);
		assertThat(r).bodyJson().extractingPath("$.errors[0].message").asString().contains("guillemet ouvert ligne 3");
		assertThat(identities(uai)).isZero();
	}

	@Test
	void anExtraOrMissingColumnIsRefusedByName() {
		String uai = uai();
		MvcTestResult extra = importCsv("dpo", "partial", false, HEADER + ",email\n" + line(id("a"), uai) + ",lea@example.org\n");
		assertThat(extra).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(extra).bodyJson().extractingPath("$.errors[0].line").isEqualTo(1);
		assertThat(extra).bodyJson().extractingPath("$.errors[0].column").isEqualTo("email");
		assertThat(extra).bodyJson().extractingPath("$.errors[0].message").asString().contains("refusée").contains("annexe");
		MvcTestResult missing = importCsv("dpo", "partial", false, HEADER.replace(",department", "") + "\n");
		assertThat(missing).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(missing).bodyJson().extractingPath("$.errors[0].column").isEqualTo("department");
		assertThat(missing).bodyJson().extractingPath("$.errors[0].message").asString().contains("manquante");
		assertThat(identities(uai)).isZero();
	}

	@Test
	void aDryRunCountsAndWritesNothing() {
		String uai = uai();
		MvcTestResult r = importCsv("dpo", "full", true, "\uFEFF" + HEADER + "\r\n" + line(id("a"), uai) + "\r\n" + line(id("b"), uai) + "\r\n");
		assertThat(r).hasStatus(HttpStatus.OK);
		assertThat(r).bodyJson().extractingPath("$.created").isEqualTo(2);
		assertThat(r).bodyJson().extractingPath("$.dryRun").isEqualTo(true);
		assertThat(identities(uai)).isZero();
	}

	@Test
	void aDepartureByHandSetsTheDestructionDate() {
		String uai = uai();
		String a = id("a");
		assertThat(importCsv("dpo", "partial", false, HEADER + "\n" + line(a, uai) + "\n")).hasStatus(HttpStatus.OK);
		MvcTestResult r = mvc.post().uri("/api/v1/privacy/identities/" + a + "/departure").with(as("dpo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"departedOn\":\"2025-10-31\"}").exchange();
		assertThat(r).hasStatus(HttpStatus.OK);
		assertThat(r).bodyJson().extractingPath("$.destroyBy").isEqualTo("2026-02-28");
		MvcTestResult bad = mvc.post().uri("/api/v1/privacy/identities/" + a + "/departure").with(as("dpo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"departedOn\":\"31/10/2025\"}").exchange();
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(bad).bodyJson().extractingPath("$.errors[0].field").isEqualTo("departedOn");
		assertThat(mvc.post().uri("/api/v1/privacy/identities/nobody-" + a + "/departure").with(as("dpo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"departedOn\":\"2025-10-31\"}").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyDposAndAdministratorsTouchIdentities() {
		for (String user : List.of("agent.cd", "rssi", "college", "niveau1")) {
			assertThat(mvc.get().uri("/api/v1/privacy/identities?uid=x").with(as(user)).exchange()).as(user).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(importCsv("rssi", "full", true, HEADER + "\n")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(importCsv("dpo", "sometimes", true, HEADER + "\n")).hasStatus(HttpStatus.BAD_REQUEST);
	}
}
