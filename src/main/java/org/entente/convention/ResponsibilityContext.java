package org.entente.convention;

/**
 * What is known about the situation when asking who is responsible; every part is optional (null = unknown).
 */
public record ResponsibilityContext(Funding funding, Network network, Boolean sharedBetweenNetworks) {

	public static final ResponsibilityContext NONE = new ResponsibilityContext(null, null, null);
}
