package org.entente.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The security_incident tables. */
@Repository
class IncidentRepository {

	record InformRow(long id, long incidentId, String party, String address, String reason, String dueOn,
			String status, Instant sentAt) {
	}

	record EventRow(long id, Instant at, String actor, String type, String fromStatus, String toStatus, String text,
			String textWords) {

		/** The same line with {@code shown}, its text in the reader's language. */
		EventRow shown(String shown) {
			return new EventRow(id, at, actor, type, fromStatus, toStatus, shown, textWords);
		}
	}

	record ActionRow(long id, String description, String owner, LocalDate dueDate, Instant doneAt, String doneBy) {
	}

	record LinkRow(String kind, long ref, boolean compromised, Instant addedAt, String addedBy) {
	}

	record PointRow(String id, String title, String explanation) {
	}

	private final JdbcClient jdbc;

	IncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Incident i) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into security_incident (status, title, description, establishments, academy_level, component,
				  other_components, asset_id, network, detected_at, personal_data, minors, reported_at, reported_by,
				  reporter_role, reporter_party, perimeter, handled_by, clause, explanation, convention_version, updated_at, version)
				values (:status, :title, :description, :establishments, :academyLevel, :component, :other, :assetId, :network,
				  :detectedAt, :personalData, :minors, :reportedAt, :reportedBy, :reporterRole, :reporterParty, :perimeter,
				  :handledBy, :clause, :explanation, :conventionVersion, :reportedAt, 0)""")
			.param("status", i.status().name())
			.param("title", i.title())
			.param("description", i.description())
			.param("establishments", Incident.join(i.establishments()))
			.param("academyLevel", i.academyLevel())
			.param("component", i.component())
			.param("other", Incident.join(i.otherComponents()))
			.param("assetId", i.assetId())
			.param("network", i.network())
			.param("detectedAt", ts(i.detectedAt()))
			.param("personalData", i.personalData())
			.param("minors", i.minors())
			.param("reportedAt", ts(i.reportedAt()))
			.param("reportedBy", i.reportedBy())
			.param("reporterRole", i.reporterRole())
			.param("reporterParty", i.reporterParty())
			.param("perimeter", i.perimeter())
			.param("handledBy", i.handledBy())
			.param("clause", i.clause())
			.param("explanation", i.explanation())
			.param("conventionVersion", i.conventionVersion())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		String number = "SSI-" + OffsetDateTime.ofInstant(i.reportedAt(), ZoneOffset.UTC).getYear() + "-" + String.format("%05d", id);
		jdbc.sql("update security_incident set number = :n where id = :id").param("n", number).param("id", id).update();
		return id;
	}

	Optional<Incident> find(long id) {
		return jdbc.sql("select * from security_incident where id = :id").param("id", id).query(IncidentRepository::map).optional();
	}

	/** For update: the row locked, so that two steps on one incident follow each other. */
	Optional<Incident> lock(long id) {
		return jdbc.sql("select * from security_incident where id = :id for update").param("id", id).query(IncidentRepository::map).optional();
	}

	/**
	 * The incidents a viewer may see, newest first: {@code all} (the RSSI), or those handled by {@code parties},
	 * or with personal data ({@code dataProtection}), or reported by {@code reporter}.
	 */
	List<Incident> visible(boolean all, List<String> parties, boolean dataProtection, String reporter, String status,
			String handledBy, int limit, int offset) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (!all) {
			where.append(" and (reported_by = :reporter");
			if (!parties.isEmpty()) {
				where.append(" or handled_by in (:parties) or exists (select 1 from security_incident_point p where p.incident_id = i.id)");
			}
			if (dataProtection) {
				where.append(" or personal_data or breach");
			}
			where.append(")");
		}
		if (status != null) {
			where.append(" and status = :status");
		}
		if (handledBy != null) {
			where.append(" and handled_by = :handledBy");
		}
		var spec = jdbc.sql("select * from security_incident i" + where + " order by id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset);
		if (!all) {
			spec = spec.param("reporter", reporter);
			if (!parties.isEmpty()) {
				spec = spec.param("parties", parties);
			}
		}
		if (status != null) {
			spec = spec.param("status", status);
		}
		if (handledBy != null) {
			spec = spec.param("handledBy", handledBy);
		}
		return spec.query(IncidentRepository::map).list();
	}

	boolean hasPoints(long id) {
		return jdbc.sql("select count(*) from security_incident_point where incident_id = :id").param("id", id).query(Long.class).single() > 0;
	}

	void qualify(long id, IncidentCategory category, Severity severity, boolean breach, Instant now) {
		jdbc.sql("""
				update security_incident set category = :c, severity = :s, breach = :b, status = 'QUALIFIED',
				  updated_at = :now, version = version + 1 where id = :id""")
			.param("c", category.name()).param("s", severity.name()).param("b", breach).param("now", ts(now)).param("id", id)
			.update();
	}

	void status(long id, IncidentStatus to, String lessons, Instant now) {
		jdbc.sql("""
				update security_incident set status = :to, lessons_learned = coalesce(cast(:lessons as varchar(10000)), lessons_learned),
				  closed_at = coalesce(cast(:closedAt as timestamp with time zone), closed_at),
				  updated_at = :now, version = version + 1 where id = :id""")
			.param("to", to.name()).param("lessons", lessons).param("closedAt", to == IncidentStatus.CLOSED ? ts(now) : null)
			.param("now", ts(now)).param("id", id)
			.update();
	}

	void touch(long id, Instant now) {
		jdbc.sql("update security_incident set updated_at = :now, version = version + 1 where id = :id")
			.param("now", ts(now)).param("id", id).update();
	}

	/** An incident's texts read in the reader's language (V51): null where there are none (an incident reported before). */
	record Words(String title, String explanation) {
	}

	/** Keeps the words of the default title and of the decision, in the transaction of the report. */
	void keepWords(long id, StoredText title, StoredText explanation) {
		jdbc.sql("update security_incident set title_words = :t, explanation_words = :e where id = :id")
			.param("t", StoredTexts.json(title, 4000)).param("e", StoredTexts.json(explanation, 10000)).param("id", id).update();
	}

	Words words(long id) {
		return jdbc.sql("select title_words, explanation_words from security_incident where id = :id").param("id", id)
			.query((rs, n) -> new Words(rs.getString(1), rs.getString(2))).optional().orElse(new Words(null, null));
	}

	void addPoint(long id, PerimeterDecision.Point p) {
		jdbc.sql("insert into security_incident_point (incident_id, point_id, title, explanation) values (:id, :p, :t, :e)")
			.param("id", id).param("p", p.id()).param("t", p.title()).param("e", p.explanation()).update();
	}

	List<PointRow> points(long id) {
		return jdbc.sql("select point_id, title, explanation from security_incident_point where incident_id = :id order by point_id")
			.param("id", id)
			.query((rs, n) -> new PointRow(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	long addInform(long id, String party, String address, String reason, String dueOn) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into security_incident_inform (incident_id, party, address, reason, due_on, status)
				values (:id, :party, :address, :reason, :dueOn, 'PENDING')""")
			.param("id", id).param("party", party).param("address", address).param("reason", reason).param("dueOn", dueOn)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void informSent(long informId, Instant at, String mailId) {
		jdbc.sql("update security_incident_inform set status = 'SENT', sent_at = :at, mail_id = :mail where id = :id")
			.param("at", ts(at)).param("mail", mailId).param("id", informId).update();
	}

	List<InformRow> informs(long id) {
		return jdbc.sql("select * from security_incident_inform where incident_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new InformRow(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("party"),
					rs.getString("address"), rs.getString("reason"), rs.getString("due_on"), rs.getString("status"),
					instant(rs, "sent_at")))
			.list();
	}

	void addEvent(long id, Instant at, String actor, String type, IncidentStatus from, IncidentStatus to, String text) {
		addEvent(id, at, actor, type, from, to, text, null);
	}

	/** A history line, {@code text} its French and {@code words} the same kept as message and arguments (V53). */
	void addEvent(long id, Instant at, String actor, String type, IncidentStatus from, IncidentStatus to, String text,
			StoredText words) {
		jdbc.sql("""
				insert into security_incident_event (incident_id, at, actor, type, from_status, to_status, text, text_words)
				values (:id, :at, :actor, :type, :from, :to, :text, :words)""")
			.param("id", id).param("at", ts(at)).param("actor", actor).param("type", type)
			.param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name()).param("text", text)
			.param("words", words == null ? null : StoredTexts.json(words, 10000))
			.update();
	}

	/** The kept words of the titles of the incidents {@code ids} (V51), by id; an incident without any is left out. */
	Map<Long, String> titleWords(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, title_words from security_incident where title_words is not null and id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	List<EventRow> events(long id) {
		return jdbc.sql("select * from security_incident_event where incident_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new EventRow(rs.getLong("id"), instant(rs, "at"), rs.getString("actor"), rs.getString("type"),
					rs.getString("from_status"), rs.getString("to_status"), rs.getString("text"),
					rs.getString("text_words")))
			.list();
	}

	long addAction(long id, String description, String owner, LocalDate due) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into security_incident_action (incident_id, description, owner, due_date) values (:id, :d, :o, :due)")
			.param("id", id).param("d", description).param("o", owner).param("due", due)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean actionDone(long id, long actionId, String by, Instant at) {
		return jdbc.sql("""
				update security_incident_action set done_at = :at, done_by = :by
				where id = :action and incident_id = :id and done_at is null""")
			.param("at", ts(at)).param("by", by).param("action", actionId).param("id", id)
			.update() == 1;
	}

	List<ActionRow> actions(long id) {
		return jdbc.sql("select * from security_incident_action where incident_id = :id order by due_date, id")
			.param("id", id)
			.query((rs, n) -> new ActionRow(rs.getLong("id"), rs.getString("description"), rs.getString("owner"),
					rs.getObject("due_date", LocalDate.class), instant(rs, "done_at"), rs.getString("done_by")))
			.list();
	}

	/** Deletes the links to desk tickets the desk erased (their retention ended); the incidents stay. */
	int forgetTickets(java.util.List<Long> ticketIds) {
		return ticketIds.isEmpty() ? 0
				: jdbc.sql("delete from security_incident_link where kind = 'TICKET' and ref in (:ids)").param("ids", ticketIds).update();
	}

	boolean addLink(long id, String kind, long ref, boolean compromised, String by, Instant at) {
		if (jdbc.sql("select count(*) from security_incident_link where incident_id = :id and kind = :k and ref = :r")
			.param("id", id).param("k", kind).param("r", ref).query(Long.class).single() > 0) {
			return false;
		}
		jdbc.sql("""
				insert into security_incident_link (incident_id, kind, ref, compromised, added_at, added_by)
				values (:id, :k, :r, :c, :at, :by)""")
			.param("id", id).param("k", kind).param("r", ref).param("c", compromised).param("at", ts(at)).param("by", by)
			.update();
		return true;
	}

	List<LinkRow> links(long id) {
		return jdbc.sql("select * from security_incident_link where incident_id = :id order by kind, ref")
			.param("id", id)
			.query((rs, n) -> new LinkRow(rs.getString("kind"), rs.getLong("ref"), rs.getBoolean("compromised"),
					instant(rs, "added_at"), rs.getString("added_by")))
			.list();
	}

	/** The open incidents that name this asset as compromised. */
	List<Incident> compromising(long assetId) {
		return jdbc.sql("""
				select i.* from security_incident i join security_incident_link l on l.incident_id = i.id
				where l.kind = 'ASSET' and l.ref = :asset and l.compromised and i.status <> 'CLOSED' order by i.id desc""")
			.param("asset", assetId)
			.query(IncidentRepository::map)
			.list();
	}

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Incident map(ResultSet rs, int n) throws SQLException {
		String category = rs.getString("category");
		String severity = rs.getString("severity");
		long asset = rs.getLong("asset_id");
		Long assetId = rs.wasNull() ? null : asset;
		boolean minors = rs.getBoolean("minors");
		Boolean minorsValue = rs.wasNull() ? null : minors;
		boolean breach = rs.getBoolean("breach");
		Boolean breachValue = rs.wasNull() ? null : breach;
		return new Incident(rs.getLong("id"), rs.getString("number"), IncidentStatus.valueOf(rs.getString("status")),
				rs.getString("title"), rs.getString("description"), Incident.split(rs.getString("establishments")),
				rs.getBoolean("academy_level"), rs.getString("component"), Incident.split(rs.getString("other_components")),
				assetId, rs.getString("network"), instant(rs, "detected_at"), rs.getBoolean("personal_data"), minorsValue,
				instant(rs, "reported_at"), rs.getString("reported_by"), rs.getString("reporter_role"),
				rs.getString("reporter_party"), rs.getString("perimeter"), rs.getString("handled_by"), rs.getString("clause"),
				rs.getString("explanation"), rs.getString("convention_version"),
				category == null ? null : IncidentCategory.valueOf(category), severity == null ? null : Severity.valueOf(severity),
				breachValue, rs.getString("lessons_learned"), instant(rs, "closed_at"), instant(rs, "updated_at"),
				rs.getInt("version"));
	}
}
