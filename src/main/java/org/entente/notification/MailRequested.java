package org.entente.notification;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail some module wants sent. Publish it with the ApplicationEventPublisher inside the transaction that
 * decided it; {@code id} makes delivery idempotent (a redelivered event is not sent twice).
 */
public record MailRequested(UUID id, List<String> to, String subject, String text, String html,
		List<MailAttachment> attachments, String category) {

	public MailRequested {
		Objects.requireNonNull(id, "id");
		if (to == null || to.isEmpty()) {
			throw new IllegalArgumentException("Un courriel doit avoir au moins un destinataire");
		}
		to = List.copyOf(to);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		category = category == null ? "GENERAL" : category;
	}

	/** A plain-text mail without attachments. */
	public static MailRequested text(List<String> to, String subject, String text, String category) {
		return new MailRequested(UUID.randomUUID(), to, subject, text, null, List.of(), category);
	}

	/** A file joined to a mail, e.g. an .ics invitation ({@code text/calendar; method=REQUEST}). */
	public record MailAttachment(String filename, String contentType, byte[] content) {
	}
}
