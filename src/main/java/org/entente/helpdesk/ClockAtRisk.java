package org.entente.helpdesk;

import java.time.Instant;

/** 75 % of a service-level clock's working time has elapsed without the step being reached. */
public record ClockAtRisk(long ticketId, String number, String clock, Instant deadline, Instant at) {
}
