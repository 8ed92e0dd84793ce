package org.entente.notification;

import java.util.List;
import java.util.UUID;

import org.entente.common.StoredText;

/**
 * A notice shown in the application to the listed accounts (by username), with a link to what it is about.
 * {@code title} is the French text; {@code titleWords}, when given, the same title kept as message and arguments
 * ({@link StoredText#json()}), which the notifications page reads in the reader's language.
 */
public record InAppNotificationRequested(UUID id, List<String> recipients, String title, String link, String titleWords) {

	public InAppNotificationRequested {
		recipients = List.copyOf(recipients);
	}

	public InAppNotificationRequested(UUID id, List<String> recipients, String title, String link) {
		this(id, recipients, title, link, null);
	}

	public static InAppNotificationRequested of(List<String> recipients, String title, String link) {
		return new InAppNotificationRequested(UUID.randomUUID(), recipients, title, link);
	}

	/** The same notice, its title kept as {@code words} too (in French, {@code title} must be what they give). */
	public InAppNotificationRequested withWords(StoredText words) {
		return new InAppNotificationRequested(id, recipients, title, link, words == null ? null : words.json());
	}
}
