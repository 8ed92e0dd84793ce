package org.entente.worktime;

/**
 * Whether an unavailability touches a service, equipment or data the convention lists as critical: only critical
 * ones run the convention's clocks; the others are taken in the order of the priority classes.
 */
public enum Criticality {
	CRITICAL("Critique"), NON_CRITICAL("Non critique");

	private final String label;

	Criticality(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
