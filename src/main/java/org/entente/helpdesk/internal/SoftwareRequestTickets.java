package org.entente.helpdesk.internal;

import org.entente.convention.InterventionKind;
import org.entente.directory.Accounts;
import org.entente.helpdesk.TicketKind;
import org.entente.inventory.SoftwareRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A collège's request to add software to a catalogue becomes a desk request of the convention's priority class 2
 * (« demandes d'ajout de nouvelles applications »), on the catalogues policy, opened in the requester's name.
 */
@Component
class SoftwareRequestTickets {

	static final String COMPONENT = "CATALOGUES_LOGICIELS";
	static final int NEW_APPLICATION = 2;

	private final TicketOpening tickets;
	private final Accounts accounts;

	SoftwareRequestTickets(TicketOpening tickets, Accounts accounts) {
		this.tickets = tickets;
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(SoftwareRequested request) {
		accounts.forAuthentication(request.requestedBy()).ifPresent(requester -> {
			String software = request.name() + (request.version() == null || request.version().isBlank() ? "" : " " + request.version());
			String catalogue = "ADMINISTRATIVE".equals(request.catalogue()) ? "administratif" : "pédagogique";
			String title = "Ajout au catalogue " + catalogue + " : " + software;
			tickets.open(requester, new TicketOpening.NewTicket(request.uai(), title.length() <= 200 ? title : title.substring(0, 200),
					"Le collège demande l'ajout de « " + software + " » au catalogue logiciel " + catalogue
							+ ". Les catalogues sont définis par l'Académie (Annexe opérationnelle §1, Catalogues logiciels).",
					COMPONENT, InterventionKind.DEFINITION, null, null, null, TicketKind.REQUEST, false, null, NEW_APPLICATION));
		});
	}
}
