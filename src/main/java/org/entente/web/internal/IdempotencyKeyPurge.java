package org.entente.web.internal;

import java.sql.Timestamp;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expired idempotency keys go, once a night across all instances. A bean of its own: the filter
 * {@link IdempotencyKeys} is built inside its registration, not by Spring, so a job written on it never ran.
 */
@Component
class IdempotencyKeyPurge {

	private final JdbcClient jdbc;

	IdempotencyKeyPurge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${entente.idempotency.purge-cron:0 40 3 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "idempotency-key-purge", lockAtLeastFor = "PT5M")
	void purgeExpired() {
		jdbc.sql("delete from web_idempotency_key where created_at <= ?")
			.param(Timestamp.from(Instant.now().minus(IdempotencyKeys.KEPT)))
			.update();
	}
}
