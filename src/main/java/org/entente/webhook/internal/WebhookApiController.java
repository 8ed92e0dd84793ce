package org.entente.webhook.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.directory.EntenteUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks over the API: register, list, read, delivery log, pause and resume. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Abonnements aux événements d'Entente, envois signés (Standard Webhooks) et leur journal")
@PreAuthorize("@webhookPermissions.manage(authentication)")
class WebhookApiController {

	/** A webhook as the API shows it; the secret only in the answer to its registration. */
	record WebhookView(long id, String url, List<String> events, String establishment, boolean allowPrivate, String status,
			int consecutiveFailures, String pausedReason, String owner, Instant createdAt, String description, String secret) {

		static WebhookView of(Webhook w, boolean withSecret) {
			return new WebhookView(w.id(), w.url(), w.events(), w.establishment(), w.allowPrivate(), w.status(),
					w.consecutiveFailures(), w.pausedReason(), w.owner(), w.createdAt(), w.description(),
					withSecret ? w.secret() : null);
		}
	}

	record DeliveryView(String id, String eventType, String subject, String status, int attempts, Instant nextAttempt,
			Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {

		static DeliveryView of(Delivery d) {
			return new DeliveryView(d.id(), d.eventType(), d.subject(), d.status(), d.attempts(),
					"PENDING".equals(d.status()) ? d.nextAttempt() : null, d.lastStatus(), d.lastError(), d.createdAt(),
					d.deliveredAt());
		}
	}

	record EventTypeView(String type, String label, boolean published) {
	}

	private final WebhookService service;

	WebhookApiController(WebhookService service) {
		this.service = service;
	}

	@Operation(summary = "Enregistrer un webhook", description = "URL (https, adresse publique sauf autorisation d'un "
			+ "administrateur), événements voulus, secret whsec_… (tiré s'il manque, rendu une seule fois), établissement "
			+ "pour le webhook d'un collège (il ne reçoit que les événements de son établissement).")
	@PostMapping
	ResponseEntity<WebhookView> register(@RequestBody WebhookService.Registration body, @AuthenticationPrincipal EntenteUser user) {
		Webhook w = service.register(body, user);
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + w.id())).body(WebhookView.of(w, true));
	}

	@Operation(summary = "Lister les webhooks", description = "Tous pour un administrateur, ceux de sa partie pour un gestionnaire.")
	@GetMapping
	List<WebhookView> list(@AuthenticationPrincipal EntenteUser user) {
		return service.visible(user).stream().map(w -> WebhookView.of(w, false)).toList();
	}

	@Operation(summary = "Événements disponibles", description = "Les types d'événement qu'un webhook peut demander ; published=false : pas encore publiés.")
	@GetMapping("/event-types")
	List<EventTypeView> eventTypes() {
		return Arrays.stream(WebhookEventType.values()).map(t -> new EventTypeView(t.wire, t.label, t.published)).toList();
	}

	@Operation(summary = "Lire un webhook", description = "Son état, ses échecs consécutifs et la raison d'une pause ; jamais son secret.")
	@GetMapping("/{id}")
	WebhookView get(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return WebhookView.of(service.get(id, user), false);
	}

	@Operation(summary = "Journal des envois d'un webhook", description = "Les 200 derniers envois : statut, tentatives, dernier code HTTP, dernière erreur, prochain essai.")
	@GetMapping("/{id}/deliveries")
	List<DeliveryView> deliveries(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return service.deliveries(id, user).stream().map(DeliveryView::of).toList();
	}

	@Operation(summary = "Mettre un webhook en pause", description = "Plus rien n'est envoyé ; les événements continuent d'être gardés.")
	@PostMapping("/{id}/pause")
	WebhookView pause(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return WebhookView.of(service.pause(id, user), false);
	}

	@Operation(summary = "Reprendre un webhook", description = "Les envois en attente partent aussitôt, dans l'ordre ; les échecs consécutifs repartent de zéro.")
	@PostMapping("/{id}/resume")
	WebhookView resume(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return WebhookView.of(service.resume(id, user), false);
	}
}
