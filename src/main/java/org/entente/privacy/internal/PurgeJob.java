package org.entente.privacy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** The daily purge, once across all instances (ShedLock). */
@Component
class PurgeJob {

	private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

	private final Purges purges;
	private final RetentionPolicy retention;

	PurgeJob(Purges purges, RetentionPolicy retention) {
		this.purges = purges;
		this.retention = retention;
	}

	@Scheduled(cron = "${entente.privacy.purge-cron:0 30 2 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "privacy-purge", lockAtMostFor = "PT2H", lockAtLeastFor = "${entente.privacy.purge-lock-at-least-for:PT5M}")
	public void purgeDaily() {
		Purges.Run run = purges.run(retention.today(), false, "SCHEDULED", "système");
		log.info("Purge des données personnelles n° {} : {} personne(s), {}", run.id(), run.persons(), run.counts());
	}
}
