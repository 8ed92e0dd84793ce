package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Inputs.blank;

import java.time.Instant;
import java.util.Optional;

import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.SatisfactionRated;
import org.entente.helpdesk.TicketStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.entente.helpdesk.internal.SatisfactionRepository.Satisfaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The satisfaction survey: once the ticket is resolved or closed, the requester (or the collège) answers once, 1 to 5. */
@Service
class TicketSatisfaction {

	private final TicketLookup lookup;
	private final TicketAccess access;
	private final SatisfactionRepository answers;
	private final TicketHistory history;
	private final ApplicationEventPublisher events;

	TicketSatisfaction(TicketLookup lookup, TicketAccess access, SatisfactionRepository answers, TicketHistory history,
			ApplicationEventPublisher events) {
		this.events = events;
		this.lookup = lookup;
		this.access = access;
		this.answers = answers;
		this.history = history;
	}

	Optional<Satisfaction> of(Ticket t) {
		return answers.of(t.id());
	}

	@Transactional
	void answer(EntenteUser user, long id, int rating, String comment) {
		Ticket t = lookup.get(user, id);
		access.requireMayAnswerSurvey(user, t);
		if (t.status() != TicketStatus.CLOSED && t.status() != TicketStatus.RESOLVED) {
			throw ProblemException.conflict("Enquête prématurée", "L'enquête s'ouvre quand le ticket est résolu ou clos.")
				.worded("helpdesk.refused.surveyEarly");
		}
		if (rating < 1 || rating > 5) {
			throw ProblemException.invalid("rating", "La note va de 1 à 5.").worded("helpdesk.refused.rating");
		}
		if (answers.of(id).isPresent()) {
			throw ProblemException.conflict("Déjà répondu", "Une réponse à l'enquête est déjà enregistrée.")
				.worded("helpdesk.refused.surveyDone");
		}
		Instant now = Instant.now();
		answers.save(id, rating, blank(comment), user.getUsername(), now);
		history.add(id, now, user.getUsername(), "SATISFACTION", null, null, StoredText.message("helpdesk.event.satisfaction", String.valueOf(rating)));
		events.publishEvent(new SatisfactionRated(t.snapshot(), rating, now));
	}
}
