package org.entente.helpdesk.internal;

import java.util.Map;

import org.entente.common.PageSlice;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finding tickets within the caller's scope: one ticket (404 outside the scope, as if it did not exist), a page of
 * a list, a ticket locked for a change at the version the caller read (412 otherwise).
 */
@Component
class TicketLookup {

	private final TicketRepository tickets;
	private final TicketAccess access;

	TicketLookup(TicketRepository tickets, TicketAccess access) {
		this.tickets = tickets;
		this.access = access;
	}

	/** The ticket if this account may see it; otherwise 404, as if it did not exist. */
	Ticket get(EntenteUser user, long id) {
		return tickets.find(id).filter(t -> access.canSee(user, t)).orElseThrow(() -> notFound(id));
	}

	/** One page of the tickets this account may see that match the query, newest first or as it asks. */
	PageSlice<Ticket> list(EntenteUser user, TicketQuery query, int page, int size) {
		return PageSlice.ofOneMore(tickets.page(query.toSql(access.scope(user)), query.orderBy(), size + 1,
				(long) page * size), page, size);
	}

	/** The ticket locked for the rest of the transaction, at the version the caller read (when given). */
	Ticket locked(EntenteUser user, long id, Integer expectedVersion) {
		Ticket t = tickets.lock(id).filter(x -> access.canSee(user, x)).orElseThrow(() -> notFound(id));
		if (expectedVersion != null && expectedVersion != t.version()) {
			throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Ticket modifié entre-temps",
					"Le ticket a changé depuis votre lecture (version " + expectedVersion + ", actuelle " + t.version()
							+ ") : relisez-le avant de recommencer.").with("currentVersion", t.version());
		}
		return t;
	}

	static ProblemException notFound(long id) {
		return ProblemException.notFound("Ticket introuvable", "Aucun ticket n° " + id + " dans votre périmètre.");
	}
}
