package org.entente.security;

import java.time.Instant;

/**
 * A security incident was reported: its id, number, the party handling it and when. Carries no description
 * (incidents are confidential); for indicators only.
 */
public record SecurityIncidentReported(long incidentId, String number, String handledBy, boolean personalData,
		Instant reportedAt) {
}
