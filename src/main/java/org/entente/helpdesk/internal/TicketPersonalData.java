package org.entente.helpdesk.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the desk holds on a person: tickets they asked for, comments, attachments and survey answers they wrote,
 * steps they took, saved filters. When the person's retention ends the tickets stay, anonymised, for the statistics:
 * the person becomes {@link DataSubject#ANONYMOUS}, their contact (V38) is cleared, their comments' text and survey comments are blanked, their
 * attachments and filters deleted, and their name, UID and addresses are cut out of the texts of their tickets.
 */
@Component
class TicketPersonalData implements PersonalDataHolder {

	static final String BLANKED = "[supprimé : auteur·ice parti·e]";

	private final JdbcClient jdbc;

	TicketPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String category() {
		return "TICKET_PERSONAL_DATA";
	}

	@Override
	public List<String> columns() {
		return List.of("ticket.requester", "ticket.requester_contact", "ticket.assignee", "ticket_event.actor", "ticket_comment.author",
				"ticket_attachment.uploaded_by", "ticket_satisfaction.answered_by", "saved_filter.username");
	}

	@Override
	public long count(DataSubject s) {
		return jdbc.sql("""
				select (select count(*) from ticket where requester = :u or assignee = :u)
				     + (select count(*) from ticket_comment where author = :u)
				     + (select count(*) from ticket_attachment where uploaded_by = :u)
				     + (select count(*) from ticket_satisfaction where answered_by = :u)
				     + (select count(*) from ticket_event where actor = :u)
				     + (select count(*) from saved_filter where username = :u)""")
			.param("u", s.uid()).query(Long.class).single();
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		List<Map<String, Object>> out = new java.util.ArrayList<>(jdbc.sql("""
				select number, title, description, establishment, status, opened_at, requester_contact from ticket where requester = ? order by id""")
			.param(s.uid())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("kind", "ticket");
				m.put("number", rs.getString("number"));
				m.put("title", rs.getString("title"));
				m.put("description", rs.getString("description"));
				m.put("establishment", rs.getString("establishment"));
				m.put("status", rs.getString("status"));
				m.put("requesterContact", rs.getString("requester_contact"));
				m.put("openedAt", rs.getTimestamp("opened_at").toInstant().toString());
				return m;
			}).list());
		out.addAll(jdbc.sql("""
				select t.number, c.body, c.created_at from ticket_comment c join ticket t on t.id = c.ticket_id
				where c.author = ? order by c.id""")
			.param(s.uid())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("kind", "comment");
				m.put("ticket", rs.getString("number"));
				m.put("body", rs.getString("body"));
				m.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
				return m;
			}).list());
		out.addAll(jdbc.sql("""
				select t.number, a.filename, a.size_bytes from ticket_attachment a join ticket t on t.id = a.ticket_id
				where a.uploaded_by = ? order by a.id""")
			.param(s.uid())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("kind", "attachment");
				m.put("ticket", rs.getString("number"));
				m.put("filename", rs.getString("filename"));
				m.put("sizeBytes", rs.getInt("size_bytes"));
				return m;
			}).list());
		return out;
	}

	@Override
	public long destroy(DataSubject s) {
		long n = count(s);
		String u = s.uid();
		String a = DataSubject.ANONYMOUS;
		String mine = "(select id from ticket where requester = :u)";
		for (String trace : s.traces()) {
			jdbc.sql("update ticket set title = replace(title, :t, :a), description = replace(description, :t, :a), "
					+ "temporary_solution = replace(temporary_solution, :t, :a) where requester = :u")
				.param("t", trace).param("a", a).param("u", u).update();
			jdbc.sql("update ticket_comment set body = replace(body, :t, :a) where ticket_id in " + mine)
				.param("t", trace).param("a", a).param("u", u).update();
			jdbc.sql("update ticket_event set detail = replace(detail, :t, :a) where detail like :p")
				.param("t", trace).param("a", a).param("p", "%" + trace + "%").update();
			// The same names among a line's kept words (V112), which a reader in another language is shown.
			jdbc.sql("update ticket_event set detail_words = replace(detail_words, :t, :a) where detail_words like :p")
				.param("t", trace).param("a", a).param("p", "%" + trace + "%").update();
			jdbc.sql("update ticket_satisfaction set comment = replace(comment, :t, :a) where comment like :p")
				.param("t", trace).param("a", a).param("p", "%" + trace + "%").update();
		}
		jdbc.sql("update ticket_comment set body = :b, author = :a where author = :u").param("b", BLANKED).param("a", a).param("u", u).update();
		jdbc.sql("delete from ticket_attachment where uploaded_by = :u").param("u", u).update();
		jdbc.sql("update ticket_satisfaction set answered_by = :a, comment = null where answered_by = :u").param("a", a).param("u", u).update();
		jdbc.sql("update ticket_event set actor = :a where actor = :u").param("a", a).param("u", u).update();
		jdbc.sql("update ticket set assignee = :a where assignee = :u").param("a", a).param("u", u).update();
		jdbc.sql("update ticket set requester_contact = null where requester = :u").param("u", u).update();
		jdbc.sql("update ticket set requester = :a where requester = :u").param("a", a).param("u", u).update();
		jdbc.sql("delete from saved_filter where username = :u").param("u", u).update();
		return n;
	}
}
