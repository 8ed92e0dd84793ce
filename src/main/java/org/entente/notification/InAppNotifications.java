package org.entente.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.entente.common.StoredTexts;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notices: posting them, and for one account what is unread and marking it read. A module whose change
 * and notice live in the same database may post in its own transaction: the notice then appears exactly when the
 * change commits, with no event to deliver. A notice whose title was kept as message and arguments
 * ({@code title_words}, V4) is read in the reader's language; one posted before shows its French title.
 */
@Service
public class InAppNotifications {

	/** A notice as a page shows it: its title in the reader's language. */
	public record Notice(long id, String title, String link, Instant createdAt, Instant readAt) {
	}

	/** The width of {@code title_words}: a longer title keeps only its French. */
	static final int WORDS = 4000;

	private final JdbcClient jdbc;
	private final StoredTexts texts;

	public InAppNotifications(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.texts = new StoredTexts(messages);
	}

	/**
	 * Writes the notice for each recipient in the caller's transaction. Posting the same notice (same id) again
	 * adds nothing, which makes a redelivered event harmless.
	 */
	@Transactional
	public void post(InAppNotificationRequested notice) {
		if (notice.recipients().isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("insert into in_app_notification (event_id, recipient, title, link, created_at, title_words) values ");
		List<Object> params = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		String title = notice.title().length() <= 500 ? notice.title() : notice.title().substring(0, 500);
		String words = notice.titleWords() != null && notice.titleWords().length() <= WORDS ? notice.titleWords() : null;
		for (String recipient : new LinkedHashSet<>(notice.recipients())) {
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
			params.addAll(Arrays.asList(notice.id(), recipient, title, notice.link(), now, words));
		}
		jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
	}

	public List<Notice> latest(String username, int limit) {
		return jdbc.sql("select id, title, link, created_at, read_at, title_words from in_app_notification where recipient = ? order by id desc limit ?")
			.params(username, limit)
			.query((rs, i) -> new Notice(rs.getLong(1), texts.shown(rs.getString(2), rs.getString(6)), rs.getString(3), rs.getTimestamp(4).toInstant(),
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
