package org.entente.convention;

/** How an item was funded, which the convention uses to decide who maintains it. */
public enum Funding {
	/** Supplied by the Département under its equipment référentiel. */
	CD("Fourni par le Département"),
	/** Bought by the collège on its own funds from the Département's catalogue. */
	OWN_FUNDS_CATALOGUE("Fonds propres, catalogue du Département"),
	/** Bought by the collège on its own funds outside the catalogue. */
	OWN_FUNDS_OTHER("Fonds propres, hors catalogue");

	private final String label;

	Funding(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
