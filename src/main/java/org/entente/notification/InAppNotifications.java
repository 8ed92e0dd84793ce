package org.entente.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The in-app notices of one account: what is unread, and marking them read. */
@Service
public class InAppNotifications {

	/** A notice as a page shows it. */
	public record Notice(long id, String title, String link, Instant createdAt, Instant readAt) {
	}

	private final JdbcClient jdbc;

	public InAppNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Notice> latest(String username, int limit) {
		return jdbc.sql("select id, title, link, created_at, read_at from in_app_notification where recipient = ? order by id desc limit ?")
			.params(username, limit)
			.query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.list();
	}

	public long unreadCount(String username) {
		return jdbc.sql("select count(*) from in_app_notification where recipient = ? and read_at is null")
			.param(username)
			.query(Long.class)
			.single();
	}

	@Transactional
	public void markAllRead(String username) {
		jdbc.sql("update in_app_notification set read_at = ? where recipient = ? and read_at is null")
			.params(Timestamp.from(Instant.now()), username)
			.update();
	}
}
