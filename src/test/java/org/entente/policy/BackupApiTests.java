package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Backup reports and the data availability commitments of §4: one day of loss at most, 3 months / 10 days of restore points. */
@EntenteTest
class BackupApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static String ago(Duration d) {
		return Instant.now().minus(d).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString();
	}

	static String report(String uai, String dataClass, Duration endedAgo, Duration oldestAgo) {
		return """
				{"uai":"%s","dataClass":"%s","job":"nas-nuit","startedAt":"%s","endedAt":"%s","status":"SUCCESS","oldestRestorePoint":"%s"}"""
			.formatted(uai, dataClass, ago(endedAgo.plusHours(1)), ago(endedAgo), ago(oldestAgo));
	}

	MvcTestResult post(String user, String json) {
		return mvc.post().uri("/api/v1/backups/reports").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static String body(MvcTestResult r) {
		try {
			return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	int reports() {
		return jdbc.sql("select count(*) from policy_backup_report").query(Integer.class).single();
	}

	/**
	 * The backups page says each broken commitment in the reader's language, from a code and its arguments; the API
	 * keeps its French sentences.
	 */
	@Test
	void theBackupsPageSaysTheBrokenCommitmentsInTheReadersLanguage() {
		String uai = org.entente.directory.Uai.withCheckLetter(359907).value();
		MvcTestResult stale = post("glpi-agent", report(uai, "ADMINISTRATIVE", Duration.ofDays(3), Duration.ofDays(5)));
		assertThat(stale).as(body(stale)).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<List<String>>read(body(stale), "$.compliance.ADMINISTRATIVE.reasons"))
			.containsExactly("La dernière sauvegarde réussie est trop ancienne : la convention admet au plus un jour de données perdues (annexe opérationnelle §4).",
					"Les points de restauration ne remontent pas à 3 mois : la convention demande de conserver les données administratives 3 mois (annexe opérationnelle §4).");

		String french = body(mvc.get().uri("/politiques/sauvegardes/" + uai).with(as("agent.cd")).exchange());
		assertThat(french).contains("La dernière sauvegarde réussie est trop ancienne : la convention admet au plus un jour de données perdues",
				"la convention demande de conserver les données administratives 3 mois",
				"Aucune sauvegarde réussie n&#39;a été signalée pour les données pédagogiques partagées");
		String english = body(mvc.get().uri("/politiques/sauvegardes/" + uai + "?lang=en").with(as("agent.cd")).exchange());
		assertThat(english).contains("The last successful backup is too old: the convention allows at most one day of data lost",
				"The restore points do not reach back 3 months: the convention asks to keep administrative data for 3 months",
				"No successful backup has been reported for shared teaching data")
			.doesNotContain("La dernière sauvegarde", "Les points de restauration", "Aucune sauvegarde réussie");
		MvcTestResult api = mvc.get().uri("/api/v1/backups/compliance?uai=" + uai + "&lang=en").with(as("agent.cd")).exchange();
		assertThat(JsonPath.<List<String>>read(body(api), "$.PEDAGOGICAL_GROUP.reasons").get(0)).startsWith("Aucune sauvegarde réussie");
	}

	@Test
	void aStaleBackupBreaksTheCommitmentAndOpensADeskIncidentThenAFreshOneRestoresCompliance() {
		MvcTestResult stale = post("glpi-agent", report("0359902Y", "PEDAGOGICAL_GROUP", Duration.ofDays(3), Duration.ofDays(30)));
		assertThat(stale).as(body(stale)).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<Boolean>read(body(stale), "$.compliance.PEDAGOGICAL_GROUP.compliant")).isFalse();
		assertThat(JsonPath.<List<String>>read(body(stale), "$.compliance.PEDAGOGICAL_GROUP.reasons").get(0)).contains("trop ancienne : la convention admet au plus un jour");
		// The pedagogical network's infrastructure is administered by the CD (matrix): the incident is routed there.
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from ticket where establishment = '0359902Y' and component = 'RESEAU_PEDAGOGIQUE' and title like 'Sauvegardes : engagement rompu%'")
			.query(Integer.class).single() == 1);
		MvcTestResult fresh = post("glpi-agent", report("0359902Y", "PEDAGOGICAL_GROUP", Duration.ofHours(2), Duration.ofDays(11)));
		assertThat(JsonPath.<Boolean>read(body(fresh), "$.compliance.PEDAGOGICAL_GROUP.compliant")).isTrue();
		MvcTestResult read = mvc.get().uri("/api/v1/backups/compliance?uai=0359902Y").with(as("college2")).exchange();
		assertThat(read).hasStatus(HttpStatus.OK);
		assertThat(JsonPath.<Boolean>read(body(read), "$.PEDAGOGICAL_GROUP.compliant")).isTrue();
		assertThat(JsonPath.<String>read(body(read), "$.PEDAGOGICAL_GROUP.lastSuccess")).isNotNull();
		assertThat(JsonPath.<List<String>>read(body(read), "$.ADMINISTRATIVE.reasons")).isNotEmpty();
	}

	@Test
	void administrativeRestorePointsMustReachBackThreeMonths() {
		MvcTestResult r = post("glpi-agent", report("0359901X", "ADMINISTRATIVE", Duration.ofHours(3), Duration.ofDays(40)));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<Boolean>read(body(r), "$.compliance.ADMINISTRATIVE.compliant")).isFalse();
		assertThat(JsonPath.<List<String>>read(body(r), "$.compliance.ADMINISTRATIVE.reasons").get(0)).contains("3 mois");
		MvcTestResult ok = post("glpi-agent", report("0359901X", "ADMINISTRATIVE", Duration.ofHours(1), Duration.ofDays(100)));
		assertThat(JsonPath.<Boolean>read(body(ok), "$.compliance.ADMINISTRATIVE.compliant")).isTrue();
	}

	@Test
	void aBadReportNamesTheFieldAndStoresNothing() {
		int before = reports();
		MvcTestResult r = post("glpi-agent", """
				{"uai":"0359901X","dataClass":"ADMINISTRATIVE","job":"nas","startedAt":"2026-12-01T02:00:00","endedAt":"2026-12-01T03:00:00+01:00","status":"OK"}""");
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(r), "$.errors[*].field")).containsExactlyInAnyOrder("startedAt", "status");
		MvcTestResult unknown = post("glpi-agent", report("0350000A", "INDIVIDUAL", Duration.ofHours(1), Duration.ofDays(1)));
		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(unknown), "$.errors[*].field")).containsExactlyInAnyOrder("uai", "dataClass");
		assertThat(post("glpi-agent", "[]")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void onlyTheMachineAccountReportsAndCollegesReadTheirOwn() {
		assertThat(post("college", report("0359901X", "ADMINISTRATIVE", Duration.ofHours(1), Duration.ofDays(100)))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("agent.cd", report("0359901X", "ADMINISTRATIVE", Duration.ofHours(1), Duration.ofDays(100)))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/backups/compliance?uai=0359902Y").with(as("college")).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/backups/compliance?uai=0359901X").with(as("agent.aca")).exchange()).hasStatus(HttpStatus.OK);
		MvcTestResult missing = mvc.get().uri("/api/v1/backups/compliance").with(as("agent.aca")).exchange();
		assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
	}
}
