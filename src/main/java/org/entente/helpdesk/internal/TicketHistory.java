package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;
import static org.entente.helpdesk.internal.Rows.name;
import static org.entente.helpdesk.internal.Rows.ts;

import java.time.Instant;
import java.util.List;

import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Clocks.StatusChange;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code ticket_event}: a ticket's history, one line per step (who, when, what, why). Each line keeps its
 * text as message and arguments ({@code detail_words}, V112) next to the French it gives ({@code detail}), and a page
 * reads it in the reader's language ({@link #shown}); a line written before shows its French.
 */
@Repository
class TicketHistory {

	/** The width of {@code detail_words}: a longer text keeps only its French. */
	static final int WORDS = 10000;

	private final JdbcClient jdbc;
	private final StoredTexts texts;

	TicketHistory(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.texts = new StoredTexts(messages);
	}

	void add(long ticketId, Instant at, String actor, String type, TicketStatus from, TicketStatus to, StoredText detail) {
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, type, from_status, to_status, detail, detail_words) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, ts(at), actor, type, name(from), name(to), detail == null ? null : texts.french(detail),
					StoredTexts.json(detail, WORDS))
			.update();
	}

	/** The French a text gives, as the history stores it. */
	String french(StoredText text) {
		return text == null ? null : texts.french(text);
	}

	/** A ticket's history as a page shows it: each line in the reader's language. */
	List<TicketEvent> shown(long ticketId) {
		return of(ticketId).stream().map(e -> e.shownAs(texts.shown(e.detail(), e.words()))).toList();
	}

	List<TicketEvent> of(long ticketId) {
		return jdbc.sql("select * from ticket_event where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, i) -> new TicketEvent(rs.getLong("id"), rs.getLong("ticket_id"), instant(rs, "at"),
					rs.getString("actor"), rs.getString("type"), status(rs.getString("from_status")),
					status(rs.getString("to_status")), rs.getString("detail"), rs.getString("detail_words")))
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
