package org.entente.helpdesk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.convention.ServiceLevels.Clock;
import org.entente.helpdesk.TicketStatus;
import org.entente.worktime.Pause;
import org.entente.worktime.WorkTime;
import org.springframework.stereotype.Component;

/**
 * The service-level clocks of a ticket, recomputed exactly from its status history: each clock runs from the
 * opening, stops the first time the ticket reaches its step, and pauses in the statuses the convention file lists
 * in the clock's {@code pausedIn}. Critical tickets have part 4's clocks (data restore only when critical data are
 * involved); a request type whose deadline the file sets has its own.
 */
@Component
class Clocks {

	/** How a clock stands. */
	enum State {
		RUNNING, PAUSED, AT_RISK, BREACHED, MET, MISSED;

		boolean late() {
			return this == BREACHED || this == MISSED;
		}
	}

	/** One clock of one ticket, as lists and pages show it. */
	record ClockView(String code, String label, String condition, Duration duration, Instant deadline,
			Instant atRiskAt, Instant stoppedAt, boolean paused, Duration remaining, State state, boolean binding) {

		/** The remaining working time in words, e.g. «3 h 20 min», or the overrun, e.g. «dépassé de 1 h 05». */
		public String remainingText() {
			return Clocks.text(remaining);
		}

		/** The remaining working time or the overrun without a word, e.g. «1 h 05», for the page's own words. */
		public String remainingHm() {
			return Clocks.hm(remaining);
		}
	}

	/** A status change as the clocks need it. */
	record StatusChange(Instant at, TicketStatus to) {
	}

	private final Conventions conventions;
	private final WorkTime workTime;

	Clocks(Conventions conventions, WorkTime workTime) {
		this.conventions = conventions;
		this.workTime = workTime;
	}

	/** The clocks that apply to a ticket, under the convention version it was routed by. */
	List<Clock> applicable(Ticket t) {
		return applicable(t, conventions.version(t.conventionVersion()).orElse(conventions.current()));
	}

	/**
	 * The clocks that apply to a ticket under this convention: its request type's deadline when the file sets a
	 * figure (none while it is « à fixer par le comité »), then, for critical tickets, part 4's clocks; a clock with
	 * a {@code condition} (spare, control of the failed element) only while its conditions hold.
	 */
	List<Clock> applicable(Ticket t, Convention convention) {
		List<Clock> clocks = new ArrayList<>();
		var type = convention.serviceLevels().requestType(t.requestType());
		if (type != null && type.deadline() != null && type.deadline().set()) {
			var d = type.deadline();
			clocks.add(new Clock(type.code(), d.label(), d.workingDays(), Set.of(TicketStatus.WAITING.name()), null,
					d.bindingFor().isEmpty() ? null : d.bindingFor()));
		}
		if (!t.critical()) {
			return clocks;
		}
		for (Clock c : convention.serviceLevels().clocks()) {
			if (c.condition() != null && !t.restorationCommitted()) {
				continue; // conditional commitment not met: the degraded-mode obligation instead (ticket page, API)
			}
			if (!WorkTime.DATA_RESTORE.equals(c.code()) || t.dataInvolved()) {
				clocks.add(c);
			}
		}
		return clocks;
	}

	List<ClockView> compute(Ticket t, List<StatusChange> history, Instant now) {
		List<ClockView> views = new ArrayList<>();
		for (Clock c : applicable(t)) {
			views.add(compute(t, c, history, now));
		}
		return views;
	}

	ClockView compute(Ticket t, Clock clock, List<StatusChange> history, Instant now) {
		Set<TicketStatus> stops = stopsAt(clock.code());
		Instant stoppedAt = null;
		List<Pause> pauses = new ArrayList<>();
		Instant pausedSince = null;
		for (StatusChange change : history) {
			if (stoppedAt != null) {
				break;
			}
			boolean pausing = clock.pausedIn().contains(change.to().name());
			if (pausing && pausedSince == null) {
				pausedSince = change.at();
			}
			else if (!pausing && pausedSince != null) {
				pauses.add(new Pause(pausedSince, change.at()));
				pausedSince = null;
			}
			if (stops.contains(change.to())) {
				stoppedAt = change.at();
			}
		}
		boolean paused = stoppedAt == null && pausedSince != null;
		if (paused) {
			pauses.add(Pause.since(pausedSince));
		}
		Duration duration = workTime.workingDays(clock.workingDays());
		// A conditional commitment runs from when its conditions were last recorded as holding (else the opening).
		Instant start = clock.condition() != null ? t.restorationStart() : t.openedAt();
		Instant end = stoppedAt != null ? stoppedAt : now;
		Duration elapsed = end.isAfter(start) ? workTime.workingTimeBetween(start, end, pauses) : Duration.ZERO;
		Duration remaining = duration.minus(elapsed);
		Instant deadline = workTime.deadline(start, duration, pauses);
		Instant atRiskAt = workTime.deadline(start, duration.multipliedBy(3).dividedBy(4), pauses);
		State state;
		if (stoppedAt != null) {
			state = remaining.isNegative() ? State.MISSED : State.MET;
		}
		else if (remaining.isNegative() || remaining.isZero()) {
			state = State.BREACHED;
		}
		else if (elapsed.multipliedBy(4).compareTo(duration.multipliedBy(3)) >= 0) {
			state = State.AT_RISK;
		}
		else {
			state = paused ? State.PAUSED : State.RUNNING;
		}
		return new ClockView(clock.code(), clock.label(), clock.condition(), duration, deadline, atRiskAt, stoppedAt,
				paused, remaining, state, clock.binds(t.parties()));
	}

	/**
	 * Whether this clock of the ticket is a commitment of a responsible party (the file's {@code bindingFor}); an
	 * indicative time is shown as such and never escalated as a breach.
	 */
	boolean binding(Ticket t, String clockCode) {
		Clock c = applicable(t).stream().filter(x -> x.code().equals(clockCode)).findFirst().orElse(null);
		return c == null || c.binds(t.parties());
	}

	/** The ticket's overall state for lists and filters: the worst of its binding clocks (commitments). */
	static String slaState(List<ClockView> clocks) {
		if (clocks.stream().anyMatch(c -> c.binding() && c.state().late())) {
			return "BREACHED";
		}
		return clocks.stream().anyMatch(c -> c.binding() && c.state() == State.AT_RISK) ? "AT_RISK" : "OK";
	}

	/** The statuses that mark a clock's step as reached. */
	static Set<TicketStatus> stopsAt(String clockCode) {
		return switch (clockCode) {
			case WorkTime.TAKE_CHARGE -> EnumSet.of(TicketStatus.TAKEN_IN_CHARGE, TicketStatus.IN_PROGRESS,
					TicketStatus.RESTORED, TicketStatus.RESOLVED, TicketStatus.CLOSED);
			case WorkTime.RESTORATION -> EnumSet.of(TicketStatus.RESTORED, TicketStatus.RESOLVED, TicketStatus.CLOSED);
			default -> EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);
		};
	}

	static String text(Duration d) {
		if (d == null) {
			return "";
		}
		return d.isNegative() ? "dépassé de " + hm(d) : hm(d);
	}

	/** «3 h 20», «45 min», whatever the sign. */
	static String hm(Duration d) {
		if (d == null) {
			return "";
		}
		long minutes = Math.abs(d.toMinutes());
		return minutes >= 60 ? (minutes / 60) + " h " + String.format("%02d", minutes % 60) : minutes + " min";
	}
}
