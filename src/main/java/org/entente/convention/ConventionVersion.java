package org.entente.convention;

import java.time.Instant;

/** A recorded version of the convention: what was loaded, when and by whom. */
public record ConventionVersion(String conventionId, String version, String title, String amendmentSummary,
		String source, String sha256, Instant loadedAt, String loadedBy, boolean current) {
}
