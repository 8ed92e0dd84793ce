package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;
import static org.entente.helpdesk.internal.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code ticket_attachment}: files joined to a ticket (the content is read only to download it). */
@Repository
class AttachmentRepository {

	record AttachmentInfo(long id, long ticketId, String filename, String contentType, int size, String uploadedBy,
			Instant uploadedAt) {
	}

	private static final String INFO = "select id, ticket_id, filename, content_type, size_bytes, uploaded_by, uploaded_at from ticket_attachment";

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long add(long ticketId, String filename, String contentType, byte[] content, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ticket_attachment (ticket_id, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
				values (:t, :f, :c, :s, :d, :b, :at)""")
			.param("t", ticketId).param("f", filename).param("c", contentType).param("s", content.length)
			.param("d", content).param("b", by).param("at", ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<AttachmentInfo> of(long ticketId) {
		return jdbc.sql(INFO + " where ticket_id = ? order by id").param(ticketId).query(AttachmentRepository::info).list();
	}

	Optional<AttachmentInfo> find(long ticketId, long id) {
		return jdbc.sql(INFO + " where ticket_id = ? and id = ?").params(ticketId, id).query(AttachmentRepository::info).optional();
	}

	byte[] content(long id) {
		return jdbc.sql("select content from ticket_attachment where id = ?").param(id).query((rs, i) -> rs.getBytes(1)).single();
	}

	private static AttachmentInfo info(ResultSet rs, int row) throws SQLException {
		return new AttachmentInfo(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
				instant(rs, "uploaded_at"));
	}
}
