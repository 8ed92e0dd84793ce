package org.entente.helpdesk.internal;

import java.time.Instant;

import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketClosed;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Ticket.Moved;
import org.entente.helpdesk.internal.Ticket.Transition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow: a status change asked by someone, and the automatic closure of a resolved ticket. The ticket
 * checks the move and registers its {@link org.entente.helpdesk.TicketStatusChanged} ({@link Ticket#moveTo}),
 * {@link TicketAccess} says whether this account may make it; here it is stored, the clocks follow, the event is
 * published and, at closure, {@link TicketClosed} with the clocks' outcomes and the requester gets the survey.
 */
@Service
class TicketWorkflow {

	private final TicketLookup lookup;
	private final TicketAccess access;
	private final TicketRepository tickets;
	private final TicketSteps steps;
	private final TicketNotifier notifier;
	private final ApplicationEventPublisher events;
	private final ServiceLevelOutcomes outcomes;

	TicketWorkflow(TicketLookup lookup, TicketAccess access, TicketRepository tickets, TicketSteps steps,
			TicketNotifier notifier, ApplicationEventPublisher events, ServiceLevelOutcomes outcomes) {
		this.outcomes = outcomes;
		this.lookup = lookup;
		this.access = access;
		this.tickets = tickets;
		this.steps = steps;
		this.notifier = notifier;
		this.events = events;
	}

	@Transactional
	Ticket transition(EntenteUser user, long id, Integer expectedVersion, Transition tr) {
		Ticket t = lookup.locked(user, id, expectedVersion);
		boolean reopen = t.checkMove(tr.to());
		access.requireMayMove(user, t, tr.to(), reopen);
		return store(t.moveTo(tr, user.getUsername(), Instant.now()), true);
	}

	/** Closes a resolved ticket the requester did not confirm in time; false if it is no longer resolved. */
	@Transactional
	boolean autoClose(long id) {
		Moved closed = tickets.lock(id).orElseThrow().autoClose(TicketSteps.SYSTEM, Instant.now());
		if (closed == null) {
			return false;
		}
		store(closed, false);
		return true;
	}

	private Ticket store(Moved m, boolean moveClocks) {
		tickets.updateStatus(m.after());
		Ticket updated = steps.record(m.after().id(), m.after().updatedAt(), m.event().actor(), m.type(), m.event().from(),
				m.event().to(), m.detailWords(), m.noticeWords(), moveClocks);
		events.publishEvent(m.event());
		if (m.event().to() == TicketStatus.CLOSED) {
			events.publishEvent(new TicketClosed(updated.snapshot(), m.event().actor(), m.event().at(), outcomes.of(updated)));
			notifier.survey(updated);
		}
		return updated;
	}
}
