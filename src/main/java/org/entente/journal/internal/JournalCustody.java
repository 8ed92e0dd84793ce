package org.entente.journal.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.entente.common.PageSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The custody log: every search, export and purge of the journal (who, when, criteria, purpose), for the DPOs. */
@Component
public class JournalCustody {

	/** One entry of the custody log. */
	public record Entry(long id, Instant at, String username, String role, String action, String criteria, String purpose,
			String requisition, Long resultCount, Long treeSize) {
	}

	private final JdbcClient jdbc;

	JournalCustody(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void record(String username, String role, String action, String criteria, String purpose, String requisition,
			Long resultCount, Long treeSize) {
		jdbc.sql("""
				insert into journal_access (at, username, role, action, criteria, purpose, requisition, result_count, tree_size)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(Instant.now()), username, role, action, truncate(criteria, 2000), truncate(purpose, 500),
					truncate(requisition, 100), resultCount, treeSize)
			.update();
	}

	public PageSlice<Entry> list(int page, int size) {
		List<Entry> rows = jdbc.sql("select * from journal_access order by at desc, id desc limit ? offset ?")
			.params(size + 1, (long) page * size)
			.query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
					rs.getString("role"), rs.getString("action"), rs.getString("criteria"), rs.getString("purpose"),
					rs.getString("requisition"), (Long) rs.getObject("result_count", Long.class),
					(Long) rs.getObject("tree_size", Long.class)))
			.list();
		return PageSlice.ofOneMore(rows, page, size);
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
