package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;
import static org.entente.helpdesk.internal.Rows.ts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code ticket_satisfaction}: the requester's one answer to the survey. */
@Repository
class SatisfactionRepository {

	record Satisfaction(int rating, String comment, String answeredBy, Instant answeredAt) {
	}

	private final JdbcClient jdbc;

	SatisfactionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Satisfaction> of(long ticketId) {
		return jdbc.sql("select * from ticket_satisfaction where ticket_id = ?")
			.param(ticketId)
			.query((rs, i) -> new Satisfaction(rs.getInt("rating"), rs.getString("comment"), rs.getString("answered_by"),
					instant(rs, "answered_at")))
			.optional();
	}

	void save(long ticketId, int rating, String comment, String by, Instant at) {
		jdbc.sql("insert into ticket_satisfaction (ticket_id, rating, comment, answered_by, answered_at) values (?, ?, ?, ?, ?)")
			.params(ticketId, rating, comment, by, ts(at))
			.update();
	}
}
