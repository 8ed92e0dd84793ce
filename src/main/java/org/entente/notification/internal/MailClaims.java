package org.entente.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.entente.notification.MailRequested;
import org.entente.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mail_delivery} row of a mail, each change in a short transaction of its own (never the caller's): a
 * claim with a lease before the send, the mark after it. One row per mail id, so that two instances, or a retry
 * racing the first attempt, never both send.
 */
@Component
class MailClaims {

	private static final Logger log = LoggerFactory.getLogger(MailClaims.class);

	enum Claim {
		/** This attempt holds the claim and sends. */
		OURS,
		/** Already sent: nothing to do. */
		SENT,
		/** Claimed by another attempt whose lease has not run out (sending now, or dead before confirming). */
		HELD
	}

	/** Leaves the event publication incomplete, to be handed back after the lease. */
	static final class ClaimedElsewhere extends org.entente.common.HandedBackLater {

		ClaimedElsewhere(UUID id) {
			super("Courriel " + id + " réservé par un autre envoi, repris à la fin de son bail s'il n'est pas confirmé");
		}
	}

	private final JdbcClient jdbc;
	private final NotificationProperties properties;
	private final TransactionTemplate own;

	MailClaims(JdbcClient jdbc, NotificationProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Claims the mail for this attempt, committed before it returns. */
	Claim claim(MailRequested mail, String transport) {
		return own.execute(status -> {
			Instant now = Instant.now();
			Timestamp until = Timestamp.from(now.plus(properties.lease()));
			int inserted = jdbc.sql("""
					insert into mail_delivery (id, recipients, subject, category, transport, claimed_until, attempts)
					values (?, ?, ?, ?, ?, ?, 1) on conflict do nothing""")
				.params(mail.id(), truncate(String.join(", ", mail.to()), 2000), truncate(mail.subject(), 500), mail.category(),
						transport, until)
				.update();
			if (inserted == 1) {
				return Claim.OURS;
			}
			int takenOver = jdbc.sql("""
					update mail_delivery set claimed_until = ?, attempts = attempts + 1, transport = ?
					where id = ? and sent_at is null and (claimed_until is null or claimed_until < ?)""")
				.params(until, transport, mail.id(), Timestamp.from(now))
				.update();
			if (takenOver == 1) {
				log.info("Courriel {} réservé mais pas confirmé : repris à la fin de son bail ({})", mail.id(), mail.subject());
				return Claim.OURS;
			}
			boolean sent = jdbc.sql("select sent_at is not null from mail_delivery where id = ?").param(mail.id())
				.query(Boolean.class).single();
			return sent ? Claim.SENT : Claim.HELD;
		});
	}

	/**
	 * Marks the mail sent, right after the SMTP answer. A database that does not answer (restarting) is tried again
	 * until {@code tryUntil}, well inside the lease, so that a short outage does not make the mail go twice.
	 */
	void markSent(UUID id, Instant tryUntil) {
		while (true) {
			try {
				own.executeWithoutResult(status -> jdbc
					.sql("update mail_delivery set sent_at = ?, claimed_until = null where id = ?")
					.params(Timestamp.from(Instant.now()), id).update());
				return;
			}
			catch (DataAccessException | org.springframework.transaction.TransactionException e) {
				if (Instant.now().isAfter(tryUntil)) {
					throw e;
				}
				log.warn("Courriel {} envoyé, pas encore marqué comme tel ({}) : nouvel essai", id, e.getMessage());
				pause();
			}
		}
	}

	/** Gives the claim back after a failed send, so that the retry does not wait for the lease. */
	void release(UUID id) {
		try {
			own.executeWithoutResult(status -> jdbc
				.sql("update mail_delivery set claimed_until = null where id = ? and sent_at is null").param(id).update());
		}
		catch (RuntimeException e) {
			log.warn("Réservation du courriel {} non rendue ({}) : reprise à la fin de son bail", id, e.getMessage());
		}
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrompu", e);
		}
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
