package org.entente.convention;

import java.util.List;
import java.util.Set;

/**
 * A rule the text states that overrides a cell in a given context, e.g. own-funds video projectors are the
 * collège's. Empty sets match anything; {@code sharedBetweenNetworks} null matches anything.
 */
public record Condition(Set<Funding> funding, Set<Network> network, Boolean sharedBetweenNetworks,
		Set<InterventionKind> kinds, List<String> parties, String text, String clause) {

	public boolean appliesTo(InterventionKind kind, ResponsibilityContext context) {
		if (!kinds.contains(kind)) {
			return false;
		}
		if (!funding.isEmpty() && (context.funding() == null || !funding.contains(context.funding()))) {
			return false;
		}
		if (!network.isEmpty() && (context.network() == null || !network.contains(context.network()))) {
			return false;
		}
		return sharedBetweenNetworks == null || sharedBetweenNetworks.equals(context.sharedBetweenNetworks());
	}
}
