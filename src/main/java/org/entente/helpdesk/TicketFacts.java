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
	 * its hand-backs and reopenings, its satisfaction answer (null when none) and, once closed, its clocks' outcomes.
	 */
	record TicketFact(TicketSnapshot ticket, TicketStatus status, Instant openedAt, Instant closedAt,
			List<Instant> handBacks, List<Instant> reopenings, Integer satisfaction, Instant satisfiedAt,
			List<ServiceLevelOutcome> serviceLevels) {

		public TicketFact {
			handBacks = List.copyOf(handBacks);
			reopenings = List.copyOf(reopenings);
			serviceLevels = List.copyOf(serviceLevels);
		}
	}
}
