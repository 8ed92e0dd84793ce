package org.entente.security.internal;

import org.entente.common.FieldReader;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import org.entente.common.IfMatch;
import org.entente.common.PageSlice;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.security.internal.IncidentAccess.View;
import org.entente.security.internal.IncidentViews.ActionJson;
import org.entente.security.internal.IncidentViews.EventJson;
import org.entente.security.internal.IncidentViews.LinkJson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * The security incidents API. Confidential: an incident outside the caller's view answers 404; the reporter reads
 * the status of their own reports only. Steps need {@code If-Match} with the ETag read.
 */
@RestController
@RequestMapping("/api/v1/security/incidents")
@Tag(name = "Sécurité", description = "Incidents de sécurité par périmètre, violations de données, réquisitions")
class IncidentApiController {

	private final IncidentService service;
	private final IncidentRepository repository;
	private final BreachRepository breaches;
	private final RemediationPlan plan;

	IncidentApiController(IncidentService service, IncidentRepository repository, BreachRepository breaches,
			RemediationPlan plan) {
		this.plan = plan;
		this.service = service;
		this.repository = repository;
		this.breaches = breaches;
	}

	@PostMapping
	@Operation(summary = "Signaler un incident de sécurité", description = "Périmètre et partie qui traite décidés par le fichier de convention (clause, explication) ; les devoirs d'information partent par courriel.")
	ResponseEntity<IncidentViews.Created> report(@AuthenticationPrincipal EntenteUser user, @RequestBody(required = false) JsonNode json) {
		FieldReader b = FieldReader.of(json);
		List<String> establishments = b.texts("establishments", false, 100, 8);
		Boolean academyLevel = b.bool("academyLevel", false);
		String component = b.text("component", true, 60);
		List<String> others = b.texts("otherComponents", false, 20, 60);
		Long assetId = b.id("assetId");
		String network = b.text("network", false, 20);
		String title = b.text("title", true, 200);
		String description = b.text("description", true, 10000);
		var detectedAt = b.instant("detectedAt", true);
		Boolean personalData = b.bool("personalData", true);
		Boolean minors = b.bool("minors", false);
		if (!b.has("establishments") && !Boolean.TRUE.equals(academyLevel)) {
			b.fault("establishments", "« establishments » est obligatoire (liste d'UAI), sauf « academyLevel »: true.");
		}
		b.check();
		Incident i = service.report(user, new IncidentService.NewIncident(establishments, Boolean.TRUE.equals(academyLevel),
				component, others, assetId, network, title, description, detectedAt, personalData, minors));
		ZoneId zone = service.zone();
		return ResponseEntity.created(URI.create("/api/v1/security/incidents/" + i.id()))
			.eTag(i.etag())
			.body(new IncidentViews.Created(i.id(), i.number(), i.status().name(), i.handledBy(), i.perimeter(),
					IncidentViews.informs(repository.informs(i.id()), zone), i.clause(), i.explanation(),
					i.conventionVersion(), IncidentViews.points(repository.points(i.id()))));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire un incident", description = "Entier pour le-la RSSI, l'équipe sécurité de la partie qui traite et les DPO si des données personnelles sont en jeu ; le statut seul pour la personne qui l'a signalé.")
	ResponseEntity<Object> get(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		Incident i = service.get(user, id);
		return ResponseEntity.ok().eTag(i.etag()).body(json(user, i));
	}

	@GetMapping
	@Operation(summary = "Lister les incidents visibles", description = "Filtres status et handledBy ; pagination.")
	PageSlice<IncidentViews.Summary> list(@AuthenticationPrincipal EntenteUser user,
			@RequestParam(required = false) String status, @RequestParam(required = false) String handledBy,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		PageSlice.check(page, size, 200);
		IncidentStatus s = null;
		if (status != null) {
			try {
				s = IncidentStatus.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalidParameter("status", "Statut « " + status + " » inconnu : " + List.of(IncidentStatus.values()) + ".");
			}
		}
		if (handledBy != null && !handledBy.matches("[A-Z][A-Z0-9_]{0,19}")) {
			throw ProblemException.invalidParameter("handledBy", "Code de partie attendu (ACA, CD).");
		}
		ZoneId zone = service.zone();
		return PageSlice.ofOneMore(service.list(user, s, handledBy, page, size), page, size).map(i -> {
			boolean full = service.view(user, i) == View.FULL;
			return new IncidentViews.Summary(i.id(), i.number(), i.status().name(), i.title(), full ? i.handledBy() : null,
					full && i.personalData(), full && i.severity() != null ? i.severity().name() : null,
					full && repository.hasPoints(i.id()), IncidentViews.at(i.reportedAt(), zone));
		});
	}

	@PostMapping("/{id}/transitions")
	@Operation(summary = "Faire avancer l'incident", description = "If-Match obligatoire. to = QUALIFIED (RSSI : category, severity, personalDataBreach, awareAt?), CONTAINMENT, INVESTIGATION, REMEDIATION (actions: [{description, owner, dueDate}]), CLOSED (lessonsLearned). 409 avec les transitions permises sinon.")
	ResponseEntity<Object> transition(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody(required = false) JsonNode json) {
		int version = IfMatch.version(ifMatch, IncidentService.READ_WITH);
		FieldReader b = FieldReader.of(json);
		IncidentStatus to = b.choice("to", IncidentStatus.class, true);
		IncidentCategory category = b.choice("category", IncidentCategory.class, false);
		Severity severity = b.choice("severity", Severity.class, false);
		Boolean breach = b.bool("personalDataBreach", false);
		var awareAt = b.instant("awareAt", false);
		String note = b.text("note", false, 2000);
		List<IncidentService.NewAction> actions = b.objects("actions", 50).stream().map(IncidentApiController::action).toList();
		String lessons = b.text("lessonsLearned", false, 10000);
		b.check();
		Incident i = service.transition(user, id, version,
				new IncidentService.Step(to, category, severity, breach, awareAt, note, actions, lessons));
		return ResponseEntity.ok().eTag(i.etag()).body(json(user, i));
	}

	@PostMapping("/{id}/actions")
	@Operation(summary = "Ajouter une action au plan de remédiation", description = "If-Match obligatoire ; description, owner, dueDate.")
	ResponseEntity<Object> addAction(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody(required = false) JsonNode json) {
		int version = IfMatch.version(ifMatch, IncidentService.READ_WITH);
		FieldReader b = FieldReader.of(json);
		IncidentService.NewAction a = action(b);
		b.check();
		Incident i = plan.addAction(user, id, version, a);
		return ResponseEntity.ok().eTag(i.etag()).body(json(user, i));
	}

	@PostMapping("/{id}/actions/{actionId}/completion")
	@Operation(summary = "Marquer une action du plan comme faite", description = "If-Match obligatoire.")
	ResponseEntity<Object> completeAction(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@PathVariable long actionId, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		int version = IfMatch.version(ifMatch, IncidentService.READ_WITH);
		Incident i = plan.completeAction(user, id, version, actionId);
		return ResponseEntity.ok().eTag(i.etag()).body(json(user, i));
	}

	@PostMapping("/{id}/links")
	@Operation(summary = "Lier un ticket du guichet ou un équipement", description = "If-Match obligatoire ; ticketId et/ou assetId, compromised (équipement compromis : avertissement sur sa fiche d'inventaire).")
	ResponseEntity<Object> link(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody(required = false) JsonNode json) {
		int version = IfMatch.version(ifMatch, IncidentService.READ_WITH);
		FieldReader b = FieldReader.of(json);
		Long ticketId = b.id("ticketId");
		Long assetId = b.id("assetId");
		Boolean compromised = b.bool("compromised", false);
		b.check();
		Incident i = plan.link(user, id, version, ticketId, assetId, !Boolean.FALSE.equals(compromised));
		return ResponseEntity.ok().eTag(i.etag()).body(json(user, i));
	}

	static IncidentService.NewAction action(FieldReader a) {
		return new IncidentService.NewAction(a.text("description", true, 2000), a.text("owner", true, 200), a.date("dueDate", true));
	}

	private Object json(EntenteUser user, Incident i) {
		ZoneId zone = service.zone();
		View view = service.view(user, i);
		if (view != View.FULL) {
			return new IncidentViews.StatusOnly(i.id(), i.number(), "STATUS", i.status().name(), i.status().label(), i.title(),
					IncidentViews.at(i.reportedAt(), zone), IncidentViews.at(i.updatedAt(), zone), i.version());
		}
		boolean canHandle = IncidentAccess.canHandle(user, i, repository.hasPoints(i.id()));
		return new IncidentViews.Detail(i.id(), i.number(), "FULL", i.status().name(), i.title(), i.description(),
				i.establishments(), i.academyLevel(), i.component(), i.otherComponents(), i.assetId(), i.network(),
				IncidentViews.at(i.detectedAt(), zone), i.personalData(), i.minors(), IncidentViews.at(i.reportedAt(), zone),
				i.reportedBy(), i.handledBy(), i.perimeter(), IncidentViews.informs(repository.informs(i.id()), zone),
				i.clause(), i.explanation(), i.conventionVersion(), IncidentViews.points(repository.points(i.id())),
				i.category() == null ? null : i.category().name(), i.severity() == null ? null : i.severity().name(),
				i.breach(), breaches.ofIncident(i.id()).map(Breach::id).orElse(null), i.lessonsLearned(),
				IncidentViews.at(i.closedAt(), zone),
				repository.actions(i.id()).stream().map(a -> new ActionJson(a.id(), a.description(), a.owner(), a.dueDate(),
						IncidentViews.at(a.doneAt(), zone), a.doneBy())).toList(),
				repository.links(i.id()).stream().map(l -> new LinkJson(l.kind(), l.ref(), l.compromised(), IncidentViews.at(l.addedAt(), zone))).toList(),
				repository.events(i.id()).stream().map(e -> new EventJson(IncidentViews.at(e.at(), zone), e.actor(), e.type(),
						e.fromStatus(), e.toStatus(), e.text())).toList(),
				canHandle ? i.status().next().stream().map(Enum::name).toList() : List.of(),
				IncidentViews.at(i.updatedAt(), zone), i.version());
	}
}
