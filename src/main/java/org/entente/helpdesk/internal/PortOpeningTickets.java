package org.entente.helpdesk.internal;

import org.entente.convention.InterventionKind;
import org.entente.directory.Accounts;
import org.entente.helpdesk.TicketKind;
import org.entente.policy.PortOpeningRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The Académie's request to open the ports of an authorised service outside the trust framework: a desk request on the firewall. */
@Component
class PortOpeningTickets {

	private final TicketOpening tickets;
	private final Accounts accounts;

	PortOpeningTickets(TicketOpening tickets, Accounts accounts) {
		this.tickets = tickets;
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(PortOpeningRequested request) {
		accounts.forAuthentication(request.authorisedBy()).ifPresent(agent -> {
			String title = "Ouverture de ports : " + request.service();
			tickets.open(agent, new TicketOpening.NewTicket(request.uai(), title.length() <= 200 ? title : title.substring(0, 200),
					"Service hors cadre de confiance autorisé par l'Académie (demande " + request.validationId() + ")."
							+ (request.ports() == null ? "" : " Ports : " + request.ports() + ".") + " Motifs : " + request.grounds()
							+ "\n" + request.clause(),
					"ELEMENTS_ACTIFS", InterventionKind.INSTALLATION, null, null, null, TicketKind.REQUEST, false, null, null));
		});
	}
}
