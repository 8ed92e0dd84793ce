package org.entente.helpdesk;

import java.time.Instant;

/** A ticket went from one status to another, by {@code actor}, with an optional reason. */
public record TicketStatusChanged(long ticketId, String number, TicketStatus from, TicketStatus to, String actor,
		String reason, Instant at) {
}
