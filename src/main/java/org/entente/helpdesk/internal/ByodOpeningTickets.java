package org.entente.helpdesk.internal;

import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.directory.Accounts;
import org.entente.helpdesk.TicketKind;
import org.entente.policy.ByodOpeningRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A BYOD opening request (board's decision recorded, policy register) becomes a desk request on the guest network. */
@Component
class ByodOpeningTickets {

	private final TicketOpening tickets;
	private final Accounts accounts;

	ByodOpeningTickets(TicketOpening tickets, Accounts accounts) {
		this.tickets = tickets;
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(ByodOpeningRequested request) {
		accounts.forAuthentication(request.requestedBy()).ifPresent(requester -> tickets.open(requester,
				new TicketOpening.NewTicket(request.uai(), "Ouverture du réseau invité (BYOD) aux élèves",
						"Décision du Conseil d'Administration du " + request.decidedOn() + " (référence " + request.reference()
								+ "). " + request.clause() + ".",
						"BYOD_INFRASTRUCTURE", InterventionKind.ADMINISTRATION, Network.BYOD, null, null, TicketKind.REQUEST, false,
						null, null)));
	}
}
