package org.entente.convention;

import java.time.Instant;

/**
 * A convention version was recorded: the bundled file at its first start-up, or an amendment (avenant) uploaded by
 * {@code loadedBy} (« démarrage » for start-up). Published in the transaction that stores it; a bundled file refreshed
 * in place under the same version is not a new version and publishes nothing.
 */
public record ConventionVersionLoaded(String conventionId, String version, String title, String amendmentSummary,
		String loadedBy, Instant loadedAt) {
}
