package org.entente.helpdesk;

import java.time.Instant;

/**
 * Demo mode wrote its demonstration tickets straight into the desk's tables, with their past dates, so no ticket
 * event was published for them: a module that derives figures from the desk's events rebuilds from
 * {@link TicketFacts} on this one.
 */
public record DemoTicketsSeeded(int tickets, Instant at) {
}
