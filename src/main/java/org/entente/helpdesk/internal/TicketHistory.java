package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;
import static org.entente.helpdesk.internal.Rows.name;
import static org.entente.helpdesk.internal.Rows.ts;

import java.time.Instant;
import java.util.List;

import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Clocks.StatusChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code ticket_event}: a ticket's history, one line per step (who, when, what, why). */
@Repository
class TicketHistory {

	private final JdbcClient jdbc;

	TicketHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long ticketId, Instant at, String actor, String type, TicketStatus from, TicketStatus to, String detail) {
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, type, from_status, to_status, detail) values (?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, ts(at), actor, type, name(from), name(to), detail)
			.update();
	}

	List<TicketEvent> of(long ticketId) {
		return jdbc.sql("select * from ticket_event where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, i) -> new TicketEvent(rs.getLong("id"), rs.getLong("ticket_id"), instant(rs, "at"),
					rs.getString("actor"), rs.getString("type"), status(rs.getString("from_status")),
					status(rs.getString("to_status")), rs.getString("detail")))
			.list();
	}

	/** The status changes of a ticket, oldest first, as the clocks read them. */
	List<StatusChange> statusChanges(long ticketId) {
		return of(ticketId).stream().filter(e -> e.toStatus() != null).map(e -> new StatusChange(e.at(), e.toStatus())).toList();
	}

	private static TicketStatus status(String s) {
		return s == null ? null : TicketStatus.valueOf(s);
	}
}
