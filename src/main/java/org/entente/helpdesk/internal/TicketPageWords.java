package org.entente.helpdesk.internal;

import java.util.List;
import java.util.Locale;

import org.entente.convention.Component;
import org.entente.convention.ConventionLabels;
import org.entente.convention.Conventions;
import org.entente.convention.ResponsibilityContext;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;

/**
 * The ticket page's people and sentences: who handles it, the routed parties by name, the requester as a person (name
 * and where to find them, V38), the establishment and component by name.
 */
@org.springframework.stereotype.Component
class TicketPageWords {

	private final Conventions conventions;
	private final Establishments establishments;
	private final Accounts accounts;
	private final TicketRepository contacts;
	private final DeskPages pages;
	private final ConventionLabels conventionLabels;

	TicketPageWords(Conventions conventions, Establishments establishments, Accounts accounts, TicketRepository contacts,
			DeskPages pages, ConventionLabels conventionLabels) {
		this.conventions = conventions;
		this.conventionLabels = conventionLabels;
		this.establishments = establishments;
		this.accounts = accounts;
		this.contacts = contacts;
		this.pages = pages;
	}

	Establishment establishment(Ticket t) {
		return establishments.find(t.establishment()).orElse(null);
	}

	Component component(Ticket t) {
		return conventions.current().component(t.component()).orElse(null);
	}

	/** The clause that lets a reader see every request of its party, for the read-only notice. */
	String readingClause(EntenteUser user) {
		return conventions.current().serviceLevels().allRequestsClause(user.party());
	}

	/** The requester as a person: « Mme Martin (college) », or the login when the account is gone. */
	String requesterName(Ticket t) {
		return accounts.find(t.requester()).map(a -> a.displayName() + " (" + a.username() + ")").orElse(t.requester());
	}

	/** Where to find the requester, when they said so. */
	String requesterContact(Ticket t) {
		return contacts.requesterContact(t.id()).orElse(null);
	}

	/** The address the confirmation of a report goes to, if the account has one. */
	String email(EntenteUser user) {
		return accounts.find(user.getUsername()).map(Account::email).filter(e -> e != null && !e.isBlank()).orElse(null);
	}

	/** The contractors an agent may assign. */
	List<Account> contractors() {
		return accounts.enabledAmong(List.of(), TicketAccess.ASSIGNABLE, null);
	}

	/** Who handles it, in a sentence: « Le Département répare « Vidéoprojecteurs ». » (the clause is on demand). */
	String whoHandles(Ticket t) {
		if (t.parties().isEmpty()) {
			return pages.text("helpdesk.who.nobody");
		}
		List<String> names = t.parties().stream().map(code -> pages.textOr("helpdesk.party." + code, code)).toList();
		String who = join(names);
		String component = conventionLabels.component(t.component());
		String sentence = pages.textOr("helpdesk.who." + t.intervention().name(), null, who, component, names.size());
		if (sentence == null) {
			sentence = pages.text("helpdesk.who", who, component, names.size(), pages.labels().of(t.intervention()).toLowerCase(Locale.ROOT));
		}
		return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
	}

	/**
	 * Why the ticket went where it did, in the page's language: the sentence the ticket keeps (French, as routed), told
	 * again in English only when the convention in force gives the ticket's context that very answer (an amendment or
	 * a routing since changed keeps the ticket's own words).
	 */
	String routingExplanation(Ticket t) {
		if (!conventionLabels.translated() || !conventions.current().version().equals(t.conventionVersion())) {
			return t.routingExplanation();
		}
		try {
			var context = new ResponsibilityContext(t.funding(), t.network(), t.sharedBetweenNetworks());
			if (!conventions.resolve(t.component(), t.intervention(), context).explanation().equals(t.routingExplanation())) {
				return t.routingExplanation();
			}
			return conventionLabels.resolve(t.component(), t.intervention(), context).explanation();
		}
		catch (RuntimeException e) {
			return t.routingExplanation();
		}
	}

	/** The routed parties by their names, « le Département d'Ille-et-Vilaine et l'Académie de Rennes ». */
	String partyNames(Ticket t) {
		List<String> names = t.parties().stream().map(conventionLabels::party).toList();
		if (names.isEmpty()) {
			return pages.text("helpdesk.confirm.nobody");
		}
		return join(names);
	}

	/** « A », « A et B », « A, B et C ». */
	private String join(List<String> names) {
		return names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " " + pages.text("helpdesk.and") + " " + names.get(names.size() - 1);
	}
}
