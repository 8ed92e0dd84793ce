package org.entente.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.helpdesk.ClockAtRisk;
import org.entente.helpdesk.ClockBreached;
import org.entente.helpdesk.SatisfactionRated;
import org.entente.helpdesk.ServiceLevelOutcome;
import org.entente.helpdesk.TicketClosed;
import org.entente.helpdesk.TicketEscalated;
import org.entente.helpdesk.TicketHandedBack;
import org.entente.helpdesk.TicketOpened;
import org.entente.helpdesk.TicketSnapshot;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.TicketStatusChanged;
import org.entente.helpdesk.TicketsErased;
import org.entente.reporting.internal.ReportingStore.ClockKey;
import org.entente.reporting.internal.ReportingStore.DayKey;
import org.entente.worktime.WorkTime;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The desk's events applied to the aggregates, each in its own transaction after the desk's commit, once: the
 * event's key is recorded in {@code reporting_event} (delivery is at least once), and the lock row serialises the
 * listeners. Events of one ticket may arrive in any order: a status is taken only from an event not older than the
 * one that set it.
 */
@Component
class DeskEventListener {

	private final ReportingStore store;
	private final Aggregates aggregates;
	private final WorkTime workTime;

	DeskEventListener(ReportingStore store, Aggregates aggregates, WorkTime workTime) {
		this.store = store;
		this.aggregates = aggregates;
		this.workTime = workTime;
	}

	/**
	 * An event's instant as the database keeps it: both databases round a timestamp to the microsecond, so an event
	 * compared with the instant a line stored (to tell which of two events of a ticket is the later) must be cut to
	 * the microsecond too, or a closure stored a fraction later than itself would look older than itself.
	 */
	static Instant micros(Instant at) {
		return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	LocalDate day(Instant at) {
		return at.atZone(workTime.calendar().zone()).toLocalDate();
	}

	@ApplicationModuleListener
	void on(TicketOpened e) {
		TicketSnapshot s = e.ticket();
		if (!begin("opened:" + s.ticketId(), micros(e.openedAt()))) {
			return;
		}
		TicketLine before = store.line(s.ticketId()).orElse(null);
		TicketLine after = (before == null ? fresh(s, "NEW", micros(e.openedAt())) : dimensions(before, s)).withOpenedDay(day(micros(e.openedAt())));
		save(before, after);
	}

	@ApplicationModuleListener
	void on(TicketStatusChanged e) {
		TicketSnapshot s = e.ticket();
		if (!begin("status:" + s.ticketId() + ":" + micros(e.at()).toEpochMilli() + ":" + e.to(), micros(e.at()))) {
			return;
		}
		TicketLine before = store.line(s.ticketId()).orElse(null);
		TicketLine after = before == null ? fresh(s, e.from().name(), Instant.EPOCH) : before;
		if (!micros(e.at()).isBefore(after.statusAt())) {
			after = dimensions(after, s);
			boolean reopened = e.to() != TicketStatus.CLOSED;
			after = reopened ? after.with(e.to().name(), micros(e.at()), null, null, null, null, null)
					: after.with(e.to().name(), micros(e.at()), after.closedDay(), after.takeChargeMet(), after.takeChargeMinutes(),
							after.restorationMet(), after.restorationMinutes());
			after = after.withClocks(stillAtRisk(after.atRiskClocks(), e.to()), after.breached());
		}
		save(before, after);
		if (!e.from().isOpen() && e.to().isOpen()) {
			count(s, micros(e.at()), Aggregates.REOPENED, 1);
		}
	}

	@ApplicationModuleListener
	void on(TicketClosed e) {
		TicketSnapshot s = e.ticket();
		if (!begin("closed:" + s.ticketId() + ":" + micros(e.at()).toEpochMilli(), micros(e.at()))) {
			return;
		}
		TicketLine before = store.line(s.ticketId()).orElse(null);
		TicketLine after = before == null ? fresh(s, "CLOSED", micros(e.at())) : before;
		if (!micros(e.at()).isBefore(after.statusAt())) {
			boolean indicative = indicative(e.serviceLevels());
			ServiceLevelOutcome tc = outcome(e.serviceLevels(), TicketLine.TAKE_CHARGE, indicative);
			ServiceLevelOutcome rest = outcome(e.serviceLevels(), TicketLine.RESTORATION, indicative);
			after = dimensions(after, s).with("CLOSED", micros(e.at()), day(micros(e.at())), tc == null ? null : tc.met(), minutes(tc),
					rest == null ? null : rest.met(), minutes(rest)).withIndicative(indicative);
		}
		save(before, after);
	}

	@ApplicationModuleListener
	void on(TicketHandedBack e) {
		if (begin("hand-back:" + e.ticket().ticketId() + ":" + micros(e.at()).toEpochMilli(), micros(e.at()))) {
			redimension(e.ticket());
			count(e.ticket(), micros(e.at()), Aggregates.HAND_BACKS, 1);
		}
	}

	@ApplicationModuleListener
	void on(TicketEscalated e) {
		if (begin("escalated:" + e.ticket().ticketId() + ":" + micros(e.at()).toEpochMilli(), micros(e.at()))) {
			redimension(e.ticket());
		}
	}

	@ApplicationModuleListener
	void on(SatisfactionRated e) {
		if (begin("satisfaction:" + e.ticket().ticketId(), micros(e.at()))) {
			Map<DayKey, int[]> days = new HashMap<>();
			DayKey k = key(e.ticket(), micros(e.at()));
			Aggregates.add(days, k, Aggregates.ANSWERS, 1);
			Aggregates.add(days, k, Aggregates.RATING_SUM, e.rating());
			aggregates.write(days, Map.of());
		}
	}

	@ApplicationModuleListener
	void on(ClockAtRisk e) {
		if (begin("at-risk:" + e.ticket().ticketId() + ":" + e.clock(), micros(e.at()))) {
			TicketLine before = store.line(e.ticket().ticketId()).orElse(null);
			TicketLine l = before == null ? fresh(e.ticket(), "NEW", Instant.EPOCH) : before;
			List<String> clocks = new ArrayList<>(Arrays.stream(l.atRiskClocks().split(",")).filter(c -> !c.isBlank()).toList());
			if (!l.breached() && !clocks.contains(e.clock())) {
				clocks.add(e.clock());
			}
			save(before, l.withClocks(String.join(",", clocks), l.breached()));
		}
	}

	@ApplicationModuleListener
	void on(ClockBreached e) {
		if (begin("breached:" + e.ticket().ticketId() + ":" + e.clock(), micros(e.at()))) {
			TicketLine before = store.line(e.ticket().ticketId()).orElse(null);
			TicketLine l = before == null ? fresh(e.ticket(), "NEW", Instant.EPOCH) : before;
			save(before, l.withClocks("", true));
		}
	}

	/**
	 * Tickets erased at the end of their retention period: their lines go (a replay deletes nothing more), the daily
	 * and monthly counts they fed stay.
	 */
	@ApplicationModuleListener
	void on(TicketsErased e) {
		store.lock();
		store.forget(e.ticketIds());
	}

	/** Takes the lock and records the event; false when it was applied already. */
	private boolean begin(String key, Instant at) {
		store.lock();
		return store.firstTime(key, at);
	}

	private void save(TicketLine before, TicketLine after) {
		aggregates.apply(before, after);
		store.save(after, before != null);
	}

	private void redimension(TicketSnapshot s) {
		store.line(s.ticketId()).ifPresent(before -> save(before, dimensions(before, s)));
	}

	private void count(TicketSnapshot s, Instant at, int counter, int value) {
		Map<DayKey, int[]> days = new HashMap<>();
		Aggregates.add(days, key(s, at), counter, value);
		aggregates.write(days, Map.<ClockKey, int[]>of());
	}

	private DayKey key(TicketSnapshot s, Instant at) {
		return new DayKey(day(at), s.uai(), TicketLine.partiesColumn(s.parties()), s.component());
	}

	static TicketLine fresh(TicketSnapshot s, String status, Instant at) {
		return new TicketLine(s.ticketId(), s.number(), s.uai(), TicketLine.partiesColumn(s.parties()), s.component(),
				s.level(), s.criticality().name(), status, at, null, null, "", false, null, null, null, null, false);
	}

	static TicketLine dimensions(TicketLine l, TicketSnapshot s) {
		return l.withDimensions(s.number(), s.uai(), TicketLine.partiesColumn(s.parties()), s.component(), s.level(),
				s.criticality().name());
	}

	/**
	 * Whether the ticket's times are indicative (annexe §4: the Département « intervient au plus tôt », with no
	 * figure): it has clock outcomes and none is a commitment. Statistics count them apart, never as commitments.
	 */
	static boolean indicative(List<ServiceLevelOutcome> outcomes) {
		return !outcomes.isEmpty() && outcomes.stream().noneMatch(ServiceLevelOutcome::binding);
	}

	/** The outcome of this clock that is a commitment, or (for indicative times) the indicative one. */
	static ServiceLevelOutcome outcome(List<ServiceLevelOutcome> outcomes, String clock, boolean indicative) {
		return outcomes.stream().filter(o -> o.binding() != indicative && o.clock().equals(clock)).findFirst().orElse(null);
	}

	static Integer minutes(ServiceLevelOutcome o) {
		return o == null ? null : (int) Math.min(Integer.MAX_VALUE, o.workingMinutes());
	}

	/** The clocks still at risk once the ticket reached {@code to}: a clock's step reached ends its alert. */
	static String stillAtRisk(String atRisk, TicketStatus to) {
		return String.join(",", Arrays.stream(atRisk.split(",")).filter(c -> !c.isBlank() && !reached(c, to)).toList());
	}

	private static final Set<TicketStatus> TAKEN = Set.of(TicketStatus.TAKEN_IN_CHARGE, TicketStatus.IN_PROGRESS,
			TicketStatus.RESTORED, TicketStatus.RESOLVED, TicketStatus.CLOSED);

	static boolean reached(String clock, TicketStatus to) {
		return switch (clock) {
			case TicketLine.TAKE_CHARGE -> TAKEN.contains(to);
			case TicketLine.RESTORATION -> to == TicketStatus.RESTORED || !to.isOpen();
			default -> !to.isOpen();
		};
	}
}
