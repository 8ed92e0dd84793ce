package org.entente.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The done-when of issue 20: a person departed by a full import, then purged, leaves no trace of their UID, name or
 * mail in any table (accounts, tickets, incidents, committees, meetings, establishment contacts, the journal's custody
 * log), while their ticket, incident and meeting stay, anonymised.
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
		// The person in governance, the inventory and the journal's custody log, written as those modules write them.
		Timestamp now = Timestamp.from(Instant.now());
		String name = first + " " + last;
		jdbc.sql("insert into gov_member (committee_code, name, email, party, role, created_by, created_at) values ('OPERATIONAL', ?, ?, 'EPLE', 'représentante', ?, ?)")
			.params(name, mail, uid, now).update();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into gov_meeting (committee_code, starts_at, duration_minutes, agenda, minutes, status, convention_version, created_by, created_at) "
				+ "values ('OPERATIONAL', ?, 60, ?, ?, 'HELD', '1', ?, ?)")
			.params(java.time.LocalDateTime.of(2026, 3, 2, 10, 0), "Point présenté par " + name, "Présents : " + name + " (" + mail + ").", uid, now)
			.update(key, "id");
		long meeting = key.getKeyAs(Number.class).longValue();
		jdbc.sql("insert into gov_meeting_invitee (meeting_id, name, email, party) values (?, ?, ?, 'EPLE')").params(meeting, name, mail).update();
		GeneratedKeyHolder planned = new GeneratedKeyHolder();
		jdbc.sql("insert into gov_meeting (committee_code, starts_at, duration_minutes, status, convention_version, created_by, created_at) "
				+ "values ('OPERATIONAL', ?, 60, 'PLANNED', '1', 'admin', ?)")
			.params(java.time.LocalDateTime.of(2026, 12, 15, 10, 0), now).update(planned, "id");
		long next = planned.getKeyAs(Number.class).longValue();
		jdbc.sql("insert into gov_meeting_invitee (meeting_id, name, email, party) values (?, ?, ?, 'EPLE')").params(next, name, mail).update();
		String contactUai = jdbc.sql("select min(uai) from establishment where uai not in (select uai from inv_establishment_contact)")
			.query(String.class).single();
		jdbc.sql("insert into inv_establishment_contact (uai, role, name, email, phone, updated_at, updated_by) values (?, 'RSN', ?, ?, '02 99 00 00 00', ?, ?)")
			.params(contactUai, last + " " + first, mail.toUpperCase(Locale.ROOT), now, uid).update();
		jdbc.sql("insert into journal_access (at, username, role, action, criteria, purpose) values (?, ?, 'JOURNAL_OPERATOR', 'SEARCH', ?, ?)")
			.params(now, uid, "user=" + uid, "demande concernant " + name).update();
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
		for (String category : List.of("GOVERNANCE_PEOPLE", "INVENTORY_PEOPLE", "JOURNAL_CUSTODY")) {
			assertThat(run.counts()).anySatisfy(c -> {
				assertThat(c.category()).isEqualTo(category);
				assertThat(c.count()).isPositive();
				assertThat(c.clause()).contains("8. Conservation");
			});
		}
		assertThat(traces(uid, last, mail)).as("traces de la personne après la purge").isEmpty();
		// The ticket and the incident stay, anonymised; the one who stays is untouched.
		assertThat(jdbc.sql("select requester from ticket where id = ?").param(ticketId).query(String.class).single()).isEqualTo("[supprimé]");
		assertThat(jdbc.sql("select reported_by from security_incident where id = ?").param(incidentId).query(String.class).single()).isEqualTo("[supprimé]");
		assertThat(jdbc.sql("select count(*) from privacy_identity where uid = ?").param(stayer).query(Integer.class).single()).isEqualTo(1);
		// A member no longer sits nor is convoked, a contact is no longer the one to call; the past meeting keeps its
		// invitee, anonymised.
		assertThat(jdbc.sql("select count(*) from gov_member where created_by = ? or name = ?").params(uid, name).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select name from gov_meeting_invitee where meeting_id = ?").param(meeting).query(String.class).single()).isEqualTo("[supprimé]");
		assertThat(jdbc.sql("select count(*) from gov_meeting_invitee where meeting_id = ?").param(next).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from inv_establishment_contact where uai = ?").param(contactUai).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from journal_access where username = '[supprimé]' and criteria = 'user=[supprimé]'")
			.query(Integer.class).single()).isPositive();
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
		// The purge page words each category as the convention file does, its code only as a tooltip.
		assertThat(json(mvc.get().uri("/donnees-personnelles/purges").with(as("admin")).exchange()))
			.contains("title=\"ACCOUNTS\">compte de la personne, son historique et ses sessions : ");
	}

	/** The journal's lines are not destroyed per person but at the end of their period, and every place says so. */
	@Test
	void theJournalIsDestroyedAtTheEndOfItsRetentionNotPerPerson() {
		String expected = "journaux de connexion et d'accès à internet : détruits à l'échéance de conservation (1 an), non par personne";
		MvcTestResult r = mvc.post().uri("/api/v1/privacy/purges?dryRun=true").with(as("dpo")).exchange();
		assertThat(r).hasStatus(HttpStatus.OK);
		assertThat(r).bodyJson().extractingPath("$.notPerPerson[0].category").isEqualTo("CONNECTION_LOGS");
		assertThat(r).bodyJson().extractingPath("$.notPerPerson[0].text").isEqualTo(expected);
		assertThat(r).bodyJson().extractingPath("$.notPerPerson[0].clause").asString().contains("2021-1362").contains("8. Conservation");
		assertThat(json(mvc.get().uri("/donnees-personnelles/purges").with(as("dpo")).exchange())).contains(expected.replace("'", "&#39;"));
		List<String> retention = JsonPath.read(json(mvc.get().uri("/api/v1/privacy/register").with(as("dpo")).exchange()), "$[?(@.operator == 'système')].fields.retention");
		assertThat(retention).isNotEmpty().allSatisfy(t -> assertThat(t).contains(expected)
			.contains("gardée telle que reçue et détruite P1Y après sa réception").contains("2021-1362"));
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
