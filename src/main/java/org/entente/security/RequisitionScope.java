package org.entente.security;

import java.time.Instant;

/**
 * What a judicial requisition or investigation request asks for: a period, and any of an establishment (UAI), a
 * network address and an account. Each may be null except the period.
 */
public record RequisitionScope(long requisitionId, String reference, Instant from, Instant to, String establishment,
		String address, String account) {
}
