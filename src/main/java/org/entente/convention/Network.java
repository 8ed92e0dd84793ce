package org.entente.convention;

/** The collège networks the annex distinguishes. */
public enum Network {
	ADMINISTRATIVE("Réseau administratif"), PEDAGOGICAL("Réseau pédagogique"), BYOD("Réseau invité (BYOD)"),
	TECHNICAL("Réseau technique");

	private final String label;

	Network(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
