package org.entente.helpdesk;

import java.time.Instant;
import java.util.List;

/**
 * A ticket was closed at {@code at} (by {@code actor}, « système » for the automatic closure), with how each of its
 * service-level clocks ended; published with the {@link TicketStatusChanged} of the closure, in its transaction.
 */
public record TicketClosed(TicketSnapshot ticket, String actor, Instant at, List<ServiceLevelOutcome> serviceLevels) {

	public TicketClosed {
		serviceLevels = List.copyOf(serviceLevels);
	}
}
