package org.entente.security.internal;

import java.time.Duration;
import java.time.Instant;

/** A personal-data breach as recorded, with its notification to the Académie (annexe protection des données §6). */
record Breach(long id, Long incidentId, Instant awareAt, Instant notifyBy, Instant authorityBy, String nature,
		Integer people, Integer records, String categories, String consequences, String measures, String contact,
		Instant recordedAt, String recordedBy, Instant notifiedAt, String notifiedBy, String notifiedTo,
		String lateReason, String clause, String conventionVersion, int version) {

	/** Late: notified after the deadline, or not yet notified when it has passed. Stays late once notified. */
	public boolean late(Instant now) {
		return notifiedAt != null ? notifiedAt.isAfter(notifyBy) : now.isAfter(notifyBy);
	}

	/** Elapsed calendar time since awareness, up to the notification (or now). */
	public Duration elapsed(Instant now) {
		Instant end = notifiedAt != null ? notifiedAt : now;
		return end.isBefore(awareAt) ? Duration.ZERO : Duration.between(awareAt, end);
	}

	String etag() {
		return "\"" + version + "\"";
	}
}
