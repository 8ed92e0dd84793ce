package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;
import static org.entente.helpdesk.internal.Rows.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code ticket_comment}: the conversation on a ticket. */
@Repository
class CommentRepository {

	record Comment(long id, String author, String body, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long add(long ticketId, String author, String body, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into ticket_comment (ticket_id, author, body, created_at) values (:t, :a, :b, :at)")
			.param("t", ticketId).param("a", author).param("b", body).param("at", ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Comment> of(long ticketId) {
		return jdbc.sql("select * from ticket_comment where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, i) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
					instant(rs, "created_at")))
			.list();
	}
}
