package org.entente.helpdesk.internal;

import java.net.URI;

import org.entente.common.PageSlice;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketStatus;
import org.entente.worktime.Criticality;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The tickets API: opening, reading and listing tickets; tickets outside the caller's scope answer 404. The rest of
 * {@code /api/v1/tickets} is split by job as the pages are, under the same tag: {@link TicketWorkflowApiController},
 * {@link TicketClassificationApiController}, {@link TicketConversationApiController}.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Guichet", description = "Tickets (incidents et demandes), workflow, routage par la convention, horloges")
class TicketApiController {

	record CreateRequest(@NotBlank @Size(max = 8) String establishment, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 10000) String description, @NotBlank @Size(max = 60) String component,
			@NotNull InterventionKind intervention, Network network, Funding funding, Criticality criticality,
			TicketKind kind, Boolean dataInvolved, @Size(max = 100) String assetId, Boolean sharedBetweenNetworks,
			@Size(max = 30) String dataConcerned, Boolean partyControlsElement,
			@Min(1) @Max(4) Integer priorityClass, @Size(max = 30) String requestType) {
	}

	private final TicketLookup lookup;
	private final TicketOpening opening;
	private final TicketApiAnswers answers;

	TicketApiController(TicketLookup lookup, TicketOpening opening, TicketApiAnswers answers) {
		this.lookup = lookup;
		this.opening = opening;
		this.answers = answers;
	}

	@PostMapping
	@Operation(summary = "Ouvrir un ticket", description = "Route le ticket selon la convention et calcule ses échéances. "
			+ "« requestType » nomme un type de demande de la convention (ENROLMENT : enrôlement d'une station administrative ; "
			+ "SPARE_ORDER : commande de matériel de secours, ouverte par un agent de l'Académie, routée vers le Département).")
	ResponseEntity<TicketViews.Created> create(@AuthenticationPrincipal EntenteUser user, @Valid @RequestBody CreateRequest r) {
		TicketOpening.Opened opened = opening.open(user, new TicketOpening.NewTicket(r.establishment(), r.title(),
				r.description(), r.component(), r.intervention(), r.network(), r.funding(), r.criticality(), r.kind(),
				r.dataInvolved(), r.assetId(), r.priorityClass(), r.sharedBetweenNetworks(), r.dataConcerned(),
				r.partyControlsElement(), r.requestType()));
		Ticket t = opened.ticket();
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + t.id()))
			.eTag(t.etag())
			.body(answers.created(opened));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire un ticket", description = "Avec son ETag, à renvoyer en If-Match pour le modifier.")
	ResponseEntity<TicketViews.Detail> get(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return answers.detail(lookup.get(user, id));
	}

	@GetMapping
	@Operation(summary = "Lister les tickets", description = "Filtres, recherche plein texte (numéro, titre, description), pagination ; seulement ceux de votre périmètre. "
			+ "« requestType » garde les demandes d'un type de la convention (niveaux de service : ENROLMENT, SPARE_ORDER) ; un type inconnu est refusé (400).")
	PageSlice<TicketViews.Summary> list(@AuthenticationPrincipal EntenteUser user, @RequestParam(required = false) String establishment,
			@RequestParam(required = false) String party, @RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) Criticality criticality, @RequestParam(required = false) String sla,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer level,
			@RequestParam(required = false) String assignee, @RequestParam(defaultValue = "false") boolean openOnly,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
			@Parameter(description = "« priority » : criticité, puis classe de priorité (annexe §4), puis ancienneté ; "
					+ "sinon les plus récents d'abord") @RequestParam(required = false) String sort,
			@Parameter(description = "Type de demande de la convention (serviceLevels.requestTypes), p. ex. ENROLMENT : "
					+ "enrôlement d'une station administrative ; SPARE_ORDER : commande de matériel de secours")
			@RequestParam(required = false) String requestType) {
		PageSlice.check(page, size, 200);
		TicketQuery query = new TicketQuery(establishment, party, status, criticality, sla, q, level, assignee, openOnly,
				sort, requestType);
		return lookup.list(user, query, page, size).map(t -> TicketViews.summary(t, answers.zone()));
	}
}
