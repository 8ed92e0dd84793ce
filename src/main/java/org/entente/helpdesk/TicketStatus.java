package org.entente.helpdesk;

import java.util.EnumSet;
import java.util.Set;

/**
 * The workflow of a ticket. The names are the ones the convention file uses in its clocks' {@code pausedIn}
 * (e.g. {@code WAITING}), so which status pauses which clock is read from the file.
 */
public enum TicketStatus {
	NEW("Nouveau"), TAKEN_IN_CHARGE("Pris en charge (diagnostic)"), IN_PROGRESS("En cours"), WAITING("En attente"),
	RESTORED("Rétabli"), RESOLVED("Résolu"), CLOSED("Clos");

	private final String label;

	TicketStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The statuses a ticket may go to from this one (REOPEN from RESOLVED and CLOSED goes back to IN_PROGRESS). */
	public Set<TicketStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(TAKEN_IN_CHARGE, WAITING, RESOLVED);
			case TAKEN_IN_CHARGE -> EnumSet.of(IN_PROGRESS, WAITING, RESTORED, RESOLVED);
			case IN_PROGRESS -> EnumSet.of(WAITING, RESTORED, RESOLVED);
			case WAITING -> EnumSet.of(TAKEN_IN_CHARGE, IN_PROGRESS, RESTORED, RESOLVED);
			case RESTORED -> EnumSet.of(IN_PROGRESS, WAITING, RESOLVED);
			case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
			case CLOSED -> EnumSet.of(IN_PROGRESS);
		};
	}

	public boolean canGoTo(TicketStatus to) {
		return next().contains(to);
	}

	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}
}
