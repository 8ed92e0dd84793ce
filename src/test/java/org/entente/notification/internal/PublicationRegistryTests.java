package org.entente.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Completed publications older than the kept period go; recent and incomplete ones stay; the backlog is a gauge. */
@EntenteTest
class PublicationRegistryTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PublicationRegistry registry;

	@Test
	void oldCompletedPublicationsAreDeletedAndTheBacklogIsMeasured() {
		UUID old = insert(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(30)));
		UUID recent = insert(Instant.now().minus(Duration.ofDays(1)), Instant.now().minus(Duration.ofDays(1)));
		UUID pendingOld = insert(Instant.now().minus(Duration.ofDays(30)), null);
		double backlog = meters.get("entente.events.incomplete").gauge().value();
		assertThat(backlog).isEqualTo(count("completion_date is null"));
		UUID pendingNew = insert(Instant.now(), null);
		assertThat(meters.get("entente.events.incomplete").gauge().value()).isEqualTo(backlog + 1);

		registry.deleteOldCompleted();

		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		assertThat(exists(pendingOld)).isTrue();
		assertThat(exists(pendingNew)).isTrue();
		jdbc.sql("delete from event_publication where id in (?, ?, ?)").params(recent, pendingOld, pendingNew).update();
	}

	private UUID insert(Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)"
				+ " values (?, 'test.listener', 'org.entente.Test', '{}', ?, ?)")
			.params(id, Timestamp.from(published), completed == null ? null : Timestamp.from(completed))
			.update();
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.sql("select count(*) from event_publication where id = ?").param(id).query(Long.class).single() == 1;
	}

	private double count(String where) {
		return jdbc.sql("select count(*) from event_publication where " + where).query(Long.class).single();
	}
}
