package org.entente.worktime;

import java.time.OffsetDateTime;

/**
 * The deadlines of the convention's clocks for one unavailability, in the calendar's zone, with the convention
 * version that set them. All three are null for a non-critical unavailability (the convention sets none); one is
 * null when the convention has no such clock.
 */
public record SlaDeadlines(String conventionVersion, OffsetDateTime takeCharge, OffsetDateTime restoration,
		OffsetDateTime dataRestore) {
}
