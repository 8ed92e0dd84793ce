package org.entente.helpdesk;

import java.time.Instant;

/** 75 % of a service-level clock's working time has elapsed without the step being reached (noticed at {@code at}). */
public record ClockAtRisk(TicketSnapshot ticket, String clock, Instant deadline, Instant at) {
}
