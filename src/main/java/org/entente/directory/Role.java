package org.entente.directory;

/** What a person does under the convention; the party or establishment scope comes with the account. */
public enum Role {
	ADMIN("Administrateur·ice"),
	CD_AGENT("Agent du Département"),
	ACA_AGENT("Agent de l'Académie"),
	LEVEL1_AGENT("Agent de niveau 1 (plateforme d'assistance)"),
	SCHOOL_STAFF("Personnel du collège"),
	CONTRACTOR("Prestataire"),
	RSSI("RSSI"),
	DPO("Délégué·e à la protection des données"),
	FINANCE("Gestionnaire financier"),
	INVENTORY_AGENT("Agent d'inventaire (GLPI Agent)"),
	JOURNAL_OPERATOR("Opérateur·ice du journal des connexions");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The Spring Security authority, e.g. ROLE_CD_AGENT. */
	public String authority() {
		return "ROLE_" + name();
	}
}
