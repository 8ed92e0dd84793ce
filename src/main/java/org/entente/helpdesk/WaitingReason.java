package org.entente.helpdesk;

/** Why a ticket waits: the ball is elsewhere, so the clocks the convention pauses in WAITING stop. */
public enum WaitingReason {
	COLLEGE("Le collège"), OTHER_PARTY("L'autre partie"), SUPPLIER("Un fournisseur"), SPARE_PART("Une pièce détachée");

	private final String label;

	WaitingReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
