package org.entente.security.internal;

/** The severity the RSSI gives an incident at qualification. */
enum Severity {
	LOW("Faible"), MEDIUM("Moyenne"), HIGH("Élevée"), CRITICAL("Critique");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
