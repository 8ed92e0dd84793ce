package org.entente.notification.internal;

import java.nio.charset.StandardCharsets;
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
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers notifications after the publishing transaction commits. A mail goes through {@link MailClaims}: claimed
 * and committed, sent, then marked sent in a short transaction of its own, so that nothing rolled back after the SMTP
 * answer can send it again. A failure leaves the event publication incomplete and {@link RetryIncompleteDeliveries}
 * hands it back later: a mail already marked sent is not sent again, a claim still under its lease (its sender may
 * be sending, or may have died) is left until the lease runs out, then taken over and sent with the same Message-ID.
 * <p>
 * The window that remains: a process killed (or a database unreachable for longer than half the lease) between the
 * SMTP server's answer and the commit of the one-row mark. That mail is sent once more after the lease, with the same
 * {@code Message-ID}, by which mail clients fold the copies; no SMTP exchange can close it.
 * <p>
 * The mail listener has no transaction of its own (unlike {@link ApplicationModuleListener}): no connection is held
 * while the SMTP server answers, and the claim and the mark each commit at once.
 */
@Component
class NotificationListeners {

	private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);

	private final NotificationProperties properties;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final InAppNotifications notices;
	private final MailClaims claims;

	NotificationListeners(NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender,
			InAppNotifications notices, MailClaims claims) {
		this.notices = notices;
		this.properties = properties;
		this.mailSender = mailSender;
		this.claims = claims;
	}

	@Async
	@TransactionalEventListener
	void on(MailRequested mail) throws MessagingException {
		JavaMailSender sender = properties.enabled() ? mailSender.getIfAvailable() : null;
		MailClaims.Claim claim = claims.claim(mail, sender == null ? "LOG" : "SMTP");
		Instant leaseEnds = Instant.now().plus(properties.lease());
		if (claim == MailClaims.Claim.SENT) {
			return;
		}
		if (claim == MailClaims.Claim.HELD) {
			throw new MailClaims.ClaimedElsewhere(mail.id());
		}
		if (sender == null) {
			log.info("Courriel non envoyé (entente.mail.enabled=false) à {} : {}", mail.to(), mail.subject());
		}
		else {
			try {
				sender.send(toMime(sender, mail));
			}
			catch (RuntimeException | MessagingException e) {
				claims.release(mail.id());
				throw e;
			}
		}
		// Marking is retried while the lease holds, never past it: after it another attempt may take the mail over.
		Instant tryUntil = Instant.now().plus(properties.lease().dividedBy(2));
		if (tryUntil.isAfter(leaseEnds)) {
			log.warn("Courriel {} : l'envoi a duré plus de la moitié du bail ({}) ; marqué envoyé jusqu'à la fin du bail au plus",
					mail.id(), properties.lease());
			tryUntil = leaseEnds;
		}
		claims.markSent(mail.id(), tryUntil);
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
}
