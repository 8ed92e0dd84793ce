package org.entente.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.entente.directory.Accounts;
import org.entente.common.StoredText;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.MailRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due deliveries, oldest first and one at a time per endpoint and subject (a ticket's status changes
 * arrive in order), each attempt leased so that no two dispatchers send it. A failure is retried after
 * {@code retry-base} × 2^(attempts − 1), at most {@code retry-max}; after {@code pause-after} failures in a row
 * the endpoint is paused and its owner told (in the application and by mail). A delivery is never abandoned: a
 * resumed endpoint gets what it missed, in order.
 */
@Component
class WebhookDispatcher {

	/** How long one pass takes rows, below the lock's two minutes (a send waits 7 s at most). */
	static final Duration PASS_LIMIT = Duration.ofSeconds(90);

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookRepository repository;

	private final WebhookSender sender;

	private final ApplicationEventPublisher events;

	private final Accounts accounts;

	private final TransactionTemplate transactions;

	private final Duration retryBase;

	private final Duration retryMax;

	private final int pauseAfter;

	private final Duration settle;

	WebhookDispatcher(WebhookRepository repository, WebhookSender sender, ApplicationEventPublisher events,
			Accounts accounts, TransactionTemplate transactions,
			@Value("${entente.webhook.retry-base:PT10S}") Duration retryBase,
			@Value("${entente.webhook.retry-max:PT1H}") Duration retryMax,
			@Value("${entente.webhook.pause-after:10}") int pauseAfter,
			@Value("${entente.webhook.settle:PT1S}") Duration settle) {
		this.repository = repository;
		this.sender = sender;
		this.events = events;
		this.accounts = accounts;
		this.transactions = transactions;
		this.retryBase = retryBase;
		this.retryMax = retryMax;
		this.pauseAfter = pauseAfter;
		this.settle = settle;
	}

	@Scheduled(fixedDelayString = "${entente.webhook.dispatch-every:PT5S}", initialDelayString = "PT5S")
	// A killed instance keeps the lock until lockAtMostFor: 2 minutes, not the default 10, so that a restart drains
	// within minutes (the durability run waited 10). A pass stops taking rows after PASS_LIMIT to stay within it;
	// each row's own 60-second lease still keeps two senders apart.
	@SchedulerLock(name = "webhook-dispatch", lockAtMostFor = "PT2M")
	void scheduled() {
		dispatchDue();
	}

	/** Sends what is due now; returns the number of attempts made. */
	synchronized int dispatchDue() {
		int attempts = 0;
		List<Delivery> due = repository.due(Instant.now(), settle, 100);
		Instant stopTaking = Instant.now().plus(PASS_LIMIT);
		for (Delivery d : due) {
			Instant now = Instant.now();
			if (now.isAfter(stopTaking)) {
				break;
			}
			if (!repository.lease(d.seq(), now, now.plusSeconds(60))) {
				continue;
			}
			Webhook webhook = repository.find(d.endpointId()).orElse(null);
			if (webhook == null || !webhook.active()) {
				continue;
			}
			attempts++;
			WebhookSender.Outcome outcome = sender.send(webhook, d);
			if (outcome.delivered()) {
				repository.delivered(d.seq(), outcome.status(), webhook.id());
			}
			else {
				failed(webhook, d, outcome);
			}
		}
		return attempts;
	}

	private void failed(Webhook webhook, Delivery d, WebhookSender.Outcome outcome) {
		long factor = 1L << Math.min(d.attempts(), 20);
		Duration wait = retryBase.multipliedBy(factor);
		if (wait.compareTo(retryMax) > 0) {
			wait = retryMax;
		}
		Instant next = Instant.now().plus(wait);
		transactions.executeWithoutResult(tx -> {
			int failures = repository.failed(d.seq(), outcome.status(), outcome.error(), next, webhook.id());
			if (failures >= pauseAfter) {
				String reason = failures + " échecs de suite ; dernier : " + outcome.error();
				repository.setStatus(webhook.id(), "PAUSED", reason.length() > 500 ? reason.substring(0, 500) : reason);
				tellOwner(webhook, reason);
			}
		});
		log.info("Webhook {} : envoi {} échoué ({}), nouvel essai à {}", webhook.id(), d.id(), outcome.error(), next);
	}

	private void tellOwner(Webhook webhook, String reason) {
		String title = "Webhook mis en pause : " + webhook.url();
		String link = "/webhooks/" + webhook.id();
		events.publishEvent(InAppNotificationRequested.of(List.of(webhook.owner()), title, link)
			.withWords(StoredText.message("webhook.notice.paused", webhook.url())));
		accounts.find(webhook.owner()).filter(a -> a.email() != null && !a.email().isBlank())
			.ifPresent(a -> events.publishEvent(MailRequested.text(List.of(a.email()), title,
					"Le webhook " + webhook.url() + " ne répond plus (" + reason + ").\nLes événements sont gardés : "
							+ "reprenez-le depuis la page des webhooks une fois le récepteur rétabli, ils seront envoyés dans l'ordre.",
					"WEBHOOK")));
	}
}
