package org.entente.security.internal;

import org.entente.helpdesk.TicketsErased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An incident's links to desk tickets erased at the end of their retention period go; the incident stays. */
@Component
class ErasedTicketLinks {

	private final IncidentRepository incidents;

	ErasedTicketLinks(IncidentRepository incidents) {
		this.incidents = incidents;
	}

	@ApplicationModuleListener
	void on(TicketsErased e) {
		incidents.forgetTickets(e.ticketIds());
	}
}
