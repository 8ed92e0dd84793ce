package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.entente.MailTest;
import org.entente.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail through a real SMTP server (GreenMail on loopback), sent after commit, once, and retried after an outage. */
@MailTest(database = "mail_test")
class MailDeliveryTests {

	static final GreenMailExtension greenMail = MailTest.Smtp.of(MailDeliveryTests.class);

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private int received(String subject) {
		return (int) java.util.Arrays.stream(greenMail.getReceivedMessages())
			.filter(m -> TestSmtp.subject(m).equals(subject))
			.count();
	}

	@Test
	void aMailIsSentAfterCommitWithItsAttachmentAndOnlyOnce() throws Exception {
		String subject = "Convocation au comité — " + UUID.randomUUID();
		MailRequested mail = new MailRequested(UUID.randomUUID(), List.of("dsi@ille-et-vilaine.invalid"), subject,
				"Vous êtes convié·e au comité d'exploitation.", null,
				List.of(new MailRequested.MailAttachment("invitation.ics", "text/calendar; method=REQUEST",
						"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8))),
				"TEST");
		publish(mail);
		await().atMost(Duration.ofSeconds(10)).until(() -> received(subject) == 1);
		MimeMessage message = java.util.Arrays.stream(greenMail.getReceivedMessages())
			.filter(m -> TestSmtp.subject(m).equals(subject)).findFirst().orElseThrow();
		assertThat(message.getContent()).isInstanceOf(MimeMultipart.class);
		assertThat(GreenMailUtil.getBody(message)).contains("invitation.ics").contains("BEGIN:VCALENDAR");

		publish(mail); // the same mail again, e.g. a redelivered event
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("select count(*) from event_publication where completion_date is not null and serialized_event like ?")
			.param("%" + subject + "%").query(Long.class).single() == 2);
		assertThat(received(subject)).isEqualTo(1);
	}

	@Test
	void aMailOutageLosesNothing() {
		String subject = "Panne SMTP — " + UUID.randomUUID();
		greenMail.stop();
		try {
			publish(MailRequested.text(List.of("cd@ille-et-vilaine.invalid"), subject, "Texte", "TEST"));
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
				.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
				.param("%" + subject + "%").query(Long.class).single() == 1);
		}
		finally {
			greenMail.start();
		}
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		await().atMost(Duration.ofSeconds(10)).until(() -> received(subject) == 1);
	}

	@Test
	void inAppNoticesReachEachRecipientOnce() {
		InAppNotificationRequested notice = InAppNotificationRequested.of(List.of("agent.cd", "agent.aca"), "Incident critique", "/");
		publish(notice);
		publish(notice);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select count(*) from in_app_notification where event_id = ?").param(notice.id()).query(Long.class).single() == 2);
	}
}
