package org.entente.webhook.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, reading, pausing and resuming webhooks, for those {@link WebhookPermissions} lets. */
@Service
class WebhookService {

	/** What a subscriber sends: the secret is optional (one is drawn), allowPrivate is for administrators only. */
	record Registration(String url, List<String> events, String secret, String establishment, Boolean allowPrivate,
			String description) {
	}

	private final WebhookRepository repository;

	private final WebhookPermissions permissions;

	private final Establishments establishments;

	WebhookService(WebhookRepository repository, WebhookPermissions permissions, Establishments establishments) {
		this.repository = repository;
		this.permissions = permissions;
		this.establishments = establishments;
	}

	/** The new webhook, with its secret (shown this once). */
	@Transactional
	Webhook register(Registration r, EntenteUser user) {
		requireManager(user);
		boolean allowPrivate = Boolean.TRUE.equals(r.allowPrivate());
		if (allowPrivate && !permissions.allowPrivateAddresses(user)) {
			throw ProblemException.invalid("allowPrivate", "Seul un administrateur peut autoriser une adresse interne.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<String> events = new ArrayList<>(new LinkedHashSet<>(r.events() == null ? List.of() : r.events()));
		if (events.isEmpty()) {
			problems.add(new FieldProblem("events", "Choisissez au moins un événement."));
		}
		for (int i = 0; i < events.size(); i++) {
			if (WebhookEventType.ofWire(events.get(i)).isEmpty()) {
				problems.add(new FieldProblem("events[" + i + "]", "Événement inconnu : " + events.get(i) + "."));
			}
		}
		String secret = r.secret() == null || r.secret().isBlank() ? WebhookSignature.newSecret() : r.secret().trim();
		if (WebhookSignature.key(secret) == null) {
			problems.add(new FieldProblem("secret", "Le secret s'écrit whsec_ suivi de 24 à 64 octets en base64 ; laissez vide pour en tirer un."));
		}
		String uai = r.establishment() == null || r.establishment().isBlank() ? null : r.establishment().trim().toUpperCase(Locale.ROOT);
		if (uai != null && establishments.find(uai).isEmpty()) {
			problems.add(new FieldProblem("establishment", "Établissement inconnu : " + uai + "."));
		}
		String description = r.description() == null ? null : r.description().trim();
		if (description != null && description.length() > 200) {
			problems.add(new FieldProblem("description", "200 caractères au plus."));
		}
		if (r.url() != null && r.url().length() > 2000) {
			problems.add(new FieldProblem("url", "2000 caractères au plus."));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		var uri = UrlGuard.parse(r.url());
		UrlGuard.resolve(uri, allowPrivate);
		long id = repository.insert(uri.toString(), events, secret, user.getUsername(), user.party(), uai, allowPrivate, description);
		return repository.find(id).orElseThrow();
	}

	List<Webhook> visible(EntenteUser user) {
		requireManager(user);
		return repository.all().stream().filter(w -> permissions.sees(user, w)).toList();
	}

	/** The webhook, or 404 when it does not exist or is another party's. */
	Webhook get(long id, EntenteUser user) {
		requireManager(user);
		return repository.find(id).filter(w -> permissions.sees(user, w))
			.orElseThrow(() -> ProblemException.notFound("Webhook introuvable", "Aucun webhook " + id + " dans votre périmètre."));
	}

	List<Delivery> deliveries(long id, EntenteUser user) {
		return repository.deliveries(get(id, user).id(), 200);
	}

	@Transactional
	Webhook pause(long id, EntenteUser user) {
		Webhook w = get(id, user);
		repository.setStatus(w.id(), "PAUSED", "Mis en pause par " + user.getUsername());
		return repository.find(id).orElseThrow();
	}

	/** Active again, the consecutive failures forgotten, and what is pending due now (in order). */
	@Transactional
	Webhook resume(long id, EntenteUser user) {
		Webhook w = get(id, user);
		repository.setStatus(w.id(), "ACTIVE", null);
		repository.retryNow(w.id());
		return repository.find(id).orElseThrow();
	}

	private void requireManager(EntenteUser user) {
		if (!permissions.manage(user)) {
			throw ProblemException.forbidden("Les webhooks sont gérés par un administrateur ou un gestionnaire de partie.");
		}
	}
}
