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
	JOURNAL_OPERATOR("Opérateur·ice du journal des connexions"),
	CD_MANAGER("Gestionnaire des comptes du Département"),
	ACA_MANAGER("Gestionnaire des comptes de l'Académie");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The party an account of this role always acts for, or null when the account names it (contractors, RSSI,
	 * DPO, finance, inventory agents) or has none (administrators).
	 */
	public String fixedParty() {
		return switch (this) {
			case CD_AGENT, CD_MANAGER -> "CD";
			case ACA_AGENT, ACA_MANAGER, LEVEL1_AGENT -> "ACA";
			case SCHOOL_STAFF -> "EPLE";
			default -> null;
		};
	}

	/** Whether an account of this role belongs to one establishment (its UAI is then required). */
	public boolean needsEstablishment() {
		return this == SCHOOL_STAFF;
	}

	/** The party whose accounts a manager of this role administers, or null when the role manages none. */
	public String managedParty() {
		return switch (this) {
			case CD_MANAGER -> "CD";
			case ACA_MANAGER -> "ACA";
			default -> null;
		};
	}

	/** The Spring Security authority, e.g. ROLE_CD_AGENT. */
	public String authority() {
		return "ROLE_" + name();
	}
}
