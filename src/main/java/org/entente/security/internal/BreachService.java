package org.entente.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.convention.DataProtection;
import org.entente.convention.SecurityIncidentRules;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.InAppNotifications;
import org.entente.notification.MailRequested.MailAttachment;
import org.entente.notification.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal-data breaches: the record (GDPR art. 33(5) register), the clock from the moment the CD became aware —
 * elapsed calendar hours, the delay read from the convention file — the reminders, and the notification mail to
 * the Académie's DPD with its attachments, through the outbox. Readable by the DPOs, the RSSI and administrators.
 */
@Service
class BreachService {

	static final Set<Role> READERS = EnumSet.of(Role.DPO, Role.RSSI, Role.ADMIN);
	static final Set<Role> RECORDERS = EnumSet.of(Role.DPO, Role.RSSI);
	static final int MAX_ATTACHMENTS = 5;
	static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm (xxx)", Locale.FRANCE);

	record NewBreach(Long incidentId, Instant awareAt, String nature, Integer people, Integer records, String categories,
			String consequences, String measures, String contact) {
	}

	record Attachment(String filename, String contentType, byte[] content) {
	}

	private final BreachRepository breaches;
	private final IncidentRepository incidents;
	private final Conventions conventions;
	private final Accounts accounts;
	private final InAppNotifications notices;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	BreachService(BreachRepository breaches, IncidentRepository incidents, Conventions conventions, Accounts accounts,
			InAppNotifications notices, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.breaches = breaches;
		this.incidents = incidents;
		this.conventions = conventions;
		this.accounts = accounts;
		this.notices = notices;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	ZoneId zone() {
		return ZoneId.of(conventions.current().calendar().zone());
	}

	Instant now() {
		return clock.instant();
	}

	DataProtection.BreachNotification rules() {
		Convention c = conventions.current();
		if (c.dataProtection() == null || c.dataProtection().breachNotification() == null) {
			throw new IllegalStateException("La convention " + c.version() + " ne fixe pas la notification des violations");
		}
		return c.dataProtection().breachNotification();
	}

	@Transactional
	Breach record(EntenteUser user, NewBreach n) {
		if (!RECORDERS.contains(user.role())) {
			throw ProblemException.forbidden("Seuls les délégué·es à la protection des données et le-la RSSI enregistrent une violation.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Instant now = clock.instant();
		if (n.awareAt() != null && n.awareAt().isAfter(now.plusSeconds(300))) {
			problems.add(new FieldProblem("awareAt", "Le moment de la prise de connaissance est dans le futur."));
		}
		if (n.incidentId() != null) {
			if (incidents.find(n.incidentId()).isEmpty()) {
				problems.add(new FieldProblem("incidentId", "L'incident " + n.incidentId() + " n'existe pas."));
			}
			else if (breaches.ofIncident(n.incidentId()).isPresent()) {
				problems.add(new FieldProblem("incidentId", "L'incident " + n.incidentId() + " a déjà sa violation enregistrée."));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return breaches.find(insert(n, user, now)).orElseThrow();
	}

	/** The breach an incident's qualification opens (the clock starts at {@code awareAt}). */
	long fromIncident(Incident i, Instant awareAt, EntenteUser user) {
		Optional<Breach> existing = breaches.ofIncident(i.id());
		if (existing.isPresent()) {
			return existing.get().id();
		}
		return insert(new NewBreach(i.id(), awareAt, "Violation qualifiée depuis l'incident " + i.number() + " : " + i.title(),
				null, null, null, null, null, null), user, clock.instant());
	}

	private long insert(NewBreach n, EntenteUser user, Instant now) {
		Convention c = conventions.current();
		DataProtection.BreachNotification rules = rules();
		Instant authorityBy = rules.authority() == null ? null : n.awareAt().plus(rules.authority().within());
		long id = breaches.insert(new Breach(0, n.incidentId(), n.awareAt(), n.awareAt().plus(rules.within()), authorityBy,
				n.nature(), n.people(), n.records(), n.categories(), n.consequences(), n.measures(), n.contact(), now,
				user.getUsername(), null, null, null, null, rules.clause(), c.version(), 0));
		if (n.incidentId() != null) {
			incidents.addEvent(n.incidentId(), now, user.getUsername(), "BREACH", null, null,
					"Violation de données n° " + id + " enregistrée : notification à " + rules.to() + " avant le "
							+ WHEN.format(n.awareAt().plus(rules.within()).atZone(zone())));
		}
		return id;
	}

	Breach get(EntenteUser user, long id) {
		if (!READERS.contains(user.role())) {
			throw notFound(id);
		}
		return breaches.find(id).orElseThrow(() -> notFound(id));
	}

	List<Breach> register(EntenteUser user, int page, int size) {
		if (!READERS.contains(user.role())) {
			throw ProblemException.forbidden("Le registre des violations est réservé aux délégué·es à la protection des données, au-à la RSSI et aux administrateur·ices.");
		}
		return breaches.all(size + 1, page * size);
	}

	List<BreachRepository.AttachmentRow> attachments(Breach b) {
		return breaches.attachments(b.id());
	}

	List<BreachRepository.ReminderRow> reminders(Breach b) {
		return breaches.reminders(b.id());
	}

	/** The mail the notification sends, prepared from the record (shown on the page before sending). */
	String notificationText(Breach b) {
		ZoneId zone = zone();
		StringBuilder t = new StringBuilder();
		t.append("Notification d'une violation de données à caractère personnel (").append(b.clause()).append(")\n\n");
		t.append("Prise de connaissance par le Département : ").append(WHEN.format(b.awareAt().atZone(zone))).append("\n");
		t.append("Nature de la violation : ").append(b.nature()).append("\n");
		t.append("Catégories de personnes et d'enregistrements : ").append(orDash(b.categories())).append("\n");
		t.append("Nombre approximatif de personnes : ").append(b.people() == null ? "inconnu" : b.people()).append("\n");
		t.append("Nombre approximatif d'enregistrements : ").append(b.records() == null ? "inconnu" : b.records()).append("\n");
		t.append("Conséquences probables : ").append(orDash(b.consequences())).append("\n");
		t.append("Mesures prises ou envisagées : ").append(orDash(b.measures())).append("\n");
		t.append("Point de contact : ").append(orDash(b.contact())).append("\n");
		if (b.incidentId() != null) {
			incidents.find(b.incidentId()).ifPresent(i -> t.append("Incident de sécurité lié : ").append(i.number()).append("\n"));
		}
		DataProtection.BreachNotification rules = rules();
		if (rules.authority() != null && b.authorityBy() != null) {
			t.append("\nPour information du responsable de traitement (").append(rules.authority().controller())
				.append(") : notification à la ").append(rules.authority().name()).append(" avant le ")
				.append(WHEN.format(b.authorityBy().atZone(zone))).append(" (").append(rules.authority().clause()).append(").\n");
		}
		return t.toString();
	}

	@Transactional
	Breach notifyAcademy(EntenteUser user, long id, String lateReason, List<Attachment> files) {
		if (!READERS.contains(user.role())) {
			throw notFound(id);
		}
		if (user.role() != Role.DPO) {
			throw ProblemException.forbidden("La notification est envoyée par le-la délégué·e à la protection des données.");
		}
		Breach b = breaches.lock(id).orElseThrow(() -> notFound(id));
		if (b.notifiedAt() != null) {
			throw ProblemException.conflict("Déjà notifiée", "Cette violation a été notifiée le "
					+ WHEN.format(b.notifiedAt().atZone(zone())) + " à " + b.notifiedTo() + ".");
		}
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		String reason = lateReason == null || lateReason.isBlank() ? null : lateReason.strip();
		if (now.isAfter(b.notifyBy()) && reason == null) {
			problems.add(new FieldProblem("lateReason", "Le délai de " + rules().within().toHours()
					+ " heures est dépassé : indiquez la raison du retard."));
		}
		if (reason != null && reason.length() > 2000) {
			problems.add(new FieldProblem("lateReason", "La raison du retard dépasse 2000 caractères."));
		}
		if (files.size() > MAX_ATTACHMENTS) {
			problems.add(new FieldProblem("files", MAX_ATTACHMENTS + " pièces jointes au plus."));
		}
		for (int i = 0; i < files.size(); i++) {
			Attachment f = files.get(i);
			if (f.content().length == 0 || f.content().length > MAX_ATTACHMENT_BYTES) {
				problems.add(new FieldProblem("files[" + i + "]", "« " + f.filename() + " » est vide ou dépasse 5 Mo."));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String to = rules().to();
		for (Attachment f : files) {
			breaches.addAttachment(id, f.filename(), f.contentType(), f.content(), now, user.getUsername());
		}
		if (!breaches.markNotified(id, now, user.getUsername(), to, reason)) {
			throw ProblemException.conflict("Déjà notifiée", "Cette violation vient d'être notifiée.");
		}
		Breach sent = breaches.find(id).orElseThrow();
		String text = notificationText(sent) + (reason == null ? "" : "\nNotification tardive — raison : " + reason + "\n");
		events.publishEvent(new MailRequested(UUID.randomUUID(), List.of(to),
				"[Entente] Notification de violation de données à caractère personnel n° " + id, text, null,
				files.stream().map(f -> new MailAttachment(f.filename(), f.contentType(), f.content())).toList(), "SECURITY"));
		if (sent.incidentId() != null) {
			incidents.addEvent(sent.incidentId(), now, user.getUsername(), "BREACH_NOTIFIED", null, null,
					"Violation n° " + id + " notifiée à " + to + (sent.late(now) ? " en retard : " + reason : " dans le délai"));
		}
		return sent;
	}

	/** Sends the reminders due at {@code now} for breaches not yet notified; returns how many went out. */
	@Transactional
	int remind(Instant now) {
		DataProtection.BreachNotification rules = rules();
		if (rules.reminders().isEmpty()) {
			return 0;
		}
		Duration first = rules.reminders().stream().min(Duration::compareTo).orElseThrow();
		int sent = 0;
		for (Breach b : breaches.unnotifiedAwareBefore(now.minus(first), 500)) {
			Duration elapsed = Duration.between(b.awareAt(), now);
			// Only the latest reminder due is sent: one mail, not two, after a long outage.
			Duration due = rules.reminders().stream().filter(r -> elapsed.compareTo(r) >= 0).max(Duration::compareTo).orElse(null);
			if (due == null || !breaches.markReminded(b.id(), (int) due.toMinutes(), now)) {
				continue;
			}
			for (Duration earlier : rules.reminders()) {
				if (earlier.compareTo(due) < 0) {
					breaches.markReminded(b.id(), (int) earlier.toMinutes(), now);
				}
			}
			remindOne(b, due, now);
			sent++;
		}
		return sent;
	}

	private void remindOne(Breach b, Duration due, Instant now) {
		String subject = "[Entente] Rappel : violation n° " + b.id() + " à notifier à " + rules().to() + " avant le "
				+ WHEN.format(b.notifyBy().atZone(zone()));
		List<String> to = officerAddresses(rules().by());
		String text = due.toHours() + " heures depuis la prise de connaissance (" + WHEN.format(b.awareAt().atZone(zone()))
				+ ").\nLa notification à " + rules().to() + " est due avant le " + WHEN.format(b.notifyBy().atZone(zone()))
				+ " (" + b.clause() + ").\nFiche : /securite/violations/" + b.id() + "\n";
		if (!to.isEmpty()) {
			events.publishEvent(MailRequested.text(to, subject, text, "SECURITY"));
		}
		List<String> dpos = accounts.enabledAmong(List.of(), List.of(Role.DPO), null).stream()
			.filter(a -> a.role() == Role.DPO).map(Account::username).toList();
		if (!dpos.isEmpty()) {
			notices.post(InAppNotificationRequested.of(dpos, "Violation n° " + b.id() + " : " + due.toHours() + " h écoulées",
					"/securite/violations/" + b.id())
				.withWords(StoredText.message("sec.notice.breachElapsed", String.valueOf(b.id()), String.valueOf(due.toHours()))));
		}
		if (b.incidentId() != null) {
			incidents.addEvent(b.incidentId(), now, "entente", "BREACH_REMINDER", null, null,
					"Rappel " + due.toHours() + " h : violation n° " + b.id() + " pas encore notifiée");
		}
	}

	/** The data-protection officers' addresses of the party that notifies (from the convention file). */
	private List<String> officerAddresses(String party) {
		Convention c = conventions.current();
		List<SecurityIncidentRules.Contact> officers = c.dataProtection().officers() == null ? List.of() : c.dataProtection().officers();
		return officers.stream().filter(o -> party.equals(o.party()) && o.email() != null).map(SecurityIncidentRules.Contact::email).distinct().toList();
	}

	private static String orDash(String s) {
		return s == null || s.isBlank() ? "—" : s;
	}

	static ProblemException notFound(long id) {
		return ProblemException.notFound("Violation introuvable", "Aucune violation de données n° " + id + " dans votre périmètre.");
	}
}
