package org.entente.policy;

import org.entente.policy.internal.PolicyChanges;
import org.springframework.stereotype.Service;

/**
 * How a committee decision settles an arbitrated policy change. Governance, which depends on the register (it listens
 * to {@link PolicyChangeEscalated}), calls it when it has recorded the strategic committee's decision on the change;
 * the change becomes ADOPTED or REJECTED and keeps the decision's id and link. The register never calls governance,
 * so the two modules do not form a cycle.
 */
@Service
public class PolicyArbitrations {

	/**
	 * The committee's decision on a change.
	 *
	 * @param decisionId governance's decision id
	 * @param reference the committee and the meeting's day, as the change page shows it
	 * @param grounds the decision's text
	 * @param link the page that shows the decision
	 * @param decidedBy who recorded it
	 */
	public record CommitteeDecision(long changeId, long decisionId, boolean adopted, String reference, String grounds, String link,
			String decidedBy) {
	}

	private final PolicyChanges changes;

	PolicyArbitrations(PolicyChanges changes) {
		this.changes = changes;
	}

	/** Settles the change if it is still in arbitration; false when it was not (already settled, or unknown). */
	public boolean decided(CommitteeDecision decision) {
		return changes.committeeDecided(decision);
	}
}
