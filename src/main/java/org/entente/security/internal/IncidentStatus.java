package org.entente.security.internal;

import java.util.List;

/** The workflow of a security incident, in order; each step follows the previous one. */
enum IncidentStatus {
	REPORTED("Signalé"), QUALIFIED("Qualifié"), CONTAINMENT("Confinement"), INVESTIGATION("Investigation"),
	REMEDIATION("Plan de remédiation"), CLOSED("Clos");

	private final String label;

	IncidentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The step after this one (none after CLOSED). */
	public List<IncidentStatus> next() {
		return this == CLOSED ? List.of() : List.of(values()[ordinal() + 1]);
	}
}
