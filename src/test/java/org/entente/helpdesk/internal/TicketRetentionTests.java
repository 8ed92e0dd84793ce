package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.entente.EntenteTest;
import org.entente.convention.InterventionKind;
import org.entente.convention.RetentionRule;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The tickets' retention (convention file, {@code TICKETS}: five years after closure): a ticket closed five years and
 * a day ago goes with its comments, history, clocks, attachment, the register's restore link, reporting's line, an
 * incident's link and its webhook deliveries; one closed five years less a day ago (with its links) and an old open
 * one stay; a second run erases nothing more; the purge's dry run counts them.
 */
@EntenteTest
class TicketRetentionTests {

	static final String COLLEGE = "0359901X";

	@Autowired
	TicketOpening opening;

	@Autowired
	TicketRetention retention;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	long open(String title) {
		EntenteUser user = new EntenteUser(accounts.find("niveau1").orElseThrow(), "x", true);
		return opening.open(user, new TicketOpening.NewTicket(COLLEGE, title + " " + UUID.randomUUID().toString().substring(0, 8),
				"Plus rien ne sort du collège.", "ADDUCTION_INTERNET", InterventionKind.REPAIR, null, null, null, null, false, null,
				null, null, null, null)).ticket().id();
	}

	Timestamp noon(LocalDate day) {
		return Timestamp.from(day.atTime(LocalTime.NOON).atZone(retention.zone()).toInstant());
	}

	void close(long id, LocalDate on) {
		jdbc.sql("update ticket set status = 'CLOSED', resolved_at = :at, closed_at = :at where id = :id")
			.param("at", noon(on)).param("id", id).update();
		jdbc.sql("insert into ticket_comment (ticket_id, author, body, created_at) values (?, 'niveau1', 'Réparé.', ?)")
			.params(id, noon(on)).update();
	}

	long count(String table, String column, long id) {
		return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(id).query(Long.class).single();
	}

	long links(long ticket) {
		return jdbc.sql("select count(*) from security_incident_link where kind = 'TICKET' and ref = ?").param(ticket).query(Long.class).single();
	}

	long deliveries(long ticket) {
		return jdbc.sql("select count(*) from webhook_delivery where subject = ?").param("ticket:" + ticket).query(Long.class).single();
	}

	@Test
	void aTicketClosedFiveYearsAndADayAgoGoesWithEverythingItHasTheOthersStay() {
		LocalDate today = retention.today();
		Period period = retention.period().orElseThrow();
		assertThat(period).isEqualTo(Period.ofYears(5));
		long old = open("Ancien ticket");
		long recent = open("Ticket presque échu");
		long stillOpen = open("Ticket resté ouvert");
		for (long id : List.of(old, recent, stillOpen)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> count("reporting_ticket", "ticket_id", id) == 1);
		}
		close(old, today.minus(period).minusDays(1));
		close(recent, today.minus(period).plusDays(1));
		jdbc.sql("update ticket set opened_at = ? where id = ?").params(noon(today.minusYears(10)), stillOpen).update();
		jdbc.sql("insert into ticket_attachment (ticket_id, filename, content_type, size_bytes, content, uploaded_by, uploaded_at) "
				+ "values (?, 'photo.txt', 'text/plain', 2, ?, 'niveau1', ?)").params(old, new byte[] { 'o', 'k' }, noon(today.minusYears(6))).update();
		jdbc.sql("insert into policy_restore_link (ticket_id, ticket_number, uai, data_class, compliant, reasons, linked_at) "
				+ "values (?, 'E-2020-000001', ?, 'ADMINISTRATIVE', true, '', ?)").params(old, COLLEGE, noon(today.minusYears(6))).update();
		// Another module's links to both tickets: an incident (security), a webhook's delivery log (webhook).
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into security_incident (status, title, description, establishments, component, detected_at, personal_data, "
				+ "reported_at, reported_by, reporter_role, handled_by, clause, explanation, convention_version, updated_at) "
				+ "values ('CLOSED', 'Incident lié', '-', ',0359901X,', 'ADDUCTION_INTERNET', :at, false, :at, 'rssi', 'RSSI', 'CD', '-', '-', '1', :at)")
			.param("at", noon(today)).update(key, "id");
		long incident = key.getKeyAs(Number.class).longValue();
		GeneratedKeyHolder endpointKey = new GeneratedKeyHolder();
		jdbc.sql("insert into webhook_endpoint (url, events, secret, owner, status, created_at) "
				+ "values ('https://example.org/hook', 'ticket.opened', 'secret', 'admin', 'PAUSED', ?)").param(noon(today)).update(endpointKey, "id");
		long endpoint = endpointKey.getKeyAs(Number.class).longValue();
		for (long id : List.of(old, recent)) {
			jdbc.sql("insert into security_incident_link (incident_id, kind, ref, added_at, added_by) values (?, 'TICKET', ?, ?, 'rssi')")
				.params(incident, id, noon(today)).update();
			jdbc.sql("insert into webhook_delivery (id, endpoint_id, event_key, event_type, subject, occurred_at, payload, status, next_attempt, created_at) "
					+ "values (?, ?, ?, 'ticket.opened', ?, :at, '{}', 'DELIVERED', :at, :at)".replace(":at", "?"))
				.params(UUID.randomUUID().toString(), endpoint, "opened:" + id, "ticket:" + id, noon(today), noon(today), noon(today)).update();
		}
		assertThat(count("ticket_event", "ticket_id", old)).isPositive();
		assertThat(count("ticket_clock", "ticket_id", old)).isPositive();

		// The purge's dry run counts what the retention will erase, under the convention's category.
		assertThat(retention.due(today)).isPositive();
		MvcTestResult dry = mvc.post().uri("/api/v1/privacy/purges?dryRun=true").with(as("dpo")).exchange();
		assertThat(dry).hasStatus(HttpStatus.OK);
		List<Number> due = JsonPath.read(new String(dry.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8),
				"$.counts[?(@.category == 'TICKETS')].count");
		assertThat(due).singleElement().satisfies(n -> assertThat(n.longValue()).isPositive());

		assertThat(retention.erase(today)).isPositive();
		for (String[] t : new String[][] { { "ticket", "id" }, { "ticket_comment", "ticket_id" }, { "ticket_event", "ticket_id" },
				{ "ticket_clock", "ticket_id" }, { "ticket_attachment", "ticket_id" }, { "ticket_party", "ticket_id" },
				{ "policy_restore_link", "ticket_id" } }) {
			assertThat(count(t[0], t[1], old)).as(t[0]).isZero();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> count("reporting_ticket", "ticket_id", old) == 0
				&& links(old) == 0 && deliveries(old) == 0);
		assertThat(links(recent)).isEqualTo(1);
		assertThat(deliveries(recent)).isEqualTo(1);
		for (long kept : List.of(recent, stillOpen)) {
			assertThat(count("ticket", "id", kept)).isEqualTo(1);
			assertThat(count("reporting_ticket", "ticket_id", kept)).isEqualTo(1);
		}
		assertThat(count("ticket_comment", "ticket_id", recent)).isEqualTo(1);

		// A second run the same day erases nothing more.
		assertThat(retention.due(today)).isZero();
		assertThat(retention.erase(today)).isZero();
		assertThat(count("ticket", "id", recent)).isEqualTo(1);

		// The shared test database goes on to the security and webhook tests: they must not find these rows.
		jdbc.sql("delete from security_incident_link where incident_id = ?").param(incident).update();
		jdbc.sql("delete from security_incident where id = ?").param(incident).update();
		jdbc.sql("delete from webhook_delivery where endpoint_id = ?").param(endpoint).update();
		jdbc.sql("delete from webhook_endpoint where id = ?").param(endpoint).update();
	}

	@Test
	void thePeriodIsTheConventionsTicketsRowAndNothingWithoutIt() {
		RetentionRule tickets = new RetentionRule("TICKETS", "Tickets", Period.ofYears(3), "CLOSURE", "Registre");
		RetentionRule logs = new RetentionRule("CONNECTION_LOGS", "Journaux", Period.ofYears(1), "RECEIPT", "Annexe, 8");
		assertThat(TicketRetention.period(List.of(logs, tickets))).contains(Period.ofYears(3));
		assertThat(TicketRetention.period(List.of(logs))).isEmpty();
		assertThat(TicketRetention.period(null)).isEmpty();
		// Counted from anything but the closure, the desk cannot tell when a ticket's period ends: nothing is erased.
		assertThat(TicketRetention.period(List.of(new RetentionRule("TICKETS", "Tickets", Period.ofYears(3), "RECEIPT", "Registre")))).isEmpty();
	}
}
