package org.entente.helpdesk;

import java.time.Instant;

/**
 * A ticket was opened and routed to {@code ticket.parties()} ({@code toArbitrate} when the convention leaves the
 * choice between them to the committee), by {@code requester}, at {@code openedAt}.
 */
public record TicketOpened(TicketSnapshot ticket, TicketKind kind, boolean toArbitrate, String requester,
		Instant openedAt) {
}
