package org.entente.security.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The cluster-safe watcher of the breach clocks: ShedLock makes one instance run it at a time, and the reminder
 * rows (one per breach and delay) make each reminder go out once even if two runs overlap.
 */
@Component
class BreachWatcher {

	private static final Logger log = LoggerFactory.getLogger(BreachWatcher.class);

	private final BreachService breaches;

	BreachWatcher(BreachService breaches) {
		this.breaches = breaches;
	}

	@Scheduled(fixedDelayString = "${entente.security.breach-watch-every:PT1M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "security-breach-watcher", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
	public void watch() {
		int sent = remind(Instant.now());
		if (sent > 0) {
			log.info("Violations de données : {} rappel(s) envoyé(s)", sent);
		}
	}

	int remind(Instant now) {
		return breaches.remind(now);
	}
}
