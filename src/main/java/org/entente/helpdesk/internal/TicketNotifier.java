package org.entente.helpdesk.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.InAppNotifications;
import org.entente.notification.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who is told of a ticket's step, and the French text they get. For a critical incident the convention asks
 * mutual information: the CD, the ACA and the collège are each told of every step. Otherwise the requester,
 * the agents of the routed parties and the assigned contractor are. In-app notices are written in the caller's
 * transaction; mails are published there as events, which the event publication registry delivers after commit.
 */
@Component
class TicketNotifier {

	private final Accounts accounts;
	private final InAppNotifications notices;
	private final ApplicationEventPublisher events;
	private final HelpdeskProperties properties;
	private final TicketAccess access;
	private final StoredTexts texts;

	TicketNotifier(Accounts accounts, InAppNotifications notices, ApplicationEventPublisher events,
			HelpdeskProperties properties, TicketAccess access, MessageSource messages) {
		this.access = access;
		this.texts = new StoredTexts(messages);
		this.accounts = accounts;
		this.notices = notices;
		this.events = events;
		this.properties = properties;
	}

	/**
	 * Tells everyone concerned (except the person who did it) that {@code what} happened to the ticket: the notice
	 * keeps its words, read in each reader's language; the mail is French (a recipient's language is not known).
	 */
	void step(Ticket t, StoredText words, String actor) {
		List<Account> recipients = recipients(t).stream().filter(a -> !a.username().equals(actor)).toList();
		if (recipients.isEmpty()) {
			return;
		}
		StoredText titleWords = StoredText.concat(t.number(), " · ", words);
		String title = texts.french(titleWords);
		String what = texts.french(words);
		String link = "/tickets/" + t.id();
		// In-app notices are rows of this database: written with the step itself, they need no delivery.
		notices.post(InAppNotificationRequested.of(recipients.stream().map(Account::username).toList(), title, link)
			.withWords(titleWords));
		List<String> mails = recipients.stream().map(Account::email).filter(e -> e != null && !e.isBlank()).distinct().toList();
		if (!mails.isEmpty()) {
			events.publishEvent(MailRequested.text(mails, "[Entente] " + title, text(t, what, actor), "HELPDESK"));
		}
	}

	/** The satisfaction survey, to the requester, at closure. */
	void survey(Ticket t) {
		accounts.find(t.requester()).filter(a -> a.email() != null && !a.email().isBlank()).ifPresent(a -> events.publishEvent(
				MailRequested.text(List.of(a.email()), "[Entente] " + t.number() + " · votre avis sur le traitement", """
						Bonjour,

						Votre ticket %s « %s » est clos. Votre avis nous aide à améliorer l'assistance :
						une note de 1 à 5 et, si vous le souhaitez, un commentaire.

						Répondre à l'enquête : %s/tickets/%d/satisfaction

						Merci,
						Entente
						""".formatted(t.number(), t.title(), properties.baseUrl(), t.id()), "HELPDESK_SURVEY")));
	}

	List<Account> recipients(Ticket t) {
		Set<Account> to = new LinkedHashSet<>();
		for (Account a : accounts.enabledAmong(Arrays.asList(t.requester(), t.assignee()), TicketAccess.AGENTS_TOLD,
				t.critical() ? t.establishment() : null)) {
			if (access.isToldOf(a, t)) {
				to.add(a);
			}
		}
		return List.copyOf(to);
	}

	private String text(Ticket t, String what, String actor) {
		return """
				Bonjour,

				Ticket %s « %s »
				Établissement : %s
				Criticité : %s · statut : %s
				Responsable(s) : %s (%s)

				%s (par %s).

				Voir le ticket : %s/tickets/%d
				%s
				Entente
				""".formatted(t.number(), t.title(), t.establishment(), t.criticality().label(), t.status().label(),
				String.join(", ", t.parties()), t.routingClause(), what, actor, properties.baseUrl(), t.id(),
				t.critical() ? "\nIncident critique : le Département, l'Académie et le collège sont informés de chaque étape (Annexe opérationnelle §4).\n" : "");
	}
}
