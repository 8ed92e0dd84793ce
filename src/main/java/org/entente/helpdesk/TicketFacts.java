package org.entente.helpdesk;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The desk's tickets as facts, read in one pass, for a consumer that rebuilds what it derives from the desk's
 * events (reporting): each ticket with what its events said. The desk's tables stay the desk's: this is their one
 * public reading.
 */
public interface TicketFacts {

	/** Calls {@code each} once per ticket, in identifier order, reading the tickets in batches. */
	void forEach(Consumer<TicketFact> each);

	/**
	 * One ticket: its snapshot and status now, when it was opened and closed (null while not closed), the instants of
	 * its hand-backs and reopenings, its satisfaction answer (null when none), once closed its clocks' outcomes, and
	 * the alerts its clocks raised (what {@link ClockAtRisk} and {@link ClockBreached} said), in the order raised.
	 */
	record TicketFact(TicketSnapshot ticket, TicketStatus status, Instant openedAt, Instant closedAt,
			List<Instant> handBacks, List<Instant> reopenings, Integer satisfaction, Instant satisfiedAt,
			List<ServiceLevelOutcome> serviceLevels, List<ClockAlert> clockAlerts) {

		public TicketFact {
			handBacks = List.copyOf(handBacks);
			reopenings = List.copyOf(reopenings);
			serviceLevels = List.copyOf(serviceLevels);
			clockAlerts = List.copyOf(clockAlerts);
		}
	}

	/**
	 * A commitment clock of a ticket that raised an alert: when its 75 % alert ({@link ClockAtRisk}) and its breach
	 * ({@link ClockBreached}) were published (each null when not), and whether a status change after the 75 % alert
	 * reached the clock's step (the alert is then over). Indicative times raise no alert and are not listed.
	 */
	record ClockAlert(String clock, Instant atRiskAt, Instant breachedAt, boolean reachedSinceAtRisk) {
	}
}
