package org.entente.helpdesk.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The daily erasure of tickets whose retention period ended ({@link TicketRetention}), once across all instances
 * (ShedLock); the lock is held at least a few minutes so that an instance whose clock is a little behind does not run
 * it again the same night.
 */
@Component
class TicketRetentionJob {

	private static final Logger log = LoggerFactory.getLogger(TicketRetentionJob.class);

	private final TicketRetention retention;

	TicketRetentionJob(TicketRetention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${entente.helpdesk.ticket-retention-cron:0 15 3 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "helpdesk-ticket-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
	public void eraseDaily() {
		long n = retention.erase(retention.today());
		if (n > 0) {
			log.info("Conservation des tickets : {} ticket(s) clos depuis plus de {} effacé(s)", n, retention.period().orElse(null));
		}
	}
}
