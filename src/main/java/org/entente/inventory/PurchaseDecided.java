package org.entente.inventory;

/** An own-funds purchase request was approved or rejected by the party it was routed to. */
public record PurchaseDecided(long requestId, String uai, String decidedBy, boolean approved, String comment) {
}
