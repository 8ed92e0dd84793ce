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
	private final RequestTypes requestTypes;

	TicketLookup(TicketRepository tickets, TicketAccess access, RequestTypes requestTypes) {
		this.tickets = tickets;
		this.access = access;
		this.requestTypes = requestTypes;
	}

	/** The ticket if this account may see it; otherwise 404, as if it did not exist. */
	Ticket get(EntenteUser user, long id) {
		return tickets.find(id).filter(t -> access.canSee(user, t)).orElseThrow(() -> notFound(id));
	}

	/**
	 * One page of the tickets this account may see that match the query, newest first or as it asks; 400 naming
	 * « requestType » for a request type the convention in force does not name.
	 */
	PageSlice<Ticket> list(EntenteUser user, TicketQuery query, int page, int size) {
		requestTypes.checkFilter(query.requestType());
		return PageSlice.ofOneMore(tickets.page(query.toSql(access.scope(user)), query.orderBy(), size + 1,
				(long) page * size), page, size);
	}

	/** The ticket locked for the rest of the transaction, at the version the caller read (when given). */
	Ticket locked(EntenteUser user, long id, Integer expectedVersion) {
		Ticket t = tickets.lock(id).filter(x -> access.canSee(user, x)).orElseThrow(() -> notFound(id));
		if (expectedVersion != null && expectedVersion != t.version()) {
			throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Ticket modifié entre-temps",
					"Le ticket a changé depuis votre lecture (version " + expectedVersion + ", actuelle " + t.version()
							+ ") : relisez-le avant de recommencer.").with("currentVersion", t.version())
				.worded("helpdesk.refused.stale", String.valueOf(expectedVersion), String.valueOf(t.version()));
		}
		return t;
	}

	static ProblemException notFound(long id) {
		return ProblemException.notFound("Ticket introuvable", "Aucun ticket n° " + id + " dans votre périmètre.");
	}
}
