package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Inputs.blank;

import java.time.Instant;

import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketEscalated;
import org.entente.helpdesk.TicketHandedBack;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Level 1 and level 2, and who works on it: level 1 escalates to the responsible parties, a party hands a ticket
 * that is not its own back to level 1 (hand-backs are counted; both publish their event), an agent assigns a contractor.
 */
@Service
class TicketEscalation {

	private final TicketLookup lookup;
	private final TicketAccess access;
	private final TicketRepository tickets;
	private final TicketSteps steps;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;

	TicketEscalation(TicketLookup lookup, TicketAccess access, TicketRepository tickets, TicketSteps steps,
			Accounts accounts, ApplicationEventPublisher events) {
		this.events = events;
		this.lookup = lookup;
		this.access = access;
		this.tickets = tickets;
		this.steps = steps;
		this.accounts = accounts;
	}

	@Transactional
	Ticket escalate(EntenteUser user, long id, Integer expectedVersion, String reason) {
		Ticket t = lookup.locked(user, id, expectedVersion);
		access.requireMayEscalate(user);
		if (t.level() == 2) {
			throw ProblemException.conflict("Déjà au niveau 2", "Le ticket est déjà au niveau 2.").worded("helpdesk.refused.alreadyLevel2");
		}
		Instant now = Instant.now();
		tickets.updateLevel(id, 2, 0, now);
		StoredText detail = StoredText.concat(StoredText.message("helpdesk.event.escalated", StoredText.joined(t.parties())),
				blank(reason) != null ? " — " + reason : null);
		Ticket updated = steps.record(id, now, user.getUsername(), "ESCALATION", detail, false);
		events.publishEvent(new TicketEscalated(updated.snapshot(), user.getUsername(), now));
		return updated;
	}

	@Transactional
	Ticket handBack(EntenteUser user, long id, Integer expectedVersion, String reason) {
		Ticket t = lookup.locked(user, id, expectedVersion);
		if (blank(reason) == null) {
			throw ProblemException.invalid("reason", "Un renvoi dit pourquoi le ticket n'est pas pour votre partie (« reason »).")
				.worded("helpdesk.refused.handBackReason");
		}
		access.requireMayHandBack(user, t);
		Instant now = Instant.now();
		tickets.updateLevel(id, 1, 1, now);
		Ticket updated = steps.record(id, now, user.getUsername(), "HAND_BACK",
				StoredText.message("helpdesk.event.handedBack", user.party(), reason), false);
		events.publishEvent(new TicketHandedBack(updated.snapshot(), user.party(), updated.handBacks(), user.getUsername(),
				reason.trim(), now));
		return updated;
	}

	@Transactional
	Ticket assign(EntenteUser user, long id, Integer expectedVersion, String assignee) {
		Ticket t = lookup.locked(user, id, expectedVersion);
		access.requireMayChange(user, t);
		String username = blank(assignee);
		if (username != null && accounts.find(username).filter(access::isAssignable).isEmpty()) {
			throw ProblemException.invalid("assignee", "« " + assignee + " » n'est pas un compte de prestataire.")
				.worded("helpdesk.refused.assignee", assignee);
		}
		Instant now = Instant.now();
		tickets.updateAssignee(id, username, now);
		return steps.record(id, now, user.getUsername(), "ASSIGNMENT", username == null
				? StoredText.message("helpdesk.event.unassigned") : StoredText.message("helpdesk.event.assigned", username), false);
	}
}
