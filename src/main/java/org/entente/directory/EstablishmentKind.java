package org.entente.directory;

/** A collège is in the convention's scope; a cité scolaire is maintained by the Région and is not. */
public enum EstablishmentKind {
	COLLEGE("Collège", true), CITE_SCOLAIRE("Cité scolaire", false);

	private final String label;
	private final boolean coveredByConvention;

	EstablishmentKind(String label, boolean coveredByConvention) {
		this.label = label;
		this.coveredByConvention = coveredByConvention;
	}

	public String label() {
		return label;
	}

	public boolean coveredByConvention() {
		return coveredByConvention;
	}
}
