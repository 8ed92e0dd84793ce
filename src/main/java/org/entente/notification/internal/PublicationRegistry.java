package org.entente.notification.internal;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event publication registry (the outbox every module's notifications and events go through) kept to what it
 * is for: completed publications are deleted once older than {@code entente.events.keep-completed} (default seven
 * days, so a delivery can still be traced for a week), every night and once across all instances; incomplete ones
 * stay until delivered, and their number is the Prometheus gauge {@code entente_events_incomplete}, the backlog an
 * operator watches.
 */
@Component
class PublicationRegistry {

	private static final Logger log = LoggerFactory.getLogger(PublicationRegistry.class);

	private final CompletedEventPublications completed;
	private final JdbcClient jdbc;
	private final Duration keepCompleted;

	PublicationRegistry(CompletedEventPublications completed, JdbcClient jdbc, MeterRegistry meters,
			@Value("${entente.events.keep-completed:P7D}") Duration keepCompleted) {
		this.completed = completed;
		this.jdbc = jdbc;
		this.keepCompleted = keepCompleted;
		Gauge.builder("entente.events.incomplete", this, PublicationRegistry::incomplete)
			.description("Publications d'événements pas encore livrées (courriels, avis, événements entre modules)")
			.register(meters);
	}

	@Scheduled(cron = "${entente.events.housekeeping-cron:0 20 3 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "event-publication-housekeeping", lockAtLeastFor = "PT5M")
	void deleteOldCompleted() {
		long before = completedCount();
		completed.deletePublicationsOlderThan(keepCompleted);
		log.info("Registre des événements : {} publication(s) livrée(s) depuis plus de {} supprimée(s)",
				before - completedCount(), keepCompleted);
	}

	double incomplete() {
		return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
	}

	private long completedCount() {
		return jdbc.sql("select count(*) from event_publication where completion_date is not null").query(Long.class).single();
	}
}
