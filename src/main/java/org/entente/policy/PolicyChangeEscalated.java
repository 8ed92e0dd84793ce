package org.entente.policy;

import java.time.Instant;

/**
 * A policy change went to arbitration: the other party disagreed (annexe opérationnelle §1, « Évolution des
 * politiques » : « en cas de désaccord, […] un arbitrage sera recherché avec la mobilisation des décideur·euses des
 * deux organisations »). Governance puts it on the agenda of the next strategic committee meeting, whose decision
 * settles it through {@link PolicyArbitrations#decided}.
 *
 * @param changeId the proposal, {@code /politiques/changements/{changeId}}
 * @param component the policy row it changes, or null
 * @param proposedByParty CD or ACA
 */
public record PolicyChangeEscalated(long changeId, String title, String component, String proposedByParty, Instant escalatedAt) {
}
