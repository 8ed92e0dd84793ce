package org.entente.helpdesk.internal;

import java.time.Instant;
import java.util.Optional;

import org.entente.convention.Network;
import org.entente.helpdesk.TicketOpened;
import org.entente.helpdesk.TicketReclassified;
import org.entente.policy.RestoreTicketLinks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A ticket that runs the data-restore clock (critical data concerned) is linked, in the policy register, to the backup
 * record of its establishment and data class: at opening, and when a reclassification makes it one; a
 * reclassification that makes it something else takes the link off. The register keeps the link; the desk tells it,
 * because the desk depends on the register (backup breaches) and a dependency back would be a cycle.
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
		tickets.find(opened.ticket().ticketId()).filter(RestoreTicketBackupLinks::restore)
			.ifPresent(t -> link(t, opened.openedAt()));
	}

	/** Reads the ticket as it is now (a later change may have come first): linked if it is a restore, else unlinked. */
	@ApplicationModuleListener
	void on(TicketReclassified reclassified) {
		tickets.find(reclassified.ticket().ticketId()).ifPresent(t -> {
			if (!restore(t) || link(t, reclassified.at()).isEmpty()) {
				links.unlink(t.id()); // no restore, or of a class without a backup commitment
			}
		});
	}

	/** Whether the ticket asks for a data restore: critical, data involved (the clock DATA_RESTORE, {@link Clocks}). */
	static boolean restore(Ticket t) {
		return t.critical() && t.dataInvolved();
	}

	private Optional<RestoreTicketLinks.RestoreTicketLink> link(Ticket t, Instant at) {
		// The class named on the ticket, else the network's: administrative data on the administrative network.
		String dataClass = t.dataConcerned() != null ? t.dataConcerned()
				: t.network() == Network.ADMINISTRATIVE ? "ADMINISTRATIVE" : "PEDAGOGICAL_GROUP";
		return links.link(t.id(), t.number(), t.establishment(), dataClass, at);
	}
}
