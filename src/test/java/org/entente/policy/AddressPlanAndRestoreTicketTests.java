package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.entente.EntenteTest;
import org.entente.directory.NetworkRange;
import org.entente.directory.NetworkRanges;
import org.entente.directory.Uai;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The addressing plan's versions, communicated to the Département at every change (the revision duty « à chaque
 * changement » then has its date, met); a restore ticket of the desk linked to the backup record.
 */
@EntenteTest
class AddressPlanAndRestoreTicketTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	NetworkRanges ranges;

	@Autowired
	PolicyRevisionsDue revisions;

	@Autowired
	JdbcClient jdbc;

	static String body(MvcTestResult r) {
		return ValidationApiTests.body(r);
	}

	int lastPlanVersion() {
		return jdbc.sql("select coalesce(max(number), 0) from policy_address_plan_version").query(Integer.class).single();
	}

	@Test
	void eachChangeOfThePlanIsAVersionSentToTheDepartment() throws Exception {
		List<NetworkRange> before = ranges.findAll();
		StringBuilder plan = new StringBuilder("uai;reseau;libelle\n");
		before.forEach(x -> plan.append(x.uai()).append(';').append(x.cidr()).append(';').append(x.label() == null ? "" : x.label()).append('\n'));
		String uai = Uai.withCheckLetter(359903).value();
		int start = lastPlanVersion();
		try {
			ranges.importCsv(new StringReader(plan + uai + ";10.97.0.0/16;ajout\n"), false);
			await().atMost(Duration.ofSeconds(10)).until(() -> lastPlanVersion() > start);
			MvcTestResult versions = mvc.get().uri("/api/v1/policies/address-plan/versions").with(as("agent.cd")).exchange();
			assertThat(versions).hasStatusOk();
			assertThat(JsonPath.<Integer>read(body(versions), "$[0].added")).isEqualTo(1);
			assertThat(JsonPath.<Integer>read(body(versions), "$[0].removed")).isZero();
			assertThat(JsonPath.<List<String>>read(body(versions), "$[0].establishments")).containsExactly(uai);
			assertThat(JsonPath.<String>read(body(versions), "$[0].communicatedAt")).isNotNull();
			LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
			PolicyRevisionDue due = revisions.all(today).stream().filter(d -> d.component().equals("CADRES_REFERENCE")).findFirst().orElseThrow();
			assertThat(due.dueOn()).isEqualTo(today);
			assertThat(due.overdue()).isFalse();
			int afterChange = lastPlanVersion();
			// The same plan again is no change: nothing to version or send.
			ranges.importCsv(new StringReader(plan + uai + ";10.97.0.0/16;ajout\n"), false);
			assertThat(lastPlanVersion()).isEqualTo(afterChange);
		}
		finally {
			ranges.importCsv(new StringReader(plan.toString()), false);
		}
	}

	@Test
	void aRestoreTicketCarriesItsBackupRecord() {
		String job = "restic-" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now();
		MvcTestResult report = mvc.post().uri("/api/v1/backups/reports").with(as("glpi-agent")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"uai":"0359901X","dataClass":"ADMINISTRATIVE","job":"%s","startedAt":"%s","endedAt":"%s","status":"SUCCESS","oldestRestorePoint":"%s"}"""
				.formatted(job, now.minusSeconds(600).atOffset(java.time.ZoneOffset.UTC), now.minusSeconds(60).atOffset(java.time.ZoneOffset.UTC),
						now.minus(Duration.ofDays(100)).atOffset(java.time.ZoneOffset.UTC)))
			.exchange();
		assertThat(report).hasStatus(HttpStatus.CREATED);
		MvcTestResult ticket = mvc.post().uri("/api/v1/tickets").with(as("college")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"establishment":"0359901X","title":"Dossiers du secrétariat effacés %s","description":"Le partage administratif est vide.","component":"STATIONS_ADMINISTRATIVES","intervention":"REPAIR","dataConcerned":"ADMINISTRATIVE"}"""
				.formatted(job))
			.exchange();
		assertThat(ticket).hasStatus(HttpStatus.CREATED);
		Number id = JsonPath.read(body(ticket), "$.id");
		await().atMost(Duration.ofSeconds(10)).until(() -> mvc.get().uri("/api/v1/backups/restore-tickets/" + id).with(as("agent.aca")).exchange()
			.getResponse().getStatus() == 200);
		MvcTestResult link = mvc.get().uri("/api/v1/backups/restore-tickets/" + id).with(as("college")).exchange();
		assertThat(JsonPath.<String>read(body(link), "$.job")).isEqualTo(job);
		assertThat(JsonPath.<String>read(body(link), "$.dataClass")).isEqualTo("ADMINISTRATIVE");
		assertThat(JsonPath.<Boolean>read(body(link), "$.compliant")).isTrue();
		MvcTestResult list = mvc.get().uri("/api/v1/backups/restore-tickets?uai=0359901X").with(as("agent.cd")).exchange();
		assertThat(JsonPath.<List<Object>>read(body(list), "$[?(@.job == '" + job + "')]")).hasSize(1);
		// Another collège sees neither the link nor the list.
		assertThat(mvc.get().uri("/api/v1/backups/restore-tickets/" + id).with(as("college2")).exchange()).hasStatus(HttpStatus.NOT_FOUND);

		// The ticket page shows the backup record and links to the establishment's backups page, which lists the ticket.
		assertThat(mvc.get().uri("/tickets/" + id).with(as("agent.aca")).exchange()).hasStatusOk().bodyText()
			.contains("id=\"sauvegarde\"", job, "/politiques/sauvegardes/0359901X#restauration-" + id);
		assertThat(mvc.get().uri("/politiques/sauvegardes/0359901X").with(as("college")).exchange()).hasStatusOk().bodyText()
			.contains("id=\"restauration-" + id + "\"", job, "/tickets/" + id);
		assertThat(mvc.get().uri("/politiques/sauvegardes/0359901X").with(as("college2")).exchange()).hasStatus(HttpStatus.NOT_FOUND);

		// Reclassified out of the restore type (no data involved: no longer critical), the link goes; back in, it returns.
		String etag = reclassify(id, ticket.getResponse().getHeader("ETag"), false);
		await().atMost(Duration.ofSeconds(10)).until(() -> mvc.get().uri("/api/v1/backups/restore-tickets/" + id).with(as("agent.aca"))
			.exchange().getResponse().getStatus() == 404);
		assertThat(mvc.get().uri("/tickets/" + id).with(as("agent.aca")).exchange()).bodyText().doesNotContain("id=\"sauvegarde\"");
		etag = reclassify(id, etag, true);
		await().atMost(Duration.ofSeconds(10)).until(() -> mvc.get().uri("/api/v1/backups/restore-tickets/" + id).with(as("agent.aca"))
			.exchange().getResponse().getStatus() == 200);
		assertThat(JsonPath.<String>read(body(mvc.get().uri("/api/v1/backups/restore-tickets/" + id).with(as("agent.aca")).exchange()),
				"$.job")).isEqualTo(job);
		// A contractor sees the ticket assigned to it, not the collège's backups: no card.
		assertThat(mvc.put().uri("/api/v1/tickets/" + id + "/assignee").with(as("niveau1")).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"prestataire\"}").exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/tickets/" + id).with(as("prestataire")).exchange()).hasStatusOk().bodyText()
			.contains(job).doesNotContain("id=\"sauvegarde\"");
	}

	/** Reclassifies by the API as level 1 (data involved or not); returns the new ETag. */
	private String reclassify(Number id, String etag, boolean dataInvolved) {
		MvcTestResult r = mvc.put().uri("/api/v1/tickets/" + id + "/classification").with(as("niveau1")).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content("{\"dataInvolved\":" + dataInvolved + ",\"reason\":\"vérifié\"}").exchange();
		assertThat(r).as(body(r)).hasStatusOk();
		assertThat(JsonPath.<String>read(body(r), "$.criticality")).isEqualTo(dataInvolved ? "CRITICAL" : "NON_CRITICAL");
		return r.getResponse().getHeader("ETag");
	}
}
