package org.entente.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.entente.EntenteTest;
import org.entente.directory.Accounts;
import org.entente.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The done-when of issue 20: a person departed by a full import, then purged, leaves no trace of their UID, name or
 * mail in any table, while their ticket and incident stay, anonymised.
 */
@EntenteTest
class PurgeTests {

	/**
	 * Tables the grep skips, and why: completed event publications are deleted after seven days (notification's
	 * PublicationRegistry), idempotency keys after 24 hours (web's IdempotencyKeys), both far within four months.
	 */
	static final Set<String> SHORT_LIVED = Set.of("event_publication", "web_idempotency_key");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Purges purges;

	@Autowired
	RetentionPolicy retention;

	static String json(MvcTestResult r) {
		return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	MvcTestResult importCsv(String csv) {
		return mvc.post().uri("/api/v1/privacy/identities/import?mode=full").with(as("dpo")).contentType("text/csv")
			.content(csv.getBytes(StandardCharsets.UTF_8)).exchange();
	}

	@Test
	void aDepartedPersonLeavesNoTraceAfterThePurge() {
		String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String uid = "zq" + token;
		String last = "Qxwvlast" + token;
		String first = "Ysolde";
		String mail = "mel" + token + "@eleves.example.org";
		String stayer = "st" + token;
		String uai = IdentityApiTests.uai();
		String header = IdentityApiTests.HEADER + "\n";
		String person = "G-" + uid + "," + uid + "," + last + "," + first + ",MME,1980-05-06,EN_STAFF,secrétaire," + uai + ",,Vie scolaire\n";
		String other = IdentityApiTests.line(stayer, uai) + "\n";
		assertThat(importCsv(header + person + other)).hasStatus(HttpStatus.OK);

		// The person works: an account (as single sign-on would create it), a ticket with a comment, an incident.
		accounts.create(new Accounts.NewAccount(uid, org.entente.EntenteTest.PASSWORD, first + " " + last, mail,
				Role.SCHOOL_STAFF, "EPLE", "0359901X", false));
		MvcTestResult ticket = mvc.post().uri("/api/v1/tickets").with(httpBasic(uid, org.entente.EntenteTest.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"establishment":"0359901X","title":"Plus d'internet (%s)","description":"Bonjour, ici %s %s, joignable à %s.","component":"ADDUCTION_INTERNET","intervention":"REPAIR"}"""
				.formatted(uid, first, last, mail))
			.exchange();
		assertThat(ticket).as(json(ticket)).hasStatus(HttpStatus.CREATED);
		long ticketId = ((Number) JsonPath.read(json(ticket), "$.id")).longValue();
		assertThat(mvc.post().uri("/api/v1/tickets/" + ticketId + "/comments").with(httpBasic(uid, org.entente.EntenteTest.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Toujours rien, signé " + first + " " + last + ".\"}").exchange())
			.hasStatus(HttpStatus.CREATED);
		MvcTestResult incident = mvc.post().uri("/api/v1/security/incidents").with(httpBasic(uid, org.entente.EntenteTest.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"establishments":["0359901X"],"component":"STATIONS_PEDAGOGIQUES","title":"Message suspect reçu par %s %s",
					 "description":"Un message suspect demandait le mot de passe de %s.","detectedAt":"2026-03-14T09:30:00+01:00","personalData":false}"""
				.formatted(first, last, mail))
			.exchange();
		assertThat(incident).as(json(incident)).hasStatus(HttpStatus.CREATED);
		long incidentId = ((Number) JsonPath.read(json(incident), "$.id")).longValue();
		assertThat(mvc.get().uri("/api/v1/privacy/identities?uid=" + uid).with(as("dpo")).exchange()).hasStatus(HttpStatus.OK);
		assertThat(traces(uid, last, mail)).isNotEmpty();

		// The next full import of the collège no longer has the person: departed today, destroyed four months on.
		MvcTestResult second = importCsv(header + other);
		assertThat(second).bodyJson().extractingPath("$.departed").isEqualTo(1);
		LocalDate destroyBy = retention.destroyBy(retention.today());

		Purges.Run before = purges.run(destroyBy.minusDays(1), true, "MANUAL", "test");
		assertThat(jdbc.sql("select count(*) from privacy_identity where uid = ?").param(uid).query(Integer.class).single()).isEqualTo(1);
		Purges.Run dry = purges.run(destroyBy, true, "MANUAL", "test");
		assertThat(dry.persons()).isGreaterThan(before.persons());
		assertThat(traces(uid, last, mail)).isNotEmpty();

		MvcTestResult list = mvc.get().uri("/api/v1/privacy/purges").with(as("dpo")).exchange();
		assertThat(list).hasStatus(HttpStatus.OK);
		assertThat(list).bodyJson().extractingPath("$[0].dryRun").isEqualTo(true);

		Purges.Run run = purges.run(destroyBy, false, "MANUAL", "test");
		assertThat(run.counts()).anySatisfy(c -> {
			assertThat(c.category()).isEqualTo("ACCOUNTS");
			assertThat(c.count()).isPositive();
		});
		assertThat(run.counts()).anySatisfy(c -> assertThat(c.category()).isEqualTo("TICKET_PERSONAL_DATA"));
		assertThat(traces(uid, last, mail)).as("traces de la personne après la purge").isEmpty();
		// The ticket and the incident stay, anonymised; the one who stays is untouched.
		assertThat(jdbc.sql("select requester from ticket where id = ?").param(ticketId).query(String.class).single()).isEqualTo("[supprimé]");
		assertThat(jdbc.sql("select reported_by from security_incident where id = ?").param(incidentId).query(String.class).single()).isEqualTo("[supprimé]");
		assertThat(jdbc.sql("select count(*) from privacy_identity where uid = ?").param(stayer).query(Integer.class).single()).isEqualTo(1);
		// The run's record has counts, never the person.
		assertThat(json(mvc.get().uri("/api/v1/privacy/purges").with(as("admin")).exchange())).doesNotContain(uid).doesNotContain(last);
	}

	@Test
	void onlyDposAndAdministratorsRunThePurge() {
		assertThat(mvc.post().uri("/api/v1/privacy/purges?dryRun=true").with(as("rssi")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/privacy/purges").with(as("agent.cd")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult r = mvc.post().uri("/api/v1/privacy/purges?dryRun=true").with(as("admin")).exchange();
		assertThat(r).hasStatus(HttpStatus.OK);
		assertThat(r).bodyJson().extractingPath("$.dryRun").isEqualTo(true);
		assertThat(r).bodyJson().extractingPath("$.counts[*].category").asArray().contains("IDENTITIES", "ACCOUNTS");
	}

	/** Every text column of every table that contains one of the values: « table.column ». */
	List<String> traces(String... values) {
		List<String[]> columns = jdbc.sql("""
				select table_name, column_name, data_type from information_schema.columns
				where lower(table_schema) = lower(current_schema) order by table_name, column_name""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase(Locale.ROOT) })
			.list();
		List<String> found = new ArrayList<>();
		for (String[] c : columns) {
			boolean text = c[2].contains("char") || c[2].contains("text") || c[2].contains("clob");
			if (!text || SHORT_LIVED.contains(c[0].toLowerCase(Locale.ROOT))) {
				continue;
			}
			for (String v : values) {
				int n = jdbc.sql("select count(*) from " + c[0] + " where lower(" + c[1] + ") like ?")
					.param("%" + v.toLowerCase(Locale.ROOT) + "%").query(Integer.class).single();
				if (n > 0) {
					found.add(c[0] + "." + c[1] + " ∋ " + v);
				}
			}
		}
		return found;
	}
}
