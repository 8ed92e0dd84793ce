package org.entente.security.internal;

/** How the RSSI qualifies an incident. */
enum IncidentCategory {
	PHISHING("Message frauduleux (hameçonnage)"), MALWARE("Logiciel malveillant"), INTRUSION("Intrusion"),
	ACCOUNT_COMPROMISE("Compte compromis"), DATA_LOSS("Perte ou vol de données"), THEFT("Vol de matériel"),
	DENIAL_OF_SERVICE("Déni de service"), MINORS_PROTECTION("Protection des mineurs (contenu, filtrage)"),
	OTHER("Autre");

	private final String label;

	IncidentCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
