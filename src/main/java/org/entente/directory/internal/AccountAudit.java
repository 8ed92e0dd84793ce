package org.entente.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail of accounts: who changed what on which account, when, old value and new value. Written in the
 * transaction of the change; never holds a password or a hash (a password change is recorded as its action alone).
 */
@Component
class AccountAudit {

	/** One line of the trail; {@code field}, {@code oldValue} and {@code newValue} are null for a bare action. */
	record Change(String username, Instant at, String by, String action, String field, String oldValue, String newValue) {
	}

	private final JdbcClient jdbc;

	AccountAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String username, String by, String action, String field, Object oldValue, Object newValue) {
		jdbc.sql("""
				insert into directory_account_change (username, changed_at, changed_by, action, field, old_value, new_value)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(username, Timestamp.from(Instant.now()), by, action, field, text(oldValue), text(newValue))
			.update();
	}

	/** A line of the trail only when the value changed (creation and update record each field this way). */
	void recordIfChanged(String username, String by, String action, String field, Object oldValue, Object newValue) {
		if (!java.util.Objects.equals(oldValue, newValue)) {
			record(username, by, action, field, oldValue, newValue);
		}
	}

	void record(String username, String by, String action) {
		record(username, by, action, null, null, null);
	}

	List<Change> of(String username) {
		return jdbc.sql("select * from directory_account_change where username = ? order by changed_at desc, id desc")
			.param(username)
			.query((rs, i) -> new Change(rs.getString("username"), rs.getTimestamp("changed_at").toInstant(),
					rs.getString("changed_by"), rs.getString("action"), rs.getString("field"), rs.getString("old_value"),
					rs.getString("new_value")))
			.list();
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String s = String.valueOf(value);
		return s.length() > 500 ? s.substring(0, 499) + "…" : s;
	}
}
