package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.TicketApiAnswers.version;

import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The ticket's workflow in the API: status transitions, escalation to level 2, hand-backs and the restoration
 * conditions. Each needs {@code If-Match} with the ETag of the version read (428 without it, 412 when the ticket
 * changed since). Operation ids are set so that they stay those of the one controller this was split from.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Guichet", description = "Tickets (incidents et demandes), workflow, routage par la convention, horloges")
class TicketWorkflowApiController {

	record TransitionRequest(@NotNull TicketStatus to, @Size(max = 2000) String reason, WaitingReason waitingReason,
			Boolean degraded, @Size(max = 2000) String temporarySolution) {
	}

	record ReasonRequest(@Size(max = 2000) String reason) {
	}

	/** The restoration conditions as the responsible agent knows them (null: unknown). */
	record ConditionsRequest(Boolean spareAvailable, Boolean partyControlsElement, @Size(max = 2000) String reason) {
	}

	private final TicketWorkflow workflow;
	private final TicketEscalation escalation;
	private final RestorationConditions conditions;
	private final TicketApiAnswers answers;

	TicketWorkflowApiController(TicketWorkflow workflow, TicketEscalation escalation, RestorationConditions conditions,
			TicketApiAnswers answers) {
		this.workflow = workflow;
		this.escalation = escalation;
		this.conditions = conditions;
		this.answers = answers;
	}

	@PostMapping("/{id}/transitions")
	@Operation(operationId = "ticketTransition", summary = "Changer le statut", description = "If-Match obligatoire. 409 avec les transitions permises si la transition est impossible.")
	ResponseEntity<TicketViews.Detail> transition(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody TransitionRequest r) {
		Ticket t = workflow.transition(user, id, version(ifMatch),
				new Ticket.Transition(r.to(), r.reason(), r.waitingReason(), r.degraded(), r.temporarySolution()));
		return answers.detail(t);
	}

	@PostMapping("/{id}/escalation")
	@Operation(operationId = "ticketEscalate", summary = "Escalader au niveau 2", description = "Par le niveau 1, vers les parties responsables.")
	ResponseEntity<TicketViews.Detail> escalate(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody(required = false) ReasonRequest r) {
		return answers.detail(escalation.escalate(user, id, version(ifMatch), r == null ? null : r.reason()));
	}

	@PostMapping("/{id}/hand-backs")
	@Operation(operationId = "ticketHandBack", summary = "Renvoyer au niveau 1", description = "Par une partie qui n'est pas responsable, avec un motif ; les renvois sont comptés.")
	ResponseEntity<TicketViews.Detail> handBack(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ReasonRequest r) {
		return answers.detail(escalation.handBack(user, id, version(ifMatch), r.reason()));
	}

	@PutMapping("/{id}/restoration-conditions")
	@Operation(operationId = "ticketRestorationConditions", summary = "Conditions du rétablissement", description = "Matériel de secours disponible, élément en défaut "
			+ "maîtrisé (annexe §4) : l'un connu faux suspend l'engagement d'une journée (mode dégradé), les deux réunis le "
			+ "relancent ; inconnu vaut réuni. Par le niveau 1 ou la partie responsable, If-Match obligatoire, inscrit à l'historique.")
	ResponseEntity<TicketViews.Detail> restorationConditions(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ConditionsRequest r) {
		return answers.detail(
				conditions.record(user, id, version(ifMatch), r.spareAvailable(), r.partyControlsElement(), r.reason()));
	}
}
