package org.entente.notification.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.entente.notification.NotificationProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hands failed deliveries (SMTP down, …) back to their listeners, once across all instances. */
@Component
class RetryIncompleteDeliveries {

	private final IncompleteEventPublications publications;
	private final NotificationProperties properties;

	RetryIncompleteDeliveries(IncompleteEventPublications publications, NotificationProperties properties) {
		this.publications = publications;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${entente.mail.retry-every:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "notification-retry")
	void retry() {
		publications.resubmitIncompletePublicationsOlderThan(properties.retryAfter());
	}
}
