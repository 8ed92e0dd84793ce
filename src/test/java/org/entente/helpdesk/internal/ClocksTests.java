package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.entente.EntenteTest;
import org.entente.convention.InterventionKind;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Clocks.ClockView;
import org.entente.helpdesk.internal.Clocks.State;
import org.entente.helpdesk.internal.Clocks.StatusChange;
import org.entente.notification.InAppNotifications;
import org.entente.worktime.Criticality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Clocks recomputed from the status history, pauses from the convention file, escalation fired once. */
@EntenteTest
class ClocksTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	Clocks clocks;

	@Autowired
	TicketOpening opening;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketClocks ticketClocks;

	@Autowired
	TicketSatisfaction satisfaction;

	@Autowired
	TicketHistory history;

	@Autowired
	ClockWatcher watcher;

	@Autowired
	TicketRepository tickets;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InAppNotifications notifications;

	static Instant paris(String local) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(local), PARIS).toInstant();
	}

	EntenteUser user(String username) {
		return new EntenteUser(accounts.find(username).orElseThrow(), "x", true);
	}

	static Ticket ticket(Instant openedAt, boolean data) {
		return new Ticket(1, "E-2026-000001", TicketKind.INCIDENT, "0359901X", "college", "t", "d", "ADDUCTION_INTERNET",
				null, InterventionKind.REPAIR, null, null, Criticality.CRITICAL, false, null, data, TicketStatus.NEW, null,
				false, null, 1, List.of("CD"), false, "e", "c", "1", null, 0, "OK", openedAt, null, null, openedAt, 0, null, null, null, null, null, null);
	}

	@Test
	void waitingPausesTheClocksAsTheConventionFileSays() {
		Instant opened = paris("2026-11-30T08:00");
		List<StatusChange> history = List.of(new StatusChange(opened, TicketStatus.NEW),
				new StatusChange(paris("2026-11-30T08:30"), TicketStatus.TAKEN_IN_CHARGE),
				new StatusChange(paris("2026-11-30T09:00"), TicketStatus.WAITING),
				new StatusChange(paris("2026-11-30T10:00"), TicketStatus.IN_PROGRESS));
		List<ClockView> views = clocks.compute(ticket(opened, true), history, paris("2026-11-30T12:00"));
		assertThat(views).extracting(ClockView::code).containsExactly("TAKE_CHARGE", "RESTORATION", "DATA_RESTORE");
		ClockView take = views.get(0);
		assertThat(take.state()).isEqualTo(State.MET);
		assertThat(take.stoppedAt()).isEqualTo(paris("2026-11-30T08:30"));
		ClockView restoration = views.get(1);
		// one working day from Monday 08:00, plus the hour spent waiting: Tuesday 09:00
		assertThat(restoration.deadline()).isEqualTo(paris("2026-12-01T09:00"));
		assertThat(restoration.remaining()).isEqualTo(Duration.ofHours(5));
		assertThat(restoration.state()).isEqualTo(State.RUNNING);

		// Still waiting: the clock is paused and has no deadline yet.
		List<StatusChange> waiting = List.of(history.get(0), history.get(1), history.get(2));
		ClockView paused = clocks.compute(ticket(opened, false), waiting, paris("2026-11-30T16:00")).get(1);
		assertThat(paused.state()).isEqualTo(State.PAUSED);
		assertThat(paused.deadline()).isNull();
		assertThat(paused.remaining()).isEqualTo(Duration.ofHours(7));

		// 75 % used: at risk; 100 %: breached.
		List<StatusChange> open = List.of(history.get(0));
		assertThat(clocks.compute(ticket(opened, false), open, paris("2026-11-30T11:00")).get(0).state()).isEqualTo(State.AT_RISK);
		assertThat(clocks.compute(ticket(opened, false), open, paris("2026-11-30T12:00")).get(0).state()).isEqualTo(State.BREACHED);
	}

	long backdatedCriticalTicket(int days) {
		return backdatedCriticalTicket(days, "ADDUCTION_INTERNET", InterventionKind.REPAIR);
	}

	/** A critical incident opened {@code days} ago on this component (ADDUCTION_INTERNET: the CD's; TOUTATICE_PORTAIL: the ACA's). */
	long backdatedCriticalTicket(int days, String component, InterventionKind intervention) {
		Ticket t = opening.open(user("college"), new TicketOpening.NewTicket("0359901X", TicketApiTests.unique("Plus d'accès"),
				"Tout le collège", component, intervention, null, null, null, org.entente.helpdesk.TicketKind.INCIDENT, true,
				null, null)).ticket();
		Instant past = t.openedAt().minus(Duration.ofDays(days));
		jdbc.sql("update ticket set opened_at = ? where id = ?").params(java.sql.Timestamp.from(past), t.id()).update();
		jdbc.sql("update ticket_event set at = ? where ticket_id = ?").params(java.sql.Timestamp.from(past), t.id()).update();
		ticketClocks.refresh(tickets.find(t.id()).orElseThrow(), Instant.now());
		return t.id();
	}

	@Test
	void breachesFireOnceEvenWhenTwoRunsOverlapAndEveryoneIsTold() {
		// The Académie's commitment (annexe §4: « L'Académie s'engage … »): bindingFor [ACA] in the convention file.
		long id = backdatedCriticalTicket(10, "TOUTATICE_PORTAIL", InterventionKind.ASSISTANCE);
		Instant now = Instant.now();
		CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> watcher.fire(now));
		CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> watcher.fire(now));
		a.join();
		b.join();
		watcher.fire(now);
		List<TicketEvent> breached = history.of(id).stream().filter(e -> e.type().equals("CLOCK_BREACHED")).toList();
		assertThat(breached).hasSize(3); // take charge, restoration, data restore
		Ticket t = tickets.find(id).orElseThrow();
		assertThat(t.slaState()).isEqualTo("BREACHED");
		// Mutual information on a critical incident: CD, ACA and the collège are all told.
		for (String who : List.of("agent.cd", "agent.aca", "college")) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifications.latest(who, 200))
				.anySatisfy(n -> assertThat(n.title()).contains(t.number(), "Délai dépassé")));
		}
	}

	@Test
	void theDepartementsTimesAreIndicativeAndNeverEscalatedAsBreaches() {
		// « Le Département intervient au plus tôt », with no figure: its clocks are indicative.
		long id = backdatedCriticalTicket(10);
		Ticket t = tickets.find(id).orElseThrow();
		assertThat(t.parties()).containsExactly("CD");
		assertThat(ticketClocks.of(t)).isNotEmpty().noneMatch(ClockView::binding);
		assertThat(t.slaState()).isEqualTo("OK");
		watcher.fire(Instant.now());
		watcher.fire(Instant.now());
		List<TicketEvent> events = history.of(id);
		assertThat(events).noneMatch(e -> e.type().equals("CLOCK_BREACHED") || e.type().equals("CLOCK_AT_RISK"));
		assertThat(events.stream().filter(e -> e.type().equals("CLOCK_INDICATIVE"))).hasSize(3);
		assertThat(tickets.find(id).orElseThrow().slaState()).isEqualTo("OK");
	}

	@Test
	void resolvedTicketsCloseByThemselvesAfterTheConfiguredWorkingDays() {
		long id = backdatedCriticalTicket(1);
		Ticket t = tickets.find(id).orElseThrow();
		workflow.transition(user("niveau1"), id, t.version(), new Ticket.Transition(TicketStatus.RESOLVED, null, null, null, null));
		assertThat(watcher.closeResolved(Instant.now())).isGreaterThanOrEqualTo(0);
		assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
		jdbc.sql("update ticket set resolved_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(15))), id).update();
		watcher.closeResolved(Instant.now());
		Ticket closed = tickets.find(id).orElseThrow();
		assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(history.of(id)).anySatisfy(e -> assertThat(e.detail()).contains("Clôture automatique"));
		// The requester may now answer the survey, once.
		satisfaction.answer(user("college"), id, 4, "Rapide");
		assertThat(satisfaction.of(closed)).hasValueSatisfying(s -> assertThat(s.rating()).isEqualTo(4));
	}
}
