package org.entente.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code reporting_statistics}: every production of a month's statistics, never updated. */
@Repository
class StatisticsStore {

	/** One production: the month, the convention version it used, when and by whom, the figures as JSON. */
	record Stored(long id, String month, String conventionVersion, Instant producedAt, String producedBy, String body) {
	}

	private final JdbcClient jdbc;

	StatisticsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String month, String version, Instant at, String by, String body) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into reporting_statistics (stat_month, convention_version, produced_at, produced_by, body) values (?, ?, ?, ?, ?)")
			.params(month, version, Timestamp.from(at), by, body)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The latest production of the month (with that convention version when given). */
	Optional<Stored> latest(String month, String version) {
		return jdbc.sql("select * from reporting_statistics where stat_month = ?" + (version == null ? "" : " and convention_version = ?")
				+ " order by produced_at desc, id desc limit 1")
			.params(version == null ? List.of(month) : List.of(month, version))
			.query(StatisticsStore::map)
			.optional();
	}

	List<Stored> all(String month) {
		return jdbc.sql("select * from reporting_statistics where stat_month = ? order by produced_at desc, id desc")
			.param(month)
			.query(StatisticsStore::map)
			.list();
	}

	private static Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Stored(rs.getLong("id"), rs.getString("stat_month"), rs.getString("convention_version"),
				rs.getTimestamp("produced_at").toInstant(), rs.getString("produced_by"), rs.getString("body"));
	}
}
