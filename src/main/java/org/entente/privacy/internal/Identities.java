package org.entente.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.entente.common.ProblemException;
import org.entente.privacy.DataSubject;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading identities (each read logged) and recording a departure by hand. */
@Service
class Identities {

	record Identity(String uid, String guuid, String lastName, String firstName, String civility, LocalDate birthDate,
			String status, String function, String uai, String className, String department, LocalDate departedOn,
			LocalDate destroyBy) {

		DataSubject subject() {
			return new DataSubject(uid, guuid, lastName, firstName, java.util.Set.of());
		}
	}

	static final RowMapper<Identity> ROW = (rs, n) -> new Identity(rs.getString("uid"), rs.getString("guuid"),
			rs.getString("last_name"), rs.getString("first_name"), rs.getString("civility"),
			rs.getObject("birth_date", LocalDate.class), rs.getString("status"), rs.getString("job_function"),
			rs.getString("uai"), rs.getString("class_name"), rs.getString("department"),
			rs.getObject("departed_on", LocalDate.class), rs.getObject("destroy_by", LocalDate.class));

	private final JdbcClient jdbc;
	private final AccessLog accessLog;
	private final RetentionPolicy retention;

	Identities(JdbcClient jdbc, AccessLog accessLog, RetentionPolicy retention) {
		this.jdbc = jdbc;
		this.accessLog = accessLog;
		this.retention = retention;
	}

	@Transactional
	List<Identity> search(String uid, String uai, String operator) {
		List<Identity> found = uid != null
				? jdbc.sql("select * from privacy_identity where uid = ?").param(uid).query(ROW).list()
				: jdbc.sql("select * from privacy_identity where uai = ? order by last_name, first_name, uid limit 1000").param(uai).query(ROW).list();
		accessLog.record(operator, "READ", uid, uid != null ? "uid" : "uai=" + uai + " (" + found.size() + " personnes)");
		return found;
	}

	Optional<Identity> find(String uid) {
		return jdbc.sql("select * from privacy_identity where uid = ?").param(uid).query(ROW).optional();
	}

	@Transactional
	Identity depart(String uid, LocalDate departedOn, String operator) {
		if (departedOn.isAfter(retention.today())) {
			throw ProblemException.invalid("departedOn", "la date de départ « " + departedOn + " » est dans le futur");
		}
		int n = jdbc.sql("update privacy_identity set departed_on = ?, destroy_by = ?, updated_at = ? where uid = ?")
			.params(departedOn, retention.destroyBy(departedOn), Timestamp.from(Instant.now()), uid)
			.update();
		if (n == 0) {
			throw ProblemException.notFound("Identité inconnue", "Aucune identité d'UID « " + uid + " ».");
		}
		accessLog.record(operator, "DEPARTURE", uid, "départ le " + departedOn);
		return find(uid).orElseThrow();
	}

	/** The people whose destruction date is on or before {@code on}. */
	List<Identity> due(LocalDate on, int limit) {
		return jdbc.sql("select * from privacy_identity where destroy_by <= ? order by destroy_by, uid limit " + limit)
			.param(on).query(ROW).list();
	}
}
