package org.entente.helpdesk.internal;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
import org.entente.common.IfMatch;
import org.entente.common.PageSlice;
import org.entente.helpdesk.internal.AttachmentRepository.AttachmentInfo;
import org.entente.helpdesk.internal.CommentRepository.Comment;
import org.entente.worktime.Criticality;
import org.entente.worktime.WorkTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

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
 * The tickets API. Updates need {@code If-Match} with the ETag of the version read (428 without it, 412 when the
 * ticket changed since). Tickets outside the caller's scope answer 404.
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

	/** The restoration conditions as the responsible agent knows them (null: unknown). */
	record ConditionsRequest(Boolean spareAvailable, Boolean partyControlsElement, @Size(max = 2000) String reason) {
	}

	record TransitionRequest(@NotNull TicketStatus to, @Size(max = 2000) String reason, WaitingReason waitingReason,
			Boolean degraded, @Size(max = 2000) String temporarySolution) {
	}

	record ReasonRequest(@Size(max = 2000) String reason) {
	}

	record CriticalityRequest(@NotNull Criticality criticality, @NotBlank @Size(max = 2000) String reason) {
	}

	record ClassificationRequest(@Size(max = 60) String component, InterventionKind intervention, Network network,
			Funding funding, Boolean dataInvolved, @Size(max = 2000) String reason, @Size(max = 100) String assetId,
			Boolean sharedBetweenNetworks) {
	}

	record AssigneeRequest(@Size(max = 100) String assignee) {
	}

	record CommentRequest(@NotBlank @Size(max = 10000) String body) {
	}

	record CommentJson(long id, String author, String body, java.time.OffsetDateTime createdAt) {
	}

	record AttachmentJson(long id, String filename, String contentType, int size, String uploadedBy,
			java.time.OffsetDateTime uploadedAt) {
	}

	private final TicketLookup lookup;
	private final TicketOpening opening;
	private final TicketWorkflow workflow;
	private final TicketRouting routing;
	private final TicketEscalation escalation;
	private final TicketConversation conversation;
	private final TicketClocks clocks;
	private final WorkTime workTime;
	private final RequestTypes requestTypes;
	private final RestorationConditions conditions;

	TicketApiController(TicketLookup lookup, TicketOpening opening, TicketWorkflow workflow, TicketRouting routing,
			TicketEscalation escalation, TicketConversation conversation, TicketClocks clocks, WorkTime workTime,
			RequestTypes requestTypes, RestorationConditions conditions) {
		this.requestTypes = requestTypes;
		this.conditions = conditions;
		this.lookup = lookup;
		this.opening = opening;
		this.workflow = workflow;
		this.routing = routing;
		this.escalation = escalation;
		this.conversation = conversation;
		this.clocks = clocks;
		this.workTime = workTime;
	}

	/** The version the client read, from its If-Match: 428 without it, 412 when it names no version of a ticket. */
	private static int version(String ifMatch) {
		return IfMatch.version(ifMatch, "GET /api/v1/tickets/{id}", "Ticket modifié entre-temps",
				"ne correspond à aucune version de ce ticket : relisez-le.");
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
			.body(TicketViews.created(t, opened.clocks(), requestTypes.of(t), zone()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire un ticket", description = "Avec son ETag, à renvoyer en If-Match pour le modifier.")
	ResponseEntity<TicketViews.Detail> get(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return detail(lookup.get(user, id), HttpStatus.OK);
	}

	@GetMapping
	@Operation(summary = "Lister les tickets", description = "Filtres, recherche plein texte (numéro, titre, description), pagination ; seulement ceux de votre périmètre.")
	PageSlice<TicketViews.Summary> list(@AuthenticationPrincipal EntenteUser user, @RequestParam(required = false) String establishment,
			@RequestParam(required = false) String party, @RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) Criticality criticality, @RequestParam(required = false) String sla,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer level,
			@RequestParam(required = false) String assignee, @RequestParam(defaultValue = "false") boolean openOnly,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
			@Parameter(description = "« priority » : criticité, puis classe de priorité (annexe §4), puis ancienneté ; "
					+ "sinon les plus récents d'abord") @RequestParam(required = false) String sort) {
		PageSlice.check(page, size, 200);
		TicketQuery query = new TicketQuery(establishment, party, status, criticality, sla, q, level, assignee, openOnly,
				sort);
		return lookup.list(user, query, page, size).map(t -> TicketViews.summary(t, zone()));
	}

	@PostMapping("/{id}/transitions")
	@Operation(summary = "Changer le statut", description = "If-Match obligatoire. 409 avec les transitions permises si la transition est impossible.")
	ResponseEntity<TicketViews.Detail> transition(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody TransitionRequest r) {
		Ticket t = workflow.transition(user, id, version(ifMatch),
				new Ticket.Transition(r.to(), r.reason(), r.waitingReason(), r.degraded(), r.temporarySolution()));
		return detail(t, HttpStatus.OK);
	}

	@PostMapping("/{id}/escalation")
	@Operation(summary = "Escalader au niveau 2", description = "Par le niveau 1, vers les parties responsables.")
	ResponseEntity<TicketViews.Detail> escalate(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody(required = false) ReasonRequest r) {
		return detail(escalation.escalate(user, id, version(ifMatch), r == null ? null : r.reason()), HttpStatus.OK);
	}

	@PostMapping("/{id}/hand-backs")
	@Operation(summary = "Renvoyer au niveau 1", description = "Par une partie qui n'est pas responsable, avec un motif ; les renvois sont comptés.")
	ResponseEntity<TicketViews.Detail> handBack(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ReasonRequest r) {
		return detail(escalation.handBack(user, id, version(ifMatch), r.reason()), HttpStatus.OK);
	}

	@PutMapping("/{id}/criticality")
	@Operation(summary = "Changer la criticité", description = "Par un agent, avec un motif enregistré dans l'historique.")
	ResponseEntity<TicketViews.Detail> criticality(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody CriticalityRequest r) {
		return detail(routing.changeCriticality(user, id, version(ifMatch), r.criticality(), r.reason()), HttpStatus.OK);
	}

	@PutMapping("/{id}/classification")
	@Operation(summary = "Reclasser", description = "Composant, champ d'intervention, réseau, financement : le routage est recalculé. « assetId » nomme un équipement de l'établissement ; vide, il retire celui qui était nommé ; absent, il le garde.")
	ResponseEntity<TicketViews.Detail> classification(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ClassificationRequest r) {
		return detail(routing.reclassify(user, id, version(ifMatch), r.component(), r.intervention(), r.network(),
				r.funding(), r.dataInvolved(), r.sharedBetweenNetworks(), r.reason(), r.assetId()), HttpStatus.OK);
	}

	@PutMapping("/{id}/restoration-conditions")
	@Operation(summary = "Conditions du rétablissement", description = "Matériel de secours disponible, élément en défaut "
			+ "maîtrisé (annexe §4) : l'un connu faux suspend l'engagement d'une journée (mode dégradé), les deux réunis le "
			+ "relancent ; inconnu vaut réuni. Par le niveau 1 ou la partie responsable, If-Match obligatoire, inscrit à l'historique.")
	ResponseEntity<TicketViews.Detail> restorationConditions(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ConditionsRequest r) {
		return detail(conditions.record(user, id, version(ifMatch), r.spareAvailable(), r.partyControlsElement(), r.reason()),
				HttpStatus.OK);
	}

	@PutMapping("/{id}/assignee")
	@Operation(summary = "Affecter à un prestataire", description = "Confie le ticket à un compte prestataire ; If-Match avec la version lue.")
	ResponseEntity<TicketViews.Detail> assign(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody AssigneeRequest r) {
		return detail(escalation.assign(user, id, version(ifMatch), r.assignee()), HttpStatus.OK);
	}

	@GetMapping("/{id}/comments")
	@Operation(summary = "Commentaires d'un ticket", description = "Du plus ancien au plus récent ; les commentaires internes seulement pour qui peut les lire.")
	List<CommentJson> comments(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return conversation.comments(lookup.get(user, id)).stream().map(this::json).toList();
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Commenter un ticket", description = "Ajoute un commentaire (public ou interne) ; 201 avec le commentaire.")
	ResponseEntity<CommentJson> comment(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@Valid @RequestBody CommentRequest r) {
		long commentId = conversation.comment(user, id, r.body());
		Comment c = conversation.comments(lookup.get(user, id)).stream().filter(x -> x.id() == commentId).findFirst().orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/comments")).body(json(c));
	}

	@GetMapping("/{id}/attachments")
	@Operation(summary = "Pièces jointes d'un ticket", description = "Nom, type, taille et empreinte de chaque fichier joint.")
	List<AttachmentJson> attachments(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return conversation.attachments(lookup.get(user, id)).stream().map(this::json).toList();
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Joindre un fichier", description = "5 Mo au plus ; PDF, PNG, JPEG, TXT, CSV, LOG, vérifiés sur le contenu.")
	ResponseEntity<AttachmentJson> attach(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		long attachmentId = conversation.attach(user, id, file.getOriginalFilename(), file.getBytes());
		AttachmentInfo a = conversation.attachment(user, id, attachmentId);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/attachments/" + attachmentId)).body(json(a));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "Télécharger une pièce jointe", description = "Toujours en téléchargement, jamais affichée comme page.")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return download(conversation, user, id, attachmentId);
	}

	/** The attachment as a download with its sniffed type (shared with the pages). */
	static ResponseEntity<byte[]> download(TicketConversation conversation, EntenteUser user, long id, long attachmentId) {
		AttachmentInfo a = conversation.attachment(user, id, attachmentId);
		String type = a.contentType().startsWith("text/") ? a.contentType() + ";charset=UTF-8" : a.contentType();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header("Content-Disposition", ContentDisposition.attachment().filename(a.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(conversation.content(a));
	}

	private ResponseEntity<TicketViews.Detail> detail(Ticket t, HttpStatus status) {
		return ResponseEntity.status(status).eTag(t.etag()).body(TicketViews.detail(t, clocks.of(t), requestTypes.of(t), zone()));
	}

	private CommentJson json(Comment c) {
		return new CommentJson(c.id(), c.author(), c.body(), TicketViews.at(c.createdAt(), zone()));
	}

	private AttachmentJson json(AttachmentInfo a) {
		return new AttachmentJson(a.id(), a.filename(), a.contentType(), a.size(), a.uploadedBy(),
				TicketViews.at(a.uploadedAt(), zone()));
	}

	private ZoneId zone() {
		return workTime.calendar().zone();
	}
}
