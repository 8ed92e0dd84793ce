package org.entente.helpdesk;

import java.time.Instant;

/** Level 1 escalated a ticket to level 2, towards its responsible parties ({@code ticket.level()} is then 2). */
public record TicketEscalated(TicketSnapshot ticket, String actor, Instant at) {
}
