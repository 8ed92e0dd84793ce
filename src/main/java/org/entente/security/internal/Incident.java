package org.entente.security.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A security incident as stored. */
record Incident(long id, String number, IncidentStatus status, String title, String description,
		List<String> establishments, boolean academyLevel, String component, List<String> otherComponents, Long assetId,
		String network, Instant detectedAt, boolean personalData, Boolean minors, Instant reportedAt, String reportedBy,
		String reporterRole, String reporterParty, String perimeter, String handledBy, String clause, String explanation,
		String conventionVersion, IncidentCategory category, Severity severity, Boolean breach, String lessonsLearned,
		Instant closedAt, Instant updatedAt, int version) {

	String etag() {
		return "\"" + version + "\"";
	}

	/** Personal data may be involved: said at the report, or qualified as a breach. */
	public boolean dataProtectionConcerned() {
		return personalData || Boolean.TRUE.equals(breach);
	}

	static List<String> split(String joined) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).toList();
	}

	static String join(List<String> values) {
		return values.isEmpty() ? "" : "," + String.join(",", values) + ",";
	}
}
