package org.entente.helpdesk.internal;

import java.time.Instant;
import java.util.List;

import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Clocks.ClockView;
import org.entente.helpdesk.internal.Clocks.StatusChange;
import org.springframework.stereotype.Component;

/**
 * A ticket's clocks as the desk keeps them: computed by {@link Clocks} from the status history, stored for lists
 * and the watcher ({@link ClockRepository}), and the ticket's overall service-level state updated with them.
 */
@Component
class TicketClocks {

	private final Clocks clocks;
	private final TicketHistory history;
	private final ClockRepository stored;
	private final TicketRepository tickets;

	TicketClocks(Clocks clocks, TicketHistory history, ClockRepository stored, TicketRepository tickets) {
		this.clocks = clocks;
		this.history = history;
		this.stored = stored;
		this.tickets = tickets;
	}

	/** The clocks as they stand now (for the ticket page and the API). */
	List<ClockView> of(Ticket t) {
		return of(t, history.statusChanges(t.id()));
	}

	/** The clocks as they stand now, from status changes already read. */
	List<ClockView> of(Ticket t, List<StatusChange> changes) {
		return clocks.compute(t, changes, Instant.now());
	}

	/** The clocks of a ticket just opened, stored in one batch. */
	List<ClockView> start(Ticket t, Instant now) {
		List<ClockView> views = clocks.compute(t, List.of(new StatusChange(now, TicketStatus.NEW)), now);
		stored.insertAll(t.id(), views);
		return views;
	}

	/** Recomputes and stores the ticket's clocks from its history; returns them. */
	List<ClockView> refresh(Ticket t, Instant now) {
		List<ClockView> views = clocks.compute(t, history.statusChanges(t.id()), now);
		views.forEach(v -> stored.save(t.id(), v));
		stored.deleteExcept(t.id(), views.stream().map(ClockView::code).toList());
		tickets.updateSlaState(t.id(), Clocks.slaState(views));
		return views;
	}
}
