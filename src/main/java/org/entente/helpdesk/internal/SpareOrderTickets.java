package org.entente.helpdesk.internal;

import java.util.List;

import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.inventory.AssetPageLinks.Link;
import org.entente.inventory.SparesPageLinks;
import org.springframework.stereotype.Component;

/**
 * The inventory's spares view lists the open spare-order requests (type {@value #TYPE}: the Académie tells the
 * Département a spare must be ordered) that the viewer may see, through the inventory's extension point: the
 * inventory never reads the desk's tables.
 */
@Component
class SpareOrderTickets implements SparesPageLinks {

	static final String TYPE = "SPARE_ORDER";
	private static final int LIMIT = 100;

	private final TicketRepository tickets;
	private final Accounts accounts;
	private final TicketAccess access;

	SpareOrderTickets(TicketRepository tickets, Accounts accounts, TicketAccess access) {
		this.tickets = tickets;
		this.accounts = accounts;
		this.access = access;
	}

	@Override
	public String title() {
		return "Commandes de matériel de secours demandées au Département";
	}

	@Override
	public List<Link> links(String username) {
		EntenteUser viewer = accounts.find(username).map(a -> new EntenteUser(a, "", true)).orElse(null);
		if (viewer == null) {
			return List.of();
		}
		return tickets.openOfRequestType(TYPE, LIMIT).stream()
			.filter(t -> access.canSee(viewer, t))
			.map(t -> new Link(t.number() + " — " + t.establishment() + " — " + t.title(), "/tickets/" + t.id(),
					t.status().label()))
			.toList();
	}
}
