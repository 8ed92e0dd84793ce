package org.entente.helpdesk.internal;

import java.time.Instant;

import org.entente.helpdesk.TicketStatus;

/**
 * A line of a ticket's history: who, when, what, why. {@code detail} is the French written then; {@code words} the
 * same text kept as message and arguments ({@link org.entente.common.StoredText}), null on lines written before.
 */
record TicketEvent(long id, long ticketId, Instant at, String actor, String type, TicketStatus fromStatus,
		TicketStatus toStatus, String detail, String words) {

	/** The same line, its detail as a reader is shown it. */
	TicketEvent shownAs(String text) {
		return new TicketEvent(id, ticketId, at, actor, type, fromStatus, toStatus, text, words);
	}
}
