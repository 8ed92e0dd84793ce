package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.entente.common.ProblemException;
import org.entente.convention.Convention;
import org.entente.convention.ConventionFixtures;
import org.entente.convention.InterventionKind;
import org.entente.directory.Account;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
import org.entente.helpdesk.internal.Ticket.Moved;
import org.entente.helpdesk.internal.Ticket.Transition;
import org.entente.worktime.Criticality;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The workflow rules on the ticket itself (what a move needs, the event it registers) and the role rules of
 * {@link TicketAccess}, as docs/helpdesk.md tables them; no Spring context.
 */
class TicketWorkflowRulesTests {

	static final Instant OPENED = Instant.parse("2026-11-30T07:00:00Z");
	static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

	static final Convention SEED = ConventionFixtures.parse("convention.yaml", ConventionFixtures.seedText());

	final TicketAccess access = new TicketAccess(() -> SEED);

	static Ticket ticket(TicketStatus status) {
		return new Ticket(7, "E-2026-000007", TicketKind.INCIDENT, "0359901X", "college", "t", "d", "ADDUCTION_INTERNET",
				null, InterventionKind.REPAIR, null, null, Criticality.CRITICAL, false, null, false, status, null, false,
				null, 2, List.of("CD"), false, "e", "c", "3", null, 0, "OK", OPENED,
				status == TicketStatus.RESOLVED ? OPENED : null, null, OPENED, 4, null, null, null, null, null, null);
	}

	static EntenteUser user(Role role, String party, String establishment) {
		return new EntenteUser(new Account(1, role.name().toLowerCase(), "x", null, role, party, establishment, true, true), "x", true);
	}

	static int status(Runnable r) {
		try {
			r.run();
			return 200;
		}
		catch (ProblemException e) {
			return e.status().value();
		}
	}

	@Test
	void aMoveRegistersTheStatusChangeWithTheTicketsSnapshot() {
		Moved m = ticket(TicketStatus.NEW).moveTo(new Transition(TicketStatus.TAKEN_IN_CHARGE, " diagnostic ", null, null, null),
				"agent.cd", NOW);
		assertThat(m.after().status()).isEqualTo(TicketStatus.TAKEN_IN_CHARGE);
		assertThat(m.after().version()).isEqualTo(5);
		assertThat(m.type()).isEqualTo("STATUS");
		assertThat(m.detail()).isEqualTo("Pris en charge (diagnostic) — diagnostic");
		assertThat(m.event().from()).isEqualTo(TicketStatus.NEW);
		assertThat(m.event().to()).isEqualTo(TicketStatus.TAKEN_IN_CHARGE);
		assertThat(m.event().actor()).isEqualTo("agent.cd");
		assertThat(m.event().reason()).isEqualTo("diagnostic");
		assertThat(m.event().at()).isEqualTo(NOW);
		assertThat(m.event().ticket().ticketId()).isEqualTo(7);
		assertThat(m.event().ticket().uai()).isEqualTo("0359901X");
		assertThat(m.event().ticket().parties()).containsExactly("CD");
		assertThat(m.event().ticket().level()).isEqualTo(2);
		assertThat(m.event().ticket().conventionVersion()).isEqualTo("3");
	}

	@Test
	void whatEachTargetStatusNeeds() {
		assertThatThrownBy(() -> ticket(TicketStatus.NEW).moveTo(new Transition(TicketStatus.CLOSED, null, null, null, null), "x", NOW))
			.isInstanceOfSatisfying(ProblemException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(e.properties().get("allowed")).isEqualTo(List.of("TAKEN_IN_CHARGE", "WAITING", "RESOLVED"));
			});
		assertThat(field(() -> ticket(TicketStatus.NEW).moveTo(new Transition(null, null, null, null, null), "x", NOW))).isEqualTo("to");
		assertThat(field(() -> ticket(TicketStatus.NEW).moveTo(new Transition(TicketStatus.WAITING, null, null, null, null), "x", NOW)))
			.isEqualTo("waitingReason");
		assertThat(field(() -> ticket(TicketStatus.IN_PROGRESS).moveTo(new Transition(TicketStatus.RESTORED, null, null, true, " "), "x", NOW)))
			.isEqualTo("temporarySolution");
		assertThat(field(() -> ticket(TicketStatus.CLOSED).moveTo(new Transition(TicketStatus.IN_PROGRESS, null, null, null, null), "x", NOW)))
			.isEqualTo("reason");

		Moved waiting = ticket(TicketStatus.NEW).moveTo(new Transition(TicketStatus.WAITING, null, WaitingReason.SUPPLIER, null, null), "x", NOW);
		assertThat(waiting.after().waitingReason()).isEqualTo(WaitingReason.SUPPLIER);
		Moved reopened = ticket(TicketStatus.RESOLVED).moveTo(new Transition(TicketStatus.IN_PROGRESS, "encore", null, null, null), "x", NOW);
		assertThat(reopened.type()).isEqualTo("REOPEN");
		assertThat(reopened.after().resolvedAt()).isNull();
		assertThat(ticket(TicketStatus.IN_PROGRESS).autoClose("système", NOW)).isNull();
		assertThat(ticket(TicketStatus.RESOLVED).autoClose("système", NOW).after().closedAt()).isEqualTo(NOW);
	}

	private static String field(Runnable r) {
		try {
			r.run();
			return null;
		}
		catch (ProblemException e) {
			return e.errors().get(0).field();
		}
	}

	@Test
	void whoMayMoveATicketOn() {
		Ticket t = ticket(TicketStatus.IN_PROGRESS);
		EntenteUser level1 = user(Role.LEVEL1_AGENT, null, null);
		EntenteUser cd = user(Role.CD_AGENT, "CD", null);
		EntenteUser aca = user(Role.ACA_AGENT, "ACA", null);
		EntenteUser contractor = user(Role.CONTRACTOR, null, null);
		EntenteUser college = user(Role.SCHOOL_STAFF, null, "0359901X");
		assertThat(status(() -> access.requireMayMove(level1, t, TicketStatus.RESOLVED, false))).isEqualTo(200);
		assertThat(status(() -> access.requireMayMove(cd, t, TicketStatus.RESOLVED, false))).isEqualTo(200);
		assertThat(status(() -> access.requireMayMove(aca, t, TicketStatus.RESOLVED, false))).isEqualTo(403);
		assertThat(status(() -> access.requireMayMove(contractor, t, TicketStatus.RESOLVED, false))).isEqualTo(200);
		assertThat(status(() -> access.requireMayMove(contractor, t, TicketStatus.CLOSED, false))).isEqualTo(403);
		assertThat(status(() -> access.requireMayMove(college, t, TicketStatus.RESOLVED, false))).isEqualTo(403);
		assertThat(status(() -> access.requireMayMove(college, t, TicketStatus.CLOSED, false))).isEqualTo(200);
		assertThat(status(() -> access.requireMayMove(college, t, TicketStatus.IN_PROGRESS, true))).isEqualTo(200);

		assertThat(status(() -> access.requireMayEscalate(level1))).isEqualTo(200);
		assertThat(status(() -> access.requireMayEscalate(cd))).isEqualTo(403);
		assertThat(status(() -> access.requireMayHandBack(cd, t))).isEqualTo(200);
		assertThat(status(() -> access.requireMayHandBack(aca, t))).isEqualTo(403);
		assertThat(status(() -> access.requireMayHandBack(level1, t))).isEqualTo(403);
		assertThat(status(() -> access.requireMayChange(aca, t))).isEqualTo(403);
		assertThat(status(() -> access.requireMayChange(level1, t))).isEqualTo(200);
		assertThat(status(() -> access.requireMayOpen(contractor, "0359901X"))).isEqualTo(403);
		assertThat(status(() -> access.requireMayOpen(college, "0359902Y"))).isEqualTo(400);

		// Critical: both parties see it; another collège does not.
		assertThat(access.canSee(aca, t)).isTrue();
		assertThat(access.canSee(user(Role.SCHOOL_STAFF, null, "0359902Y"), t)).isFalse();
		assertThat(access.canSee(contractor, t)).isFalse();
	}

	/** A non-critical request routed to the Académie only. */
	static Ticket acaRequest() {
		return new Ticket(8, "E-2026-000008", TicketKind.REQUEST, "0359901X", "college", "t", "d", "TOUTATICE_PORTAIL",
				null, InterventionKind.ASSISTANCE, null, null, Criticality.NON_CRITICAL, false, 1, false,
				TicketStatus.IN_PROGRESS, null, false, null, 2, List.of("ACA"), false, "e", "c", "1", null, 0, "OK", OPENED,
				null, null, OPENED, 0, null, null, null, null, null, null);
	}

	@Test
	void theDepartementReadsEveryRequestOfTheCollegesWithoutActingOnAnotherPartysTicket() {
		Ticket t = acaRequest();
		EntenteUser cd = user(Role.CD_AGENT, "CD", null);
		EntenteUser aca = user(Role.ACA_AGENT, "ACA", null);
		// Annexe §4, « Accès aux fiches … » (indicator AMIGO_DASHBOARD, readers: [CD]).
		assertThat(access.canSee(cd, t)).isTrue();
		assertThat(access.scope(cd).clause()).isEqualTo("1 = 1");
		assertThat(access.readsOnly(cd, t)).isTrue();
		assertThat(status(() -> access.requireMayMove(cd, t, TicketStatus.RESOLVED, false))).isEqualTo(403);
		assertThat(status(() -> access.requireMayChange(cd, t))).isEqualTo(403);
		assertThat(status(() -> access.requireMayHandBack(cd, t))).isEqualTo(403);
		assertThat(status(() -> access.requireMayContribute(cd, t))).isEqualTo(403);
		assertThat(access.isToldOf(new Account(2, "agent.cd", "x", null, Role.CD_AGENT, "CD", null, true, true), t)).isFalse();
		// The Académie's agent stays scoped as before: its party's tickets and the critical incidents.
		assertThat(access.readsOnly(aca, ticket(TicketStatus.IN_PROGRESS))).isFalse();
		assertThat(access.scope(aca).clause()).contains("t.parties like ?");
		assertThat(access.canSee(aca, t)).isTrue();
		assertThat(status(() -> access.requireMayContribute(aca, t))).isEqualTo(200);
		// Nobody else gains anything.
		assertThat(access.canSee(user(Role.SCHOOL_STAFF, null, "0359902Y"), t)).isFalse();
		assertThat(access.canSee(user(Role.CONTRACTOR, null, null), t)).isFalse();
		assertThat(access.canSee(user(Role.CD_AGENT, null, null), t)).isFalse();
		// The file decides: a convention without that reading gives the CD only its own and the critical tickets.
		Convention without = ConventionFixtures.parse("convention-2.yaml", ConventionFixtures.seedText()
			.replaceFirst("(?m)^version: \"1\"$", "version: \"2\"").replace("      readers: [CD]\n", ""));
		TicketAccess amended = new TicketAccess(() -> without);
		assertThat(amended.canSee(cd, t)).isFalse();
		assertThat(amended.scope(cd).clause()).contains("t.parties like ?");
	}

	@Test
	void agentsQueuesAreSortedByPriority() {
		for (EntenteUser u : List.of(user(Role.LEVEL1_AGENT, null, null), user(Role.CD_AGENT, "CD", null),
				user(Role.ACA_AGENT, "ACA", null), user(Role.CONTRACTOR, null, null))) {
			assertThat(access.queues(u).stream().filter(q -> !q.query().startsWith("sla="))
				.map(TicketAccess.Queue::query)).as(u.role().name()).allMatch(q -> q.endsWith("&sort=priority"));
		}
		// The SQL sorts criticality on its stored name: CRITICAL must come first.
		assertThat(Criticality.CRITICAL.name()).isLessThan(Criticality.NON_CRITICAL.name());
		assertThat(new TicketQuery(null, null, null, null, null, null, 1, null, true, "priority").queryString())
			.isEqualTo("level=1&openOnly=true&sort=priority");
		assertThat(status(() -> new TicketQuery(null, null, null, null, null, null, null, null, false, "id"))).isEqualTo(400);
	}

	@Test
	void aPartysOpenQueueNamesTheOpenStatusesInItsJoin() {
		// One range of ix_ticket_party (party, status, ticket_id): the ACA's ten open tickets, not the whole priority index.
		TicketQuery.Sql sql = new TicketQuery(null, "aca", null, null, null, null, null, null, true, "priority")
			.toSql(new TicketQuery.Sql("1 = 1", List.of()));
		assertThat(sql.clause()).contains("p.party = 'ACA' and p.status in ('NEW', 'TAKEN_IN_CHARGE', 'IN_PROGRESS', "
				+ "'WAITING', 'RESTORED')");
		assertThat(new TicketQuery(null, "ACA", null, null, null, null, null, null, false, "priority")
			.toSql(new TicketQuery.Sql("1 = 1", List.of())).clause()).doesNotContain("p.status");
		// The same for a request type's open requests: one range of ix_ticket_request_type (request_type, status).
		assertThat(new TicketQuery(null, null, null, null, null, null, null, null, true, "priority", "enrolment")
			.toSql(new TicketQuery.Sql("1 = 1", List.of())).clause()).contains("t.request_type = 'ENROLMENT'",
					"t.status in ('NEW', 'TAKEN_IN_CHARGE', 'IN_PROGRESS', 'WAITING', 'RESTORED')");
	}
}
