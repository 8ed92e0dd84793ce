package org.entente.policy.internal;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reminds, once, the establishments that have not acknowledged a version some days after its publication
 * ({@code entente.policy.remind-after}, a week by default). ShedLock makes one instance run it at a time; the
 * reminder rows make each reminder go out once even if two runs overlap.
 */
@Component
class PolicyReminders {

	private static final Logger log = LoggerFactory.getLogger(PolicyReminders.class);

	private final PolicyRegister register;
	private final Duration after;

	PolicyReminders(PolicyRegister register, @Value("${entente.policy.remind-after:P7D}") Duration after) {
		this.register = register;
		this.after = after;
	}

	@Scheduled(cron = "${entente.policy.remind-cron:0 0 8 * * MON-FRI}", zone = "Europe/Paris")
	@SchedulerLock(name = "policy-acknowledgement-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	public void remind() {
		int sent = remind(Instant.now());
		if (sent > 0) {
			log.info("Politiques : {} rappel(s) d'accusé de réception envoyé(s)", sent);
		}
	}

	int remind(Instant now) {
		return register.remind(now.minus(after));
	}
}
