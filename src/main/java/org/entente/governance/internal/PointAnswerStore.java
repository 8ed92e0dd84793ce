package org.entente.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The committee's answers to the points to clarify (V21): every answer is kept, the latest of a point is in force. */
@Repository
class PointAnswerStore {

	/** One recorded answer. {@code decisionId} is a {@code gov_decision} row when the committee's decision is recorded. */
	record Answer(long id, String pointId, String pointTitle, Long decisionId, String reading, boolean needsAmendment,
			String amendment, String conventionVersion, String recordedBy, Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	PointAnswerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String pointId, String pointTitle, Long decisionId, String reading, boolean needsAmendment,
			String amendment, String conventionVersion, String by) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into gov_point_answer (point_id, point_title, decision_id, reading, needs_amendment, amendment,
				                              convention_version, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(pointId, pointTitle, decisionId, reading, needsAmendment, amendment, conventionVersion, by,
					Timestamp.from(Instant.now()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The answer in force of each answered point, by point id. */
	Map<String, Answer> latest() {
		Map<String, Answer> byPoint = new LinkedHashMap<>();
		for (Answer a : jdbc.sql("select * from gov_point_answer order by point_id, id").query(PointAnswerStore::answer).list()) {
			byPoint.put(a.pointId(), a);
		}
		return byPoint;
	}

	private static Answer answer(ResultSet rs, int row) throws SQLException {
		long decision = rs.getLong("decision_id");
		return new Answer(rs.getLong("id"), rs.getString("point_id"), rs.getString("point_title"),
				rs.wasNull() ? null : decision, rs.getString("reading"), rs.getBoolean("needs_amendment"),
				rs.getString("amendment"), rs.getString("convention_version"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
