package org.entente.security.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.privacy.AnonymisedColumns;
import org.entente.privacy.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the security records: reporter of an incident, author of its steps, links, actions, of breach
 * records and attachments, of requisition records. The records stay (the RSSI's history of incidents); the person
 * becomes {@link DataSubject#ANONYMOUS} and their name, UID and addresses are cut out of their incidents' texts.
 */
@Component
class SecurityPersonalData extends AnonymisedColumns {

	/** Each column that names a person, as « table.column ». */
	static final List<String> COLUMNS = List.of("security_incident.reported_by", "security_incident_event.actor",
			"security_incident_link.added_by", "security_incident_action.done_by", "security_breach.recorded_by",
			"security_breach.notified_by", "security_breach_attachment.uploaded_by", "security_requisition.recorded_by",
			"security_requisition.answered_by", "security_requisition.account");

	SecurityPersonalData(JdbcClient jdbc) {
		super(jdbc, "SECURITY_REPORTERS", COLUMNS);
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		return jdbc.sql("select number, title, description, status, reported_at from security_incident where reported_by = ? order by id")
			.param(s.uid())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("kind", "securityIncident");
				m.put("number", rs.getString("number"));
				m.put("title", rs.getString("title"));
				m.put("description", rs.getString("description"));
				m.put("status", rs.getString("status"));
				m.put("reportedAt", rs.getTimestamp("reported_at").toInstant().toString());
				return m;
			})
			.list();
	}

	@Override
	public long destroy(DataSubject s) {
		long n = count(s);
		for (String trace : s.traces()) {
			// title_words (V51): the same title kept as message and arguments, what the reporter typed among them.
			jdbc.sql("update security_incident set title = replace(title, :t, :a), title_words = replace(title_words, :t, :a), "
					+ "description = replace(description, :t, :a) where reported_by = :u")
				.param("t", trace).param("a", DataSubject.ANONYMOUS).param("u", s.uid()).update();
			// text_words (V53): the same line kept as message and arguments, the reporter's name among them.
			jdbc.sql("update security_incident_event set text = replace(text, :t, :a), text_words = replace(text_words, :t, :a) "
					+ "where text like :p")
				.param("t", trace).param("a", DataSubject.ANONYMOUS).param("p", "%" + trace + "%").update();
		}
		super.destroy(s);
		return n;
	}
}
