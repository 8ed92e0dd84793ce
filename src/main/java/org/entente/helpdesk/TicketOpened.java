package org.entente.helpdesk;

import java.time.Instant;
import java.util.List;

/** A ticket was opened and routed to {@code parties}. */
public record TicketOpened(long ticketId, String number, String establishment, String component,
		String criticality, List<String> parties, Instant openedAt) {
}
