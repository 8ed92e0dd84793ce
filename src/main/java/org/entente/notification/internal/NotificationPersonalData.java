package org.entente.notification.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails sent to a person (their address among the recipients) and the notices posted to them, and the person
 * named in the subject or title of what others received. The trace of a mail sent stays, without the person; their
 * notices are deleted.
 */
@Component
class NotificationPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	NotificationPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String category() {
		return "NOTIFICATIONS";
	}

	@Override
	public List<String> columns() {
		return List.of("mail_delivery.recipients", "in_app_notification.recipient");
	}

	@Override
	public long count(DataSubject s) {
		long n = jdbc.sql("select count(*) from in_app_notification where recipient = ?").param(s.uid()).query(Long.class).single();
		for (String address : s.addresses()) {
			n += jdbc.sql("select count(*) from mail_delivery where lower(recipients) like ?").param("%" + address.toLowerCase() + "%")
				.query(Long.class).single();
		}
		return n;
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		List<Map<String, Object>> out = new java.util.ArrayList<>();
		for (String address : s.addresses()) {
			out.addAll(jdbc.sql("select subject, category, sent_at from mail_delivery where lower(recipients) like ? order by sent_at")
				.param("%" + address.toLowerCase() + "%")
				.query((rs, n) -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("kind", "mail");
					m.put("to", address);
					m.put("subject", rs.getString("subject"));
					m.put("category", rs.getString("category"));
					java.sql.Timestamp sent = rs.getTimestamp("sent_at"); // empty while only claimed
					m.put("sentAt", sent == null ? null : sent.toInstant().toString());
					return m;
				}).list());
		}
		out.addAll(jdbc.sql("select title, created_at from in_app_notification where recipient = ? order by id").param(s.uid())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("kind", "notice");
				m.put("title", rs.getString("title"));
				m.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
				return m;
			}).list());
		return out;
	}

	@Override
	public long destroy(DataSubject s) {
		long n = count(s);
		jdbc.sql("delete from in_app_notification where recipient = ?").param(s.uid()).update();
		// The person named in what others received (a ticket's or an incident's title in the subject).
		for (String trace : s.traces()) {
			jdbc.sql("update mail_delivery set subject = replace(subject, ?, ?) where subject like ?")
				.params(trace, DataSubject.ANONYMOUS, "%" + trace + "%").update();
			jdbc.sql("update in_app_notification set title = replace(title, ?, ?) where title like ?")
				.params(trace, DataSubject.ANONYMOUS, "%" + trace + "%").update();
			// The same names among a title's kept words (V4), which a reader in another language is shown.
			jdbc.sql("update in_app_notification set title_words = replace(title_words, ?, ?) where title_words like ?")
				.params(trace, DataSubject.ANONYMOUS, "%" + trace + "%").update();
		}
		for (String address : s.addresses()) {
			String like = "%" + address.toLowerCase() + "%";
			jdbc.sql("update mail_delivery set recipients = replace(lower(recipients), ?, ?) where lower(recipients) like ?")
				.params(address.toLowerCase(), DataSubject.ANONYMOUS, like).update();
		}
		return n;
	}
}
