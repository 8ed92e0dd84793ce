package org.entente.helpdesk.internal;

import java.time.Instant;

import org.entente.helpdesk.TicketStatus;

/** A line of a ticket's history: who, when, what, why. */
record TicketEvent(long id, long ticketId, Instant at, String actor, String type, TicketStatus fromStatus,
		TicketStatus toStatus, String detail) {
}
