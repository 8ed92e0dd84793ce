package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.TicketApiAnswers.version;

import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.directory.EntenteUser;
import org.entente.worktime.Criticality;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The ticket's classification in the API: criticality, reclassification (routing recomputed) and assignment to a
 * contractor, each with {@code If-Match}. Operation ids are set so that they stay those of the one controller this
 * was split from.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Guichet", description = "Tickets (incidents et demandes), workflow, routage par la convention, horloges")
class TicketClassificationApiController {

	record CriticalityRequest(@NotNull Criticality criticality, @NotBlank @Size(max = 2000) String reason) {
	}

	record ClassificationRequest(@Size(max = 60) String component, InterventionKind intervention, Network network,
			Funding funding, Boolean dataInvolved, @Size(max = 2000) String reason, @Size(max = 100) String assetId,
			Boolean sharedBetweenNetworks) {
	}

	record AssigneeRequest(@Size(max = 100) String assignee) {
	}

	private final TicketRouting routing;
	private final TicketEscalation escalation;
	private final TicketApiAnswers answers;

	TicketClassificationApiController(TicketRouting routing, TicketEscalation escalation, TicketApiAnswers answers) {
		this.routing = routing;
		this.escalation = escalation;
		this.answers = answers;
	}

	@PutMapping("/{id}/criticality")
	@Operation(operationId = "ticketCriticality", summary = "Changer la criticité", description = "Par un agent, avec un motif enregistré dans l'historique.")
	ResponseEntity<TicketViews.Detail> criticality(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody CriticalityRequest r) {
		return answers.detail(routing.changeCriticality(user, id, version(ifMatch), r.criticality(), r.reason()));
	}

	@PutMapping("/{id}/classification")
	@Operation(operationId = "ticketClassification", summary = "Reclasser", description = "Composant, champ d'intervention, réseau, financement : le routage est recalculé. « assetId » nomme un équipement de l'établissement ; vide, il retire celui qui était nommé ; absent, il le garde.")
	ResponseEntity<TicketViews.Detail> classification(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ClassificationRequest r) {
		return answers.detail(routing.reclassify(user, id, version(ifMatch), r.component(), r.intervention(), r.network(),
				r.funding(), r.dataInvolved(), r.sharedBetweenNetworks(), r.reason(), r.assetId()));
	}

	@PutMapping("/{id}/assignee")
	@Operation(operationId = "ticketAssign", summary = "Affecter à un prestataire", description = "Confie le ticket à un compte prestataire ; If-Match avec la version lue.")
	ResponseEntity<TicketViews.Detail> assign(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody AssigneeRequest r) {
		return answers.detail(escalation.assign(user, id, version(ifMatch), r.assignee()));
	}
}
