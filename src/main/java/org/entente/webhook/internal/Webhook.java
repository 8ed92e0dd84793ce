package org.entente.webhook.internal;

import java.time.Instant;
import java.util.List;

/** A registered endpoint: where, which events, whose, in which scope (an establishment, or none) and its state. */
record Webhook(long id, String url, List<String> events, String secret, String owner, String ownerParty,
		String establishment, boolean allowPrivate, String status, int consecutiveFailures, String pausedReason,
		Instant createdAt, String description) {

	public boolean active() {
		return "ACTIVE".equals(status);
	}

	boolean wants(String type) {
		return events.contains(type);
	}

	/** A collège's webhook receives its own establishment's events only; an event with no establishment never reaches it. */
	boolean mayRead(String uai) {
		return establishment == null || establishment.equals(uai);
	}
}
