package org.entente.inventory;

/** Where an asset stands in its life. */
public enum AssetStatus {
	IN_SERVICE("En service"), SPARE("Matériel de secours"), IN_REPAIR("En réparation"), RETIRED("Réformé");

	private final String label;

	AssetStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
