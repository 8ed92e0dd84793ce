package org.entente.helpdesk;

/** An incident (something that worked no longer does) or a request (something new is wanted). */
public enum TicketKind {
	INCIDENT("Incident"), REQUEST("Demande");

	private final String label;

	TicketKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
