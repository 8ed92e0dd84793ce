package org.entente.helpdesk.internal;

import org.entente.convention.Network;
import org.entente.helpdesk.TicketOpened;
import org.entente.policy.RestoreTicketLinks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A ticket that runs the data-restore clock (critical data concerned) is linked, in the policy register, to the backup
 * record of its establishment and data class. The register keeps the link; the desk tells it, because the desk
 * depends on the register (backup breaches) and a dependency back would be a cycle.
 */
@Component
class RestoreTicketBackupLinks {

	private final TicketRepository tickets;
	private final RestoreTicketLinks links;

	RestoreTicketBackupLinks(TicketRepository tickets, RestoreTicketLinks links) {
		this.tickets = tickets;
		this.links = links;
	}

	@ApplicationModuleListener
	void on(TicketOpened opened) {
		tickets.find(opened.ticket().ticketId()).filter(t -> t.critical() && t.dataInvolved()).ifPresent(t -> {
			// The class named on the ticket, else the network's: administrative data on the administrative network.
			String dataClass = t.dataConcerned() != null ? t.dataConcerned()
					: t.network() == Network.ADMINISTRATIVE ? "ADMINISTRATIVE" : "PEDAGOGICAL_GROUP";
			links.link(t.id(), t.number(), t.establishment(), dataClass, opened.openedAt());
		});
	}
}
