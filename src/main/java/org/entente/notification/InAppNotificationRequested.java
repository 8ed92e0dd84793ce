package org.entente.notification;

import java.util.List;
import java.util.UUID;

/** A notice shown in the application to the listed accounts (by username), with a link to what it is about. */
public record InAppNotificationRequested(UUID id, List<String> recipients, String title, String link) {

	public InAppNotificationRequested {
		recipients = List.copyOf(recipients);
	}

	public static InAppNotificationRequested of(List<String> recipients, String title, String link) {
		return new InAppNotificationRequested(UUID.randomUUID(), recipients, title, link);
	}
}
