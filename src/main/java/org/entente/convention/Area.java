package org.entente.convention;

import java.util.List;

import static org.entente.convention.InterventionKind.*;

/** The three kinds of table in the operational annex, each with its own columns. */
public enum Area {
	POLICY("Politiques", List.of(DEFINITION, COMMUNICATION, APPLICATION)),
	OUTSIDE("Services hors établissement", List.of(SUPPLY, INSTALLATION, ADMINISTRATION, ASSISTANCE, SUPPORT)),
	IN_ESTABLISHMENT("Services en établissement", List.of(SUPPLY, INSTALLATION, REPAIR, ADMINISTRATION, ASSISTANCE, SUPPORT));

	private final String label;
	private final List<InterventionKind> kinds;

	Area(String label, List<InterventionKind> kinds) {
		this.label = label;
		this.kinds = kinds;
	}

	public String label() {
		return label;
	}

	/** The table's columns, in the annex's order. */
	public List<InterventionKind> kinds() {
		return kinds;
	}
}
