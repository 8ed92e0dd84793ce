package org.entente.helpdesk;

import java.time.Instant;

/**
 * A party handed a ticket that is not its own back to level 1 ({@code ticket.level()} is then 1), by {@code actor}
 * with {@code reason}; {@code handBacks}: the ticket's count of hand-backs after this one.
 */
public record TicketHandedBack(TicketSnapshot ticket, String party, int handBacks, String actor, String reason,
		Instant at) {
}
