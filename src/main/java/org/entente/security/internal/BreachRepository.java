package org.entente.security.internal;

import static org.entente.security.internal.IncidentRepository.instant;
import static org.entente.security.internal.IncidentRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The security_breach tables. */
@Repository
class BreachRepository {

	record AttachmentRow(long id, String filename, String contentType, int size, Instant uploadedAt, String uploadedBy) {
	}

	record ReminderRow(int afterMinutes, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	BreachRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Breach b) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into security_breach (incident_id, aware_at, notify_by, authority_by, nature, people, records, categories,
				  consequences, measures, contact, recorded_at, recorded_by, clause, convention_version, version)
				values (:incident, :aware, :notifyBy, :authorityBy, :nature, :people, :records, :categories, :consequences,
				  :measures, :contact, :recordedAt, :recordedBy, :clause, :version, 0)""")
			.param("incident", b.incidentId())
			.param("aware", ts(b.awareAt()))
			.param("notifyBy", ts(b.notifyBy()))
			.param("authorityBy", ts(b.authorityBy()))
			.param("nature", b.nature())
			.param("people", b.people())
			.param("records", b.records())
			.param("categories", b.categories())
			.param("consequences", b.consequences())
			.param("measures", b.measures())
			.param("contact", b.contact())
			.param("recordedAt", ts(b.recordedAt()))
			.param("recordedBy", b.recordedBy())
			.param("clause", b.clause())
			.param("version", b.conventionVersion())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Breach> find(long id) {
		return jdbc.sql("select * from security_breach where id = :id").param("id", id).query(BreachRepository::map).optional();
	}

	Optional<Breach> lock(long id) {
		return jdbc.sql("select * from security_breach where id = :id for update").param("id", id).query(BreachRepository::map).optional();
	}

	Optional<Breach> ofIncident(long incidentId) {
		return jdbc.sql("select * from security_breach where incident_id = :id order by id limit 1").param("id", incidentId)
			.query(BreachRepository::map).optional();
	}

	List<Breach> all(int limit, int offset) {
		return jdbc.sql("select * from security_breach order by aware_at desc, id desc limit :limit offset :offset")
			.param("limit", limit).param("offset", offset)
			.query(BreachRepository::map).list();
	}

	/** Breaches not yet notified, aware before {@code awareBefore}: candidates for a reminder. */
	List<Breach> unnotifiedAwareBefore(Instant awareBefore, int limit) {
		return jdbc.sql("select * from security_breach where notified_at is null and aware_at <= :t order by aware_at limit :limit")
			.param("t", ts(awareBefore)).param("limit", limit)
			.query(BreachRepository::map).list();
	}

	boolean markNotified(long id, Instant at, String by, String to, String lateReason) {
		return jdbc.sql("""
				update security_breach set notified_at = :at, notified_by = :by, notified_to = :to, late_reason = :reason,
				  version = version + 1 where id = :id and notified_at is null""")
			.param("at", ts(at)).param("by", by).param("to", to).param("reason", lateReason).param("id", id)
			.update() == 1;
	}

	void addAttachment(long breachId, String filename, String contentType, byte[] content, Instant at, String by) {
		jdbc.sql("""
				insert into security_breach_attachment (breach_id, filename, content_type, size, content, uploaded_at, uploaded_by)
				values (:b, :f, :t, :s, :c, :at, :by)""")
			.param("b", breachId).param("f", filename).param("t", contentType).param("s", content.length).param("c", content)
			.param("at", ts(at)).param("by", by)
			.update();
	}

	List<AttachmentRow> attachments(long breachId) {
		return jdbc.sql("select id, filename, content_type, size, uploaded_at, uploaded_by from security_breach_attachment where breach_id = :b order by id")
			.param("b", breachId)
			.query((rs, n) -> new AttachmentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), instant(rs, "uploaded_at"), rs.getString(6)))
			.list();
	}

	/** Records that the reminder after {@code minutes} was sent; false when another run already did. */
	boolean markReminded(long breachId, int minutes, Instant at) {
		if (jdbc.sql("select count(*) from security_breach_reminder where breach_id = :b and after_minutes = :m")
			.param("b", breachId).param("m", minutes).query(Long.class).single() > 0) {
			return false;
		}
		try {
			jdbc.sql("insert into security_breach_reminder (breach_id, after_minutes, sent_at) values (:b, :m, :at)")
				.param("b", breachId).param("m", minutes).param("at", ts(at)).update();
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			return false;
		}
	}

	List<ReminderRow> reminders(long breachId) {
		return jdbc.sql("select after_minutes, sent_at from security_breach_reminder where breach_id = :b order by after_minutes")
			.param("b", breachId)
			.query((rs, n) -> new ReminderRow(rs.getInt(1), instant(rs, "sent_at")))
			.list();
	}

	private static Breach map(ResultSet rs, int n) throws SQLException {
		long incident = rs.getLong("incident_id");
		Long incidentId = rs.wasNull() ? null : incident;
		int people = rs.getInt("people");
		Integer peopleValue = rs.wasNull() ? null : people;
		int records = rs.getInt("records");
		Integer recordsValue = rs.wasNull() ? null : records;
		return new Breach(rs.getLong("id"), incidentId, instant(rs, "aware_at"), instant(rs, "notify_by"),
				instant(rs, "authority_by"), rs.getString("nature"), peopleValue, recordsValue, rs.getString("categories"),
				rs.getString("consequences"), rs.getString("measures"), rs.getString("contact"), instant(rs, "recorded_at"),
				rs.getString("recorded_by"), instant(rs, "notified_at"), rs.getString("notified_by"), rs.getString("notified_to"),
				rs.getString("late_reason"), rs.getString("clause"), rs.getString("convention_version"), rs.getInt("version"));
	}
}
