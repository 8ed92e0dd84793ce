package org.entente.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A collège asks the Département to open the guest network to its pupils, its board's decision recorded first
 * (annexe opérationnelle §3, Réseau invité : « nécessite une décision du Conseil d'Administration »). The desk turns
 * it into a request on the BYOD infrastructure, routed by the matrix.
 */
public record ByodOpeningRequested(String uai, LocalDate decidedOn, String reference, String requestedBy, String clause,
		Instant at) {
}
