package org.entente.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.inventory.Assets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remediation plan of an incident and its links: actions with their owner and due date, marked done, and the
 * desk tickets and assets the incident concerns. Only the incident's handler changes them, at the current version.
 */
@Service
class RemediationPlan {

	private final IncidentService service;
	private final IncidentRepository incidents;
	private final Assets assets;
	private final Clock clock;

	RemediationPlan(IncidentService service, IncidentRepository incidents, Assets assets, Optional<Clock> clock) {
		this.service = service;
		this.incidents = incidents;
		this.assets = assets;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	Incident addAction(EntenteUser user, long id, int version, IncidentService.NewAction a) {
		Incident i = service.handle(user, id, version);
		if (i.status() == IncidentStatus.CLOSED) {
			throw ProblemException.conflict("Incident clos", "Un incident clos ne reçoit plus d'action.");
		}
		Instant now = clock.instant();
		incidents.addAction(id, a.description(), a.owner(), a.dueDate());
		incidents.touch(id, now);
		incidents.addEvent(id, now, user.getUsername(), "ACTION", null, null,
				"Action du plan : " + a.description() + " — " + a.owner() + ", pour le " + a.dueDate());
		return incidents.find(id).orElseThrow();
	}

	@Transactional
	Incident completeAction(EntenteUser user, long id, int version, long actionId) {
		service.handle(user, id, version);
		Instant now = clock.instant();
		IncidentRepository.ActionRow action = incidents.actions(id).stream().filter(a -> a.id() == actionId).findFirst()
			.orElseThrow(() -> ProblemException.notFound("Action introuvable", "L'action " + actionId + " n'est pas dans ce plan."));
		if (!incidents.actionDone(id, actionId, user.getUsername(), now)) {
			throw ProblemException.conflict("Action déjà faite", "L'action « " + action.description() + " » est déjà marquée faite.");
		}
		incidents.touch(id, now);
		incidents.addEvent(id, now, user.getUsername(), "ACTION_DONE", null, null, "Action faite : " + action.description());
		return incidents.find(id).orElseThrow();
	}

	@Transactional
	Incident link(EntenteUser user, long id, int version, Long ticketId, Long assetId, boolean compromised) {
		Incident i = service.handle(user, id, version);
		if (ticketId == null && assetId == null) {
			throw ProblemException.invalid("ticketId", "Indiquez « ticketId » ou « assetId ».");
		}
		if (assetId != null && assets.find(assetId).isEmpty()) {
			throw ProblemException.invalid("assetId", "L'équipement " + assetId + " n'existe pas.");
		}
		Instant now = clock.instant();
		boolean added = false;
		if (ticketId != null && incidents.addLink(id, "TICKET", ticketId, false, user.getUsername(), now)) {
			incidents.addEvent(id, now, user.getUsername(), "LINK", null, null, "Ticket du guichet lié : n° " + ticketId);
			added = true;
		}
		if (assetId != null && incidents.addLink(id, "ASSET", assetId, compromised, user.getUsername(), now)) {
			incidents.addEvent(id, now, user.getUsername(), "LINK", null, null,
					"Équipement lié : n° " + assetId + (compromised ? " (compromis)" : ""));
			added = true;
		}
		if (added) {
			incidents.touch(id, now);
		}
		return incidents.find(i.id()).orElseThrow();
	}
}
