package org.entente.security.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.entente.convention.Conventions;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.Role;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.InAppNotifications;
import org.entente.notification.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The duties to inform around an incident: the mails the convention file asks for at each step, sent through the
 * outbox and marked sent, and the in-app notices to the RSSI and the handling party's staff.
 */
@Component
class IncidentInforming {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);

	private final IncidentRepository incidents;
	private final Conventions conventions;
	private final Accounts accounts;
	private final InAppNotifications notices;
	private final ApplicationEventPublisher events;
	private final StoredTexts texts;

	IncidentInforming(IncidentRepository incidents, Conventions conventions, Accounts accounts,
			InAppNotifications notices, ApplicationEventPublisher events, MessageSource messages) {
		this.texts = new StoredTexts(messages);
		this.incidents = incidents;
		this.conventions = conventions;
		this.accounts = accounts;
		this.notices = notices;
		this.events = events;
	}

	/** Sends, through the outbox, every pending duty to inform due at this step, and marks it sent. */
	void sendDue(Incident i, String dueOn, Instant now, String what) {
		for (IncidentRepository.InformRow duty : incidents.informs(i.id())) {
			if (!duty.dueOn().equals(dueOn) || !"PENDING".equals(duty.status())) {
				continue;
			}
			UUID mail = UUID.randomUUID();
			events.publishEvent(new MailRequested(mail, List.of(duty.address()),
					"[Entente] Incident de sécurité " + i.number() + " — " + what + " : " + i.title(), mailText(i, duty, dueOn), null,
					List.of(), "SECURITY"));
			incidents.informSent(duty.id(), now, mail.toString());
			incidents.addEvent(i.id(), now, "entente", "INFORMED", null, null,
					"Information envoyée à " + duty.address() + " (" + duty.party() + ") : " + duty.reason());
		}
	}

	private String mailText(Incident i, IncidentRepository.InformRow duty, String dueOn) {
		ZoneId zone = ZoneId.of(conventions.current().calendar().zone());
		StringBuilder b = new StringBuilder();
		b.append("Incident de sécurité ").append(i.number()).append(" : ").append(i.title()).append("\n\n");
		b.append("Pourquoi ce message : ").append(duty.reason()).append("\n");
		b.append("Traité par : ").append(i.handledBy()).append("\n");
		b.append("Décision : ").append(i.explanation()).append("\n");
		b.append("Établissement(s) : ").append(i.academyLevel() ? "plusieurs / niveau académique " : "")
			.append(String.join(", ", i.establishments())).append("\n");
		b.append("Composant : ").append(i.component()).append("\n");
		b.append("Détecté le : ").append(WHEN.format(i.detectedAt().atZone(zone))).append("\n");
		b.append("Données personnelles possiblement concernées : ").append(i.personalData() ? "oui" : "non").append("\n");
		if (i.minors() != null) {
			b.append("Mineur-es concerné-es : ").append(i.minors() ? "oui" : "non").append("\n");
		}
		b.append("\nCe qui s'est passé :\n").append(i.description()).append("\n");
		if ("CLOSED".equals(dueOn)) {
			b.append("\nSuites données :\n");
			for (IncidentRepository.ActionRow a : incidents.actions(i.id())) {
				b.append("- ").append(a.description()).append(" (").append(a.owner()).append(", ").append(a.dueDate())
					.append(a.doneAt() == null ? ", en cours" : ", fait").append(")\n");
			}
			b.append("Enseignements : ").append(i.lessonsLearned()).append("\n");
		}
		b.append("\nConvention ").append(i.conventionVersion()).append(", ").append(i.clause()).append("\n");
		b.append("Fiche (accès restreint) : /securite/incidents/").append(i.id()).append("\n");
		return b.toString();
	}

	/** In-app notices to the RSSI and the handling party's staff (both parties when a point is open), read in their language. */
	void notifyStaff(Incident i, StoredText what, String actor) {
		List<Role> roles = new ArrayList<>(List.of(Role.RSSI));
		boolean points = incidents.hasPoints(i.id());
		if (points || "ACA".equals(i.handledBy())) {
			roles.add(Role.ACA_AGENT);
		}
		if (points || "CD".equals(i.handledBy())) {
			roles.add(Role.CD_AGENT);
		}
		List<String> to = accounts.enabledAmong(List.of(), roles, null).stream()
			.filter(a -> roles.contains(a.role()))
			.map(Account::username)
			.filter(u -> !u.equals(actor))
			.toList();
		if (!to.isEmpty()) {
			StoredText title = StoredText.concat(i.number(), " · ", what);
			notices.post(InAppNotificationRequested.of(to, texts.french(title), "/securite/incidents/" + i.id()).withWords(title));
		}
	}
}
