package org.entente.helpdesk;

import java.time.Instant;

/**
 * An agent reclassified a ticket ({@code what}: ROUTING for component, kind, network, funding, data or asset;
 * CRITICALITY for a criticality changed by hand). Whether it now asks for a data restore (critical, data involved)
 * is read from the ticket: the policy register's restore link follows it.
 */
public record TicketReclassified(TicketSnapshot ticket, String what, String actor, Instant at) {
}
