package org.entente.convention;

import java.util.List;

/** Part 5 of the operational annex: who handles a security incident, by perimeter, and whom they inform. */
public record SecurityIncidentRules(String clause, List<Perimeter> perimeters) {

	public record Perimeter(String code, String label, String handledBy, String informs, String informWhen,
			List<Contact> contacts, List<String> duties, String clause) {
	}

	/** A mailbox the convention names, with the party behind it and what it is for. */
	public record Contact(String party, String role, String email, String purpose) {
	}
}
