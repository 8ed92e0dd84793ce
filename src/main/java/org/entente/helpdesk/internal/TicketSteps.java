package org.entente.helpdesk.internal;

import java.time.Instant;

import org.entente.common.StoredText;
import org.entente.helpdesk.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * What every change of a ticket ends with, in the transaction that made it: a line of history, the clocks
 * recomputed when the change can move them, and the people concerned told.
 */
@Component
class TicketSteps {

	/** The actor of what the desk does by itself (automatic closure, clock alerts). */
	static final String SYSTEM = "système";

	private final TicketRepository tickets;
	private final TicketHistory history;
	private final TicketClocks clocks;
	private final TicketNotifier notifier;

	TicketSteps(TicketRepository tickets, TicketHistory history, TicketClocks clocks, TicketNotifier notifier) {
		this.tickets = tickets;
		this.history = history;
		this.clocks = clocks;
		this.notifier = notifier;
	}

	/** A step that is not a status change. */
	Ticket record(long id, Instant now, String actor, String type, StoredText detail, boolean moveClocks) {
		return record(id, now, actor, type, null, null, detail, detail, moveClocks);
	}

	/**
	 * Writes the history line, reads the ticket as it now is, recomputes its clocks if asked, tells everyone
	 * concerned ({@code notice}: what they read).
	 */
	Ticket record(long id, Instant now, String actor, String type, TicketStatus from, TicketStatus to, StoredText detail,
			StoredText notice, boolean moveClocks) {
		history.add(id, now, actor, type, from, to, detail);
		Ticket updated = tickets.find(id).orElseThrow();
		if (moveClocks) {
			clocks.refresh(updated, now);
		}
		notifier.step(updated, notice, actor);
		return updated;
	}
}
