package org.entente.helpdesk;

import java.time.Instant;

/** A service-level clock's deadline passed without the step being reached (noticed at {@code at}): the ticket escalates. */
public record ClockBreached(TicketSnapshot ticket, String clock, Instant deadline, Instant at) {
}
