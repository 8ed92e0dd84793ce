package org.entente.helpdesk.internal;

import java.util.List;

import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.inventory.AssetPageLinks;
import org.springframework.stereotype.Component;

/** «Its tickets» on the inventory's asset page: the tickets naming the asset that the viewer may see. */
@Component
class AssetTickets implements AssetPageLinks {

	private static final int LIMIT = 50;

	private final TicketRepository tickets;
	private final Accounts accounts;
	private final TicketAccess access;

	AssetTickets(TicketRepository tickets, Accounts accounts, TicketAccess access) {
		this.tickets = tickets;
		this.accounts = accounts;
		this.access = access;
	}

	@Override
	public String title() {
		return "Tickets";
	}

	@Override
	public List<Link> linksFor(long assetId, String username) {
		EntenteUser viewer = accounts.find(username).map(a -> new EntenteUser(a, "", true)).orElse(null);
		if (viewer == null) {
			return List.of();
		}
		return tickets.byAsset(String.valueOf(assetId), LIMIT).stream()
			.filter(t -> access.canSee(viewer, t))
			.map(t -> new Link(t.number() + " — " + t.title(), "/tickets/" + t.id(), t.status().label()))
			.toList();
	}
}
