package org.entente.helpdesk;

import java.time.Instant;

/** A ticket went from one status to another, by {@code actor} (« système » for an automatic closure), with an optional reason. */
public record TicketStatusChanged(TicketSnapshot ticket, TicketStatus from, TicketStatus to, String actor,
		String reason, Instant at) {
}
