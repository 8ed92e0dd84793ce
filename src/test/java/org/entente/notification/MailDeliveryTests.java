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

/**
 * Mail through a real SMTP server (GreenMail on loopback), sent after commit, once, retried after an outage, and never
 * sent again by a transaction that rolls back after the send: the claim and the mark commit on their own.
 */
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

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** The listener's own code, as its transaction runs it (no proxy: neither asynchronous nor in a transaction of its own). */
	private void deliverInsideATransactionThatRollsBack(MailRequested mail) {
		Object listeners = org.springframework.test.util.AopTestUtils.getTargetObject(context.getBean("notificationListeners"));
		transactions.executeWithoutResult(status -> {
			try {
				java.lang.reflect.Method on = listeners.getClass().getDeclaredMethod("on", MailRequested.class);
				on.setAccessible(true);
				on.invoke(listeners, mail);
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
			status.setRollbackOnly(); // what a kill, or a failed commit, does to the listener's transaction after the send
		});
	}

	@Test
	void aMailIsSentOnceEvenIfTheListenersTransactionRollsBackAfterTheSend() {
		String subject = "Envoyé puis annulé — " + UUID.randomUUID();
		MailRequested mail = MailRequested.text(List.of("a@ille-et-vilaine.invalid", "b@ille-et-vilaine.invalid"), subject,
				"Texte", "TEST");
		deliverInsideATransactionThatRollsBack(mail);
		assertThat(received(subject)).as("one copy per recipient").isEqualTo(2);
		deliverInsideATransactionThatRollsBack(mail); // the redelivery that follows a rolled-back listener
		assertThat(received(subject)).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from mail_delivery where id = ? and sent_at is not null and claimed_until is null")
			.param(mail.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aClaimWhoseInstanceDiedIsSentOnceAfterItsLeaseWithTheSameMessageId() throws Exception {
		String subject = "Réservé par une instance morte — " + UUID.randomUUID();
		MailRequested mail = MailRequested.text(List.of("c@ille-et-vilaine.invalid"), subject, "Texte", "TEST");
		// An instance claimed the mail (committed), then died before confirming it: its lease still runs.
		jdbc.sql("""
				insert into mail_delivery (id, recipients, subject, category, transport, claimed_until, attempts)
				values (?, ?, ?, 'TEST', 'SMTP', ?, 1)""")
			.params(mail.id(), "c@ille-et-vilaine.invalid", subject,
					java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofHours(1))))
			.update();
		publish(mail);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
			.param("%" + subject + "%").query(Long.class).single() == 1);
		assertThat(received(subject)).as("not sent while the lease runs").isZero();

		jdbc.sql("update mail_delivery set claimed_until = ? where id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), mail.id()).update(); // the lease ran out
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		await().atMost(Duration.ofSeconds(10)).until(() -> received(subject) == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select count(*) from event_publication where completion_date is not null and serialized_event like ?")
			.param("%" + subject + "%").query(Long.class).single() == 1);
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		publish(mail); // and a redelivery of the same event
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("select count(*) from event_publication where completion_date is not null and serialized_event like ?")
			.param("%" + subject + "%").query(Long.class).single() == 2);
		assertThat(received(subject)).isEqualTo(1);
		MimeMessage sent = java.util.Arrays.stream(greenMail.getReceivedMessages())
			.filter(m -> TestSmtp.subject(m).equals(subject)).findFirst().orElseThrow();
		assertThat(sent.getMessageID()).isEqualTo("<" + mail.id() + "@entente>");
		assertThat(jdbc.sql("select attempts from mail_delivery where id = ?").param(mail.id()).query(Integer.class).single())
			.as("the dead claim, then the one taken over").isEqualTo(2);
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
