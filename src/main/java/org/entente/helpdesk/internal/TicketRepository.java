package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;
import static org.entente.helpdesk.internal.Rows.name;
import static org.entente.helpdesk.internal.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * The tables {@code ticket} and {@code ticket_party} (the parties' index that list filters by party read, kept with
 * each routing and status), with JdbcClient; portable SQL (PostgreSQL and H2). What hangs from a ticket has its own
 * repository: {@link TicketHistory}, {@link ClockRepository}, {@link CommentRepository}, {@link AttachmentRepository},
 * {@link SatisfactionRepository}.
 */
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
				  sla_state, opened_at, updated_at, version, shared_between_networks, data_concerned, spare_available,
				  party_controls_element, request_type)
				values (:number, :kind, :establishment, :requester, :title, :description, :component, :assetId,
				  :intervention, :network, :funding, :criticality, :overridden, :priorityClass, :dataInvolved,
				  :status, :level, :parties, :toArbitrate, :explanation, :clause, :conventionVersion,
				  'OK', :openedAt, :openedAt, 0, :shared, :dataConcerned, :spare, :controls, :requestType)""")
			.param("requestType", t.requestType())
			.param("spare", t.spareAvailable())
			.param("controls", t.partyControlsElement())
			.param("dataConcerned", t.dataConcerned())
			.param("shared", t.sharedBetweenNetworks())
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

	Optional<Ticket> find(long id) {
		return jdbc.sql("select * from ticket where id = ?").param(id).query(TicketRepository::map).optional();
	}

	/** Same, locking the row for the rest of the transaction. */
	Optional<Ticket> lock(long id) {
		return jdbc.sql("select * from ticket where id = ? for update").param(id).query(TicketRepository::map).optional();
	}

	/** The tickets naming this asset, newest first (at most {@code limit}). */
	List<Ticket> byAsset(String assetId, int limit) {
		return jdbc.sql("select * from ticket where asset_id = ? order by id desc limit " + limit).param(assetId)
			.query(TicketRepository::map).list();
	}

	/** One page of tickets matching the where clause (built by {@link TicketQuery}), in the order given. */
	List<Ticket> page(TicketQuery.Sql fromWhere, String orderBy, int limit, long offset) {
		return jdbc.sql("select t.* from " + fromWhere.clause() + " " + orderBy + " limit " + limit
				+ " offset " + offset)
			.params(fromWhere.params())
			.query(TicketRepository::map)
			.list();
	}

	/** Stores a workflow move (see {@link Ticket#moveTo}): status, waiting reason, degraded mode, resolution and closure. */
	void updateStatus(Ticket t) {
		jdbc.sql("""
				update ticket set status = ?, waiting_reason = ?, degraded = ?, temporary_solution = ?, resolved_at = ?,
				  closed_at = ?, updated_at = ?, version = version + 1 where id = ?""")
			.params(t.status().name(), name(t.waitingReason()), t.degraded(), t.temporarySolution(), ts(t.resolvedAt()),
					ts(t.closedAt()), ts(t.updatedAt()), t.id())
			.update();
		jdbc.sql("update ticket_party set status = ? where ticket_id = ?").params(t.status().name(), t.id()).update();
	}

	/** Where to find the requester (V38): personal data, written at the report, null once destroyed. */
	void updateRequesterContact(long id, String contact) {
		jdbc.sql("update ticket set requester_contact = ? where id = ?").params(contact, id).update();
	}

	Optional<String> requesterContact(long id) {
		return jdbc.sql("select requester_contact from ticket where id = ?").param(id).query(String.class).optional();
	}

	void updateAsset(long id, String assetId) {
		jdbc.sql("update ticket set asset_id = ? where id = ?").params(assetId, id).update();
	}

	void updateRouting(long id, String component, InterventionKind intervention, Network network, Funding funding,
			boolean dataInvolved, Boolean sharedBetweenNetworks, Criticality criticality, Integer priorityClass,
			List<String> parties, TicketStatus status, boolean toArbitrate, String explanation, String clause,
			String conventionVersion, Instant now) {
		jdbc.sql("""
				update ticket set component = ?, intervention = ?, network = ?, funding = ?, data_involved = ?,
				  shared_between_networks = ?,
				  criticality = ?, priority_class = ?, parties = ?, to_arbitrate = ?, routing_explanation = ?,
				  routing_clause = ?, convention_version = ?, updated_at = ?, version = version + 1 where id = ?""")
			.params(component, intervention.name(), name(network), name(funding), dataInvolved, sharedBetweenNetworks,
					criticality.name(),
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

	/** The restoration conditions as the responsible agent records them, and when the commitment runs from. */
	void updateConditions(long id, Boolean spareAvailable, Boolean partyControlsElement, Instant restorationFrom,
			Instant now) {
		jdbc.sql("""
				update ticket set spare_available = ?, party_controls_element = ?, restoration_from = ?, updated_at = ?,
				  version = version + 1 where id = ?""")
			.params(spareAvailable, partyControlsElement, ts(restorationFrom), ts(now), id)
			.update();
	}

	/** The open tickets of a request type, oldest first (the spares view lists the spare orders). */
	List<Ticket> openOfRequestType(String requestType, int limit) {
		return jdbc.sql("select * from ticket where request_type = ? and status not in ('RESOLVED', 'CLOSED') order by opened_at, id limit "
				+ limit).param(requestType).query(TicketRepository::map).list();
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

	// Auto-closure

	List<Long> resolvedBefore(Instant before, int limit) {
		return jdbc.sql("select id from ticket where status = 'RESOLVED' and resolved_at <= ? order by resolved_at limit ?")
			.params(ts(before), limit)
			.query(Long.class)
			.list();
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
				instant(rs, "resolved_at"), instant(rs, "closed_at"), instant(rs, "updated_at"), rs.getInt("version"),
				rs.getObject("shared_between_networks", Boolean.class), rs.getString("data_concerned"),
				rs.getObject("spare_available", Boolean.class), rs.getObject("party_controls_element", Boolean.class),
				rs.getString("request_type"), instant(rs, "restoration_from"));
	}
}
