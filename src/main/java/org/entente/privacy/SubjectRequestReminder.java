package org.entente.privacy;

import java.time.LocalDate;
import java.util.UUID;

import org.entente.common.StoredText;

/**
 * A data-subject request is due in {@code daysBefore} days and has no answer yet: the DPOs are to be reminded, in
 * the application and by mail to {@code officerEmail}, the address of the officer who received it (the convention's
 * data-protection officers). Published by {@code privacy} in the transaction that records the reminder; the module
 * that knows the accounts turns it into notices and a mail ({@code privacy} depends on no business module).
 */
public record SubjectRequestReminder(UUID id, long requestId, String kind, String receivedBy, LocalDate dueBy,
		int daysBefore, String officerEmail, String link) {

	public String title() {
		return "Demande n° " + requestId + " (" + kind + ") : réponse due le " + dueBy + ", dans " + daysBefore + " jour(s)";
	}

	/** The same title kept as message and arguments, read in each reader's language. */
	public StoredText titleWords() {
		return StoredText.message("privacy.notice.reminder", String.valueOf(requestId), kind, String.valueOf(dueBy), String.valueOf(daysBefore));
	}

	public String text() {
		return "La demande n° " + requestId + " (" + kind + "), reçue par " + receivedBy + ", n'a pas encore de réponse.\n"
				+ "Échéance : " + dueBy + " (annexe protection des données, 5 ; RGPD, article 12(3)).\n"
				+ "Répondre ou prolonger : " + link + "\n";
	}
}
