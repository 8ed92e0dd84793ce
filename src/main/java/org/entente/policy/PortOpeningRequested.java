package org.entente.policy;

import java.time.Instant;

/**
 * The Académie authorised a service outside the trust framework for a collège and asks the Département to open the
 * ports it needs (annexe opérationnelle §2, Autres services numériques). Neither party supports the service. The desk
 * turns it into a request on the firewall, routed by the matrix, in the authorising agent's name.
 */
public record PortOpeningRequested(long validationId, String uai, String service, String ports, String grounds,
		String authorisedBy, String clause, Instant at) {
}
