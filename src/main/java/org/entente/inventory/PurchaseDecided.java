package org.entente.inventory;

import java.time.Instant;

/**
 * An own-funds purchase request was approved or rejected by the party it was routed to: the request, the collège
 * ({@code uai}), what was asked (component, quantity), the deciding party (CD or ACA) and person, the decision and its
 * comment, the convention version in force and when.
 */
public record PurchaseDecided(long requestId, String uai, String component, int quantity, String decidingParty,
		String decidedBy, boolean approved, String comment, String conventionVersion, Instant decidedAt) {
}
