package org.entente.webhook.internal;

import java.time.Instant;

/** One event for one endpoint: its webhook-id, what was sent, and how it went (the delivery log). */
record Delivery(long seq, String id, long endpointId, String eventType, String subject, String payload, String status,
		int attempts, Instant nextAttempt, Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
}
