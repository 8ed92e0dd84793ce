package org.entente.helpdesk;

import java.time.Instant;

/** A service-level clock's deadline passed without the step being reached. */
public record ClockBreached(long ticketId, String number, String clock, Instant deadline, Instant at) {
}
