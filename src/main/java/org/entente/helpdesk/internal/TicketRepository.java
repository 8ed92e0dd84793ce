package org.entente.helpdesk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
import org.entente.worktime.Criticality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tickets and everything hanging from them, with JdbcClient; portable SQL (PostgreSQL and H2). */
@Repository
class TicketRepository {

	private final JdbcClient jdbc;
	private final String nextNumberSql;

	TicketRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		String product;
		try (var c = dataSource.getConnection()) {
			product = c.getMetaData().getDatabaseProductName();
		}
		// The same sequence, in each database's syntax.
		this.nextNumberSql = product.startsWith("H2") ? "select next value for ticket_number_seq"
				: "select nextval('ticket_number_seq')";
	}

	/** Inserts the ticket with the next number and returns its id and number. */
	Ticket insert(Ticket t) {
		long sequence = jdbc.sql(nextNumberSql).query(Long.class).single();
		String number = number(sequence, t.openedAt());
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ticket (number, kind, establishment, requester, title, description, component, asset_id,
				  intervention, network, funding, criticality, criticality_overridden, priority_class, data_involved,
				  status, level, parties, to_arbitrate, routing_explanation, routing_clause, convention_version,
				  sla_state, opened_at, updated_at, version)
				values (:number, :kind, :establishment, :requester, :title, :description, :component, :assetId,
				  :intervention, :network, :funding, :criticality, :overridden, :priorityClass, :dataInvolved,
				  :status, :level, :parties, :toArbitrate, :explanation, :clause, :conventionVersion,
				  'OK', :openedAt, :openedAt, 0)""")
			.param("number", number)
			.param("kind", t.kind().name())
			.param("establishment", t.establishment())
			.param("requester", t.requester())
			.param("title", t.title())
			.param("description", t.description())
			.param("component", t.component())
			.param("assetId", t.assetId())
			.param("intervention", t.intervention().name())
			.param("network", name(t.network()))
			.param("funding", name(t.funding()))
			.param("criticality", t.criticality().name())
			.param("overridden", t.criticalityOverridden())
			.param("priorityClass", t.priorityClass())
			.param("dataInvolved", t.dataInvolved())
			.param("status", t.status().name())
			.param("level", t.level())
			.param("parties", Ticket.partiesColumn(t.parties()))
			.param("toArbitrate", t.toArbitrate())
			.param("explanation", t.routingExplanation())
			.param("clause", t.routingClause())
			.param("conventionVersion", t.conventionVersion())
			.param("openedAt", ts(t.openedAt()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertParties(id, t.parties(), t.status());
		return t.stored(id, number);
	}

	/** The ticket's rows in ticket_party, which list filters by party read (see {@link TicketQuery#toSql}). */
	private void insertParties(long ticketId, List<String> parties, TicketStatus status) {
		if (parties.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("insert into ticket_party (ticket_id, party, status) values ");
		List<Object> params = new java.util.ArrayList<>();
		for (String party : new java.util.LinkedHashSet<>(parties)) {
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?)");
			params.addAll(java.util.Arrays.asList(ticketId, party, status.name()));
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	/** The ticket's number, e.g. E-2026-000123: year of opening (Paris) and sequence number. */
	static String number(long sequence, Instant openedAt) {
		return String.format("E-%d-%06d", openedAt.atZone(java.time.ZoneId.of("Europe/Paris")).getYear(), sequence);
	}

	/** Inserts the clocks of a new ticket in one batch. */
	void insertClocks(long ticketId, List<Clocks.ClockView> views) {
		if (views.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(
				"insert into ticket_clock (ticket_id, clock, working_minutes, deadline, at_risk_at, stopped_at, paused) values ");
		List<Object> params = new java.util.ArrayList<>();
		for (Clocks.ClockView v : views) {
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
			params.addAll(java.util.Arrays.asList(ticketId, v.code(), (int) v.duration().toMinutes(), ts(v.deadline()),
					ts(v.atRiskAt()), ts(v.stoppedAt()), v.paused()));
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	Optional<Ticket> find(long id) {
		return jdbc.sql("select * from ticket where id = ?").param(id).query(TicketRepository::map).optional();
	}

	/** Same, locking the row for the rest of the transaction. */
	Optional<Ticket> lock(long id) {
		return jdbc.sql("select * from ticket where id = ? for update").param(id).query(TicketRepository::map).optional();
	}

	/** One page of tickets matching the where clause (built by {@link TicketQuery}), newest first. */
	/** The tickets naming this asset, newest first (at most {@code limit}). */
	List<Ticket> byAsset(String assetId, int limit) {
		return jdbc.sql("select * from ticket where asset_id = ? order by id desc limit " + limit).param(assetId)
			.query(TicketRepository::map).list();
	}

	List<Ticket> page(TicketQuery.Sql fromWhere, int limit, long offset) {
		return jdbc.sql("select t.* from " + fromWhere.clause() + " order by t.id desc limit " + limit
				+ " offset " + offset)
			.params(fromWhere.params())
			.query(TicketRepository::map)
			.list();
	}

	void updateStatus(long id, TicketStatus status, WaitingReason waitingReason, boolean degraded,
			String temporarySolution, Instant resolvedAt, Instant closedAt, Instant now) {
		jdbc.sql("""
				update ticket set status = ?, waiting_reason = ?, degraded = ?, temporary_solution = ?, resolved_at = ?,
				  closed_at = ?, updated_at = ?, version = version + 1 where id = ?""")
			.params(status.name(), name(waitingReason), degraded, temporarySolution, ts(resolvedAt), ts(closedAt),
					ts(now), id)
			.update();
		jdbc.sql("update ticket_party set status = ? where ticket_id = ?").params(status.name(), id).update();
	}

	void updateAsset(long id, String assetId) {
		jdbc.sql("update ticket set asset_id = ? where id = ?").params(assetId, id).update();
	}

	void updateRouting(long id, String component, InterventionKind intervention, Network network, Funding funding,
			boolean dataInvolved, Criticality criticality, Integer priorityClass, List<String> parties, TicketStatus status,
			boolean toArbitrate, String explanation, String clause, String conventionVersion, Instant now) {
		jdbc.sql("""
				update ticket set component = ?, intervention = ?, network = ?, funding = ?, data_involved = ?,
				  criticality = ?, priority_class = ?, parties = ?, to_arbitrate = ?, routing_explanation = ?,
				  routing_clause = ?, convention_version = ?, updated_at = ?, version = version + 1 where id = ?""")
			.params(component, intervention.name(), name(network), name(funding), dataInvolved, criticality.name(),
					priorityClass, Ticket.partiesColumn(parties), toArbitrate, explanation, clause, conventionVersion,
					ts(now), id)
			.update();
		jdbc.sql("delete from ticket_party where ticket_id = ?").param(id).update();
		insertParties(id, parties, status);
	}

	void updateCriticality(long id, Criticality criticality, Integer priorityClass, Instant now) {
		jdbc.sql("""
				update ticket set criticality = ?, criticality_overridden = true, priority_class = ?, updated_at = ?,
				  version = version + 1 where id = ?""")
			.params(criticality.name(), priorityClass, ts(now), id)
			.update();
	}

	void updateLevel(long id, int level, int handBacksAdded, Instant now) {
		jdbc.sql("update ticket set level = ?, hand_backs = hand_backs + ?, updated_at = ?, version = version + 1 where id = ?")
			.params(level, handBacksAdded, ts(now), id)
			.update();
	}

	void updateAssignee(long id, String assignee, Instant now) {
		jdbc.sql("update ticket set assignee = ?, updated_at = ?, version = version + 1 where id = ?")
			.params(assignee, ts(now), id)
			.update();
	}

	void touch(long id, Instant now) {
		jdbc.sql("update ticket set updated_at = ?, version = version + 1 where id = ?").params(ts(now), id).update();
	}

	void updateSlaState(long id, String state) {
		jdbc.sql("update ticket set sla_state = ? where id = ? and sla_state <> ?").params(state, id, state).update();
	}

	// History

	void addEvent(long ticketId, Instant at, String actor, String type, TicketStatus from, TicketStatus to,
			String detail) {
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, type, from_status, to_status, detail) values (?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, ts(at), actor, type, name(from), name(to), detail)
			.update();
	}

	List<TicketEvent> events(long ticketId) {
		return jdbc.sql("select * from ticket_event where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, i) -> new TicketEvent(rs.getLong("id"), rs.getLong("ticket_id"), instant(rs, "at"),
					rs.getString("actor"), rs.getString("type"), status(rs.getString("from_status")),
					status(rs.getString("to_status")), rs.getString("detail")))
			.list();
	}

	// Clocks

	record StoredClock(long ticketId, String clock, int workingMinutes, Instant deadline, Instant atRiskAt,
			Instant stoppedAt, boolean paused, Instant atRiskFired, Instant breachedFired) {
	}

	void saveClock(long ticketId, String clock, int workingMinutes, Instant deadline, Instant atRiskAt,
			Instant stoppedAt, boolean paused) {
		int updated = jdbc.sql("""
				update ticket_clock set working_minutes = ?, deadline = ?, at_risk_at = ?, stopped_at = ?, paused = ?
				where ticket_id = ? and clock = ?""")
			.params(workingMinutes, ts(deadline), ts(atRiskAt), ts(stoppedAt), paused, ticketId, clock)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into ticket_clock (ticket_id, clock, working_minutes, deadline, at_risk_at, stopped_at, paused)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(ticketId, clock, workingMinutes, ts(deadline), ts(atRiskAt), ts(stoppedAt), paused)
				.update();
		}
	}

	void deleteClocksExcept(long ticketId, List<String> keep) {
		if (keep.isEmpty()) {
			jdbc.sql("delete from ticket_clock where ticket_id = ?").param(ticketId).update();
			return;
		}
		jdbc.sql("delete from ticket_clock where ticket_id = :id and clock not in (:keep)")
			.param("id", ticketId)
			.param("keep", keep)
			.update();
	}

	List<StoredClock> clocks(long ticketId) {
		return jdbc.sql("select * from ticket_clock where ticket_id = ?").param(ticketId).query(TicketRepository::clock).list();
	}

	List<StoredClock> clocksOf(java.util.Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from ticket_clock where ticket_id in (:ids)")
			.param("ids", ticketIds)
			.query(TicketRepository::clock)
			.list();
	}

	/** Running clocks whose 75 % point has passed and that have not fired it yet. */
	List<StoredClock> clocksToWarn(Instant now, int limit) {
		return jdbc.sql("""
				select * from ticket_clock where stopped_at is null and paused = false and at_risk_fired is null
				  and at_risk_at <= ? order by at_risk_at limit ?""")
			.params(ts(now), limit)
			.query(TicketRepository::clock)
			.list();
	}

	List<StoredClock> clocksBreached(Instant now, int limit) {
		return jdbc.sql("""
				select * from ticket_clock where stopped_at is null and paused = false and breached_fired is null
				  and deadline <= ? order by deadline limit ?""")
			.params(ts(now), limit)
			.query(TicketRepository::clock)
			.list();
	}

	/** Marks the 75 % event fired; false if another run already did (idempotence in the database). */
	boolean markAtRiskFired(long ticketId, String clock, Instant now) {
		return jdbc.sql("update ticket_clock set at_risk_fired = ? where ticket_id = ? and clock = ? and at_risk_fired is null")
			.params(ts(now), ticketId, clock)
			.update() == 1;
	}

	boolean markBreachedFired(long ticketId, String clock, Instant now) {
		return jdbc.sql("update ticket_clock set breached_fired = ?, at_risk_fired = coalesce(at_risk_fired, ?) where ticket_id = ? and clock = ? and breached_fired is null")
			.params(ts(now), ts(now), ticketId, clock)
			.update() == 1;
	}

	// Auto-closure

	List<Long> resolvedBefore(Instant before, int limit) {
		return jdbc.sql("select id from ticket where status = 'RESOLVED' and resolved_at <= ? order by resolved_at limit ?")
			.params(ts(before), limit)
			.query(Long.class)
			.list();
	}

	// Comments

	record Comment(long id, String author, String body, Instant createdAt) {
	}

	long addComment(long ticketId, String author, String body, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into ticket_comment (ticket_id, author, body, created_at) values (:t, :a, :b, :at)")
			.param("t", ticketId).param("a", author).param("b", body).param("at", ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Comment> comments(long ticketId) {
		return jdbc.sql("select * from ticket_comment where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, i) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
					instant(rs, "created_at")))
			.list();
	}

	// Attachments

	record AttachmentInfo(long id, long ticketId, String filename, String contentType, int size, String uploadedBy,
			Instant uploadedAt) {
	}

	long addAttachment(long ticketId, String filename, String contentType, byte[] content, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ticket_attachment (ticket_id, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
				values (:t, :f, :c, :s, :d, :b, :at)""")
			.param("t", ticketId).param("f", filename).param("c", contentType).param("s", content.length)
			.param("d", content).param("b", by).param("at", ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<AttachmentInfo> attachments(long ticketId) {
		return jdbc.sql("select id, ticket_id, filename, content_type, size_bytes, uploaded_by, uploaded_at from ticket_attachment where ticket_id = ? order by id")
			.param(ticketId)
			.query(TicketRepository::attachment)
			.list();
	}

	Optional<AttachmentInfo> attachment(long ticketId, long id) {
		return jdbc.sql("select id, ticket_id, filename, content_type, size_bytes, uploaded_by, uploaded_at from ticket_attachment where ticket_id = ? and id = ?")
			.params(ticketId, id)
			.query(TicketRepository::attachment)
			.optional();
	}

	byte[] attachmentContent(long id) {
		return jdbc.sql("select content from ticket_attachment where id = ?").param(id).query((rs, i) -> rs.getBytes(1)).single();
	}

	// Satisfaction

	record Satisfaction(int rating, String comment, String answeredBy, Instant answeredAt) {
	}

	Optional<Satisfaction> satisfaction(long ticketId) {
		return jdbc.sql("select * from ticket_satisfaction where ticket_id = ?")
			.param(ticketId)
			.query((rs, i) -> new Satisfaction(rs.getInt("rating"), rs.getString("comment"), rs.getString("answered_by"),
					instant(rs, "answered_at")))
			.optional();
	}

	void saveSatisfaction(long ticketId, int rating, String comment, String by, Instant at) {
		jdbc.sql("insert into ticket_satisfaction (ticket_id, rating, comment, answered_by, answered_at) values (?, ?, ?, ?, ?)")
			.params(ticketId, rating, comment, by, ts(at))
			.update();
	}

	// Saved filters

	record SavedFilter(long id, String name, String query) {
	}

	List<SavedFilter> savedFilters(String username) {
		return jdbc.sql("select id, name, query from saved_filter where username = ? order by name")
			.param(username)
			.query((rs, i) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	void saveFilter(String username, String name, String query) {
		jdbc.sql("delete from saved_filter where username = ? and name = ?").params(username, name).update();
		jdbc.sql("insert into saved_filter (username, name, query) values (?, ?, ?)").params(username, name, query).update();
	}

	void deleteFilter(String username, long id) {
		jdbc.sql("delete from saved_filter where username = ? and id = ?").params(username, id).update();
	}

	// Mapping

	static Ticket map(ResultSet rs, int row) throws SQLException {
		String network = rs.getString("network");
		String funding = rs.getString("funding");
		String waiting = rs.getString("waiting_reason");
		int priority = rs.getInt("priority_class");
		Integer priorityClass = rs.wasNull() ? null : priority;
		return new Ticket(rs.getLong("id"), rs.getString("number"), TicketKind.valueOf(rs.getString("kind")),
				rs.getString("establishment"), rs.getString("requester"), rs.getString("title"),
				rs.getString("description"), rs.getString("component"), rs.getString("asset_id"),
				InterventionKind.valueOf(rs.getString("intervention")), network == null ? null : Network.valueOf(network),
				funding == null ? null : Funding.valueOf(funding), Criticality.valueOf(rs.getString("criticality")),
				rs.getBoolean("criticality_overridden"), priorityClass, rs.getBoolean("data_involved"),
				TicketStatus.valueOf(rs.getString("status")), waiting == null ? null : WaitingReason.valueOf(waiting),
				rs.getBoolean("degraded"), rs.getString("temporary_solution"), rs.getInt("level"),
				Ticket.partiesOf(rs.getString("parties")), rs.getBoolean("to_arbitrate"),
				rs.getString("routing_explanation"), rs.getString("routing_clause"), rs.getString("convention_version"),
				rs.getString("assignee"), rs.getInt("hand_backs"), rs.getString("sla_state"), instant(rs, "opened_at"),
				instant(rs, "resolved_at"), instant(rs, "closed_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static StoredClock clock(ResultSet rs, int row) throws SQLException {
		return new StoredClock(rs.getLong("ticket_id"), rs.getString("clock"), rs.getInt("working_minutes"),
				instant(rs, "deadline"), instant(rs, "at_risk_at"), instant(rs, "stopped_at"), rs.getBoolean("paused"),
				instant(rs, "at_risk_fired"), instant(rs, "breached_fired"));
	}

	private static AttachmentInfo attachment(ResultSet rs, int row) throws SQLException {
		return new AttachmentInfo(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
				instant(rs, "uploaded_at"));
	}

	private static TicketStatus status(String s) {
		return s == null ? null : TicketStatus.valueOf(s);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
