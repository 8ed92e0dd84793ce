package org.entente.convention;

/** A column of the annex's tables («champ d'intervention» for components, the three columns for policies). */
public enum InterventionKind {
	SUPPLY("Fourniture"), INSTALLATION("Installation"), REPAIR("Dépannage"), ADMINISTRATION("Administration"),
	ASSISTANCE("Assistance"), SUPPORT("Accompagnement"),
	DEFINITION("Définition"), COMMUNICATION("Communication"), APPLICATION("Application");

	private final String label;

	InterventionKind(String label) {
		this.label = label;
	}

	/** The column heading as the annex writes it. */
	public String label() {
		return label;
	}
}
