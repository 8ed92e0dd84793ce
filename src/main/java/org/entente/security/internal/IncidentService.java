package org.entente.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.entente.common.FieldProblem;
import org.entente.common.IfMatch;
import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.convention.Network;
import org.entente.convention.SecurityIncidentRules;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.inventory.Asset;
import org.entente.inventory.Assets;
import org.entente.notification.InAppNotifications;
import org.entente.security.SecurityIncidentReported;
import org.entente.security.internal.IncidentAccess.View;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security incidents: the report with its perimeter decided from the convention file, the duties to inform sent as
 * mails through the outbox, the workflow (reported → qualified → containment → investigation → remediation plan →
 * closed with lessons learned), links to desk tickets and assets. Every write is one transaction; every step a line
 * of the history.
 */
@Service
class IncidentService {

	static final String READ_WITH = "GET /api/v1/security/incidents/{id}";

	record NewIncident(List<String> establishments, boolean academyLevel, String component, List<String> otherComponents,
			Long assetId, String network, String title, String description, Instant detectedAt, Boolean personalData,
			Boolean minors) {
	}

	record Step(IncidentStatus to, IncidentCategory category, Severity severity, Boolean personalDataBreach,
			Instant awareAt, String note, List<NewAction> actions, String lessonsLearned) {
	}

	record NewAction(String description, String owner, LocalDate dueDate) {
	}

	private final IncidentRepository incidents;
	private final Conventions conventions;
	private final Establishments establishments;
	private final Assets assets;
	private final Accounts accounts;
	private final InAppNotifications notices;
	private final ApplicationEventPublisher events;
	private final BreachService breaches;
	private final IncidentInforming informing;
	private final Clock clock;

	IncidentService(IncidentRepository incidents, Conventions conventions, Establishments establishments, Assets assets,
			Accounts accounts, InAppNotifications notices, ApplicationEventPublisher events, BreachService breaches,
			IncidentInforming informing, Optional<Clock> clock) {
		this.incidents = incidents;
		this.conventions = conventions;
		this.establishments = establishments;
		this.assets = assets;
		this.accounts = accounts;
		this.notices = notices;
		this.events = events;
		this.breaches = breaches;
		this.informing = informing;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	ZoneId zone() {
		return ZoneId.of(conventions.current().calendar().zone());
	}

	@Transactional
	Incident report(EntenteUser user, NewIncident n) {
		return report(user, n, null);
	}

	/**
	 * The same, with the title's words when the page gave the title ({@code titleWords}, whose French is {@code n.title()}),
	 * kept with the decision's words for readers in another language.
	 */
	@Transactional
	Incident report(EntenteUser user, NewIncident n, StoredText titleWords) {
		if (!IncidentAccess.REPORTERS.contains(user.role())) {
			throw ProblemException.forbidden("Votre rôle ne permet pas de signaler un incident de sécurité : "
					+ "le personnel des collèges, les agents de niveau 1 et 2, le-la RSSI et les prestataires le peuvent.");
		}
		Instant now = clock.instant();
		Convention convention = conventions.current();
		List<FieldProblem> problems = new ArrayList<>();
		List<String> uais = n.establishments().stream().map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
		if (uais.isEmpty() && !n.academyLevel()) {
			problems.add(new FieldProblem("establishments", "Indiquez le ou les établissements concernés, ou « academyLevel »: true pour plusieurs établissements ou le niveau académique."));
		}
		for (int i = 0; i < uais.size(); i++) {
			String uai = uais.get(i);
			if (establishments.find(uai).isEmpty()) {
				problems.add(new FieldProblem("establishments[" + i + "]", "L'établissement « " + uai + " » est inconnu."));
			}
			else if (user.role() == Role.SCHOOL_STAFF && !uai.equals(user.establishment())) {
				problems.add(new FieldProblem("establishments[" + i + "]", "Vous ne pouvez signaler que pour votre établissement (" + user.establishment() + ")."));
			}
		}
		if (user.role() == Role.SCHOOL_STAFF && n.academyLevel()) {
			problems.add(new FieldProblem("academyLevel", "Un collège signale pour son établissement ; le-la RSSI étend l'incident si besoin."));
		}
		if (n.component() != null && convention.component(n.component()).isEmpty()) {
			problems.add(new FieldProblem("component", "Le composant « " + n.component() + " » n'existe pas dans la convention " + convention.version() + "."));
		}
		for (int i = 0; i < n.otherComponents().size(); i++) {
			if (convention.component(n.otherComponents().get(i)).isEmpty()) {
				problems.add(new FieldProblem("otherComponents[" + i + "]", "Le composant « " + n.otherComponents().get(i) + " » n'existe pas dans la convention."));
			}
		}
		if (n.network() != null && java.util.Arrays.stream(Network.values()).noneMatch(v -> v.name().equals(n.network()))) {
			problems.add(new FieldProblem("network", "Réseau « " + n.network() + " » inconnu : " + List.of(Network.values()) + "."));
		}
		if (n.detectedAt() != null && n.detectedAt().isAfter(now.plusSeconds(300))) {
			problems.add(new FieldProblem("detectedAt", "La date de détection est dans le futur."));
		}
		if (n.assetId() != null) {
			Optional<Asset> asset = assets.find(n.assetId());
			if (asset.isEmpty() || (!uais.isEmpty() && !uais.contains(asset.get().uai()))
					|| (user.role() == Role.SCHOOL_STAFF && !asset.get().uai().equals(user.establishment()))) {
				problems.add(new FieldProblem("assetId", "L'équipement " + n.assetId() + " n'existe pas dans les établissements indiqués."));
			}
			else if (n.component() != null && !asset.get().component().equals(n.component())) {
				problems.add(new FieldProblem("assetId", "L'équipement " + n.assetId() + " est du composant « " + asset.get().component()
						+ " », pas « " + n.component() + " »."));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		List<String> components = new ArrayList<>(new LinkedHashSet<>(concat(n.component(), n.otherComponents())));
		PerimeterDecision d = PerimeterDecision.decide(convention, components);
		Incident draft = new Incident(0, null, IncidentStatus.REPORTED, n.title(), n.description(), uais, n.academyLevel(),
				n.component(), components.subList(1, components.size()), n.assetId(), n.network(), n.detectedAt(),
				n.personalData(), n.minors(), now, user.getUsername(), user.role().name(), user.party(), d.perimeter(),
				d.handledBy(), d.clause(), d.explanation(), d.conventionVersion(), null, null, null, null, null, now, 0);
		long id = incidents.insert(draft);
		incidents.keepWords(id, titleWords, d.words());
		d.points().forEach(p -> incidents.addPoint(id, p));
		incidents.addEvent(id, now, user.getUsername(), "REPORTED", null, IncidentStatus.REPORTED,
				"Signalé par " + user.displayName() + ". " + d.explanation(),
				StoredText.concat(StoredText.message("sec.event.reported", user.displayName()), " ", d.words()));
		if (n.assetId() != null) {
			incidents.addLink(id, "ASSET", n.assetId(), true, user.getUsername(), now);
		}
		// The entry point of every report (the chef d'établissement signals every incident to the RSSI).
		SecurityIncidentRules rules = convention.securityIncidents();
		List<SecurityIncidentRules.Inform> duties = new ArrayList<>(d.informs());
		if (rules.entryPoint() != null && duties.stream().noneMatch(x -> x.on().equals("REPORTED") && x.email().equals(rules.entryPoint().email()))) {
			duties.add(0, new SecurityIncidentRules.Inform(rules.entryPoint().party(), rules.entryPoint().email(), "REPORTED",
					"Le-la RSSI est le point d'entrée des signalements d'incidents SSI (" + rules.entryPoint().clause() + ")."));
		}
		for (SecurityIncidentRules.Inform duty : duties) {
			incidents.addInform(id, duty.party(), duty.email(), duty.reason(), duty.on());
		}
		Incident saved = incidents.find(id).orElseThrow();
		informing.sendDue(saved, "REPORTED", now, "Signalement");
		informing.notifyStaff(saved, StoredText.message("sec.notice.reported"), user.getUsername());
		events.publishEvent(new SecurityIncidentReported(id, saved.number(), saved.handledBy(), saved.personalData(), now));
		return incidents.find(id).orElseThrow();
	}

	/** The incident if the user may see it (any view), else 404. */
	Incident get(EntenteUser user, long id) {
		Incident i = incidents.find(id).orElseThrow(() -> notFound(id));
		if (view(user, i) == View.NONE) {
			throw notFound(id);
		}
		return i;
	}

	View view(EntenteUser user, Incident i) {
		return IncidentAccess.view(user, i, incidents.hasPoints(i.id()));
	}

	List<Incident> list(EntenteUser user, IncidentStatus status, String handledBy, int page, int size) {
		boolean all = user.role() == Role.RSSI;
		return incidents.visible(all, IncidentAccess.parties(user), user.role() == Role.DPO, user.getUsername(),
				status == null ? null : status.name(), handledBy, size + 1, page * size);
	}

	@Transactional
	Incident transition(EntenteUser user, long id, int version, Step s) {
		Incident i = incidents.lock(id).orElseThrow(() -> notFound(id));
		boolean points = incidents.hasPoints(id);
		if (IncidentAccess.view(user, i, points) == View.NONE) {
			throw notFound(id);
		}
		if (!IncidentAccess.canHandle(user, i, points)) {
			throw ProblemException.forbidden("Seuls le-la RSSI et l'équipe sécurité de la partie qui traite l'incident le font avancer.");
		}
		if (i.version() != version) {
			throw IfMatch.stale("\"" + version + "\"");
		}
		if (!i.status().next().contains(s.to())) {
			throw ProblemException.conflict("Transition impossible",
					"L'incident est « " + i.status().label() + " » : il ne peut pas passer à « " + s.to().label() + " ».")
				.with("allowed", i.status().next().stream().map(Enum::name).toList());
		}
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		String text;
		switch (s.to()) {
			case QUALIFIED -> {
				if (user.role() != Role.RSSI) {
					throw ProblemException.forbidden("Le-la RSSI inspecte et qualifie les incidents signalés.");
				}
				if (s.category() == null) {
					problems.add(new FieldProblem("category", "La catégorie est obligatoire pour qualifier : " + List.of(IncidentCategory.values()) + "."));
				}
				if (s.severity() == null) {
					problems.add(new FieldProblem("severity", "La gravité est obligatoire pour qualifier : " + List.of(Severity.values()) + "."));
				}
				if (s.personalDataBreach() == null) {
					problems.add(new FieldProblem("personalDataBreach", "Dites s'il s'agit d'une violation de données à caractère personnel (true ou false)."));
				}
				check(problems);
				incidents.qualify(id, s.category(), s.severity(), s.personalDataBreach(), now);
				text = "Qualifié : " + s.category().label() + ", gravité " + s.severity().label().toLowerCase(Locale.ROOT)
						+ (s.personalDataBreach() ? ", violation de données à caractère personnel" : ", pas de violation de données");
				if (s.personalDataBreach()) {
					long breach = breaches.fromIncident(i, s.awareAt() == null ? now : s.awareAt(), user);
					text += " (violation n° " + breach + " ouverte, horloge de notification lancée)";
				}
			}
			case REMEDIATION -> {
				if (s.actions().isEmpty() && incidents.actions(id).isEmpty()) {
					problems.add(new FieldProblem("actions", "Le plan de remédiation compte au moins une action (description, responsable, échéance)."));
				}
				check(problems);
				incidents.status(id, s.to(), null, now);
				s.actions().forEach(a -> incidents.addAction(id, a.description(), a.owner(), a.dueDate()));
				text = "Plan de remédiation convenu : " + s.actions().size() + " action(s), suivi par le-la RSSI";
			}
			case CLOSED -> {
				if (s.lessonsLearned() == null) {
					problems.add(new FieldProblem("lessonsLearned", "Les enseignements tirés (retour d'expérience) sont obligatoires pour clore."));
				}
				check(problems);
				incidents.status(id, s.to(), s.lessonsLearned(), now);
				text = "Clos. Enseignements : " + s.lessonsLearned();
			}
			default -> {
				incidents.status(id, s.to(), null, now);
				text = s.to().label();
			}
		}
		if (s.note() != null) {
			text += ". " + s.note();
		}
		incidents.addEvent(id, now, user.getUsername(), s.to().name(), i.status(), s.to(), text);
		Incident after = incidents.find(id).orElseThrow();
		if (s.to() == IncidentStatus.CLOSED) {
			informing.sendDue(after, "CLOSED", now, "Suites données");
		}
		informing.notifyStaff(after, StoredText.label(after.status()), user.getUsername());
		return after;
	}

	/** The incident locked for a change by its handler, at the version the change was made on. */
	Incident handle(EntenteUser user, long id, int version) {
		Incident i = incidents.lock(id).orElseThrow(() -> notFound(id));
		boolean points = incidents.hasPoints(id);
		if (IncidentAccess.view(user, i, points) == View.NONE) {
			throw notFound(id);
		}
		if (!IncidentAccess.canHandle(user, i, points)) {
			throw ProblemException.forbidden("Seuls le-la RSSI et l'équipe sécurité de la partie qui traite l'incident le modifient.");
		}
		if (i.version() != version) {
			throw IfMatch.stale("\"" + version + "\"");
		}
		return i;
	}

	private static void check(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	static ProblemException notFound(long id) {
		return ProblemException.notFound("Incident introuvable", "Aucun incident de sécurité n° " + id + " dans votre périmètre.");
	}
}
