package org.entente.notification.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.InAppNotifications;
import org.entente.notification.MailRequested;
import org.entente.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers notifications after the publishing transaction commits. A failure leaves the event publication
 * incomplete, and {@link RetryIncompleteDeliveries} hands it back later; the delivery table makes a second
 * delivery of the same mail a no-op.
 */
@Component
class NotificationListeners {

	private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);

	private final JdbcClient jdbc;
	private final NotificationProperties properties;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final InAppNotifications notices;

	NotificationListeners(JdbcClient jdbc, NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender,
			InAppNotifications notices) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.properties = properties;
		this.mailSender = mailSender;
	}

	@ApplicationModuleListener
	void on(MailRequested mail) throws MessagingException {
		JavaMailSender sender = properties.enabled() ? mailSender.getIfAvailable() : null;
		// Claim the mail first, in the listener's own transaction: a concurrent or later redelivery of the same
		// event waits on the key, then finds it taken and stops. A failed send rolls the claim back for a retry.
		int claimed = jdbc.sql("""
				insert into mail_delivery (id, recipients, subject, category, sent_at, transport) values (?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(mail.id(), truncate(String.join(", ", mail.to()), 2000), truncate(mail.subject(), 500), mail.category(),
					Timestamp.from(Instant.now()), sender == null ? "LOG" : "SMTP")
			.update();
		if (claimed == 0) {
			return;
		}
		if (sender == null) {
			log.info("Courriel non envoyé (entente.mail.enabled=false) à {} : {}", mail.to(), mail.subject());
		}
		else {
			sender.send(toMime(sender, mail));
		}
	}

	@ApplicationModuleListener
	void on(InAppNotificationRequested notice) {
		notices.post(notice);
	}

	private MimeMessage toMime(JavaMailSender sender, MailRequested mail) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		boolean multipart = !mail.attachments().isEmpty() || mail.html() != null;
		MimeMessageHelper helper = new MimeMessageHelper(message, multipart, StandardCharsets.UTF_8.name());
		helper.setFrom(properties.from());
		helper.setTo(mail.to().toArray(String[]::new));
		helper.setSubject(mail.subject());
		if (mail.html() != null) {
			helper.setText(mail.text(), mail.html());
		}
		else {
			helper.setText(mail.text());
		}
		for (MailRequested.MailAttachment a : mail.attachments()) {
			helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
		}
		message.setHeader("Message-ID", "<" + mail.id() + "@entente>");
		return message;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
