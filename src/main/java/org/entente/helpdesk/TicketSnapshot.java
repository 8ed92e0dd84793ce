package org.entente.helpdesk;

import java.util.List;

import org.entente.worktime.Criticality;

/**
 * What every desk event says of its ticket at the moment of the event, so that a consumer (reporting, security)
 * needs no query back: the ticket's id and number, the establishment's UAI, the responsible parties, the level
 * (1 or 2), the criticality, the convention component and the convention version that routed it.
 */
public record TicketSnapshot(long ticketId, String number, String uai, List<String> parties, int level,
		Criticality criticality, String component, String conventionVersion) {

	public TicketSnapshot {
		parties = List.copyOf(parties);
	}
}
