package org.entente.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who read or changed which identity, and when (table privacy_access); the purge anonymises the person's UID here. */
@Component
class AccessLog {

	record Entry(Instant at, String operator, String action, String targetUid, String detail) {
	}

	private final JdbcClient jdbc;

	AccessLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String operator, String action, String targetUid, String detail) {
		jdbc.sql("insert into privacy_access (at, operator, action, target_uid, detail) values (?, ?, ?, ?, ?)")
			.params(Timestamp.from(Instant.now()), operator, action, targetUid,
					detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…")
			.update();
	}

	List<Entry> latest(int limit) {
		return jdbc.sql("select at, operator, action, target_uid, detail from privacy_access order by id desc limit " + Math.min(limit, 500))
			.query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("operator"), rs.getString("action"),
					rs.getString("target_uid"), rs.getString("detail")))
			.list();
	}
}
