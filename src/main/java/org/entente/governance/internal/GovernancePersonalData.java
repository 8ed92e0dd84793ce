package org.entente.governance.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.privacy.AnonymisedColumns;
import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in governance. A named committee member (found by mail or by name, the way the parties typed them in)
 * is deleted: the composition is current, and a departed person no longer sits; so is their invitation to a meeting
 * still planned. The invitee of a past meeting stays, anonymised, so that its record keeps how many were invited and
 * from which party. Who recorded a meeting, a decision,
 * a notice, a payment or an answer becomes {@link DataSubject#ANONYMOUS}, as in the other registers, and the
 * person's name, UID and addresses are cut out of agendas, minutes and decisions.
 */
@Component
class GovernancePersonalData extends AnonymisedColumns {

	static final List<String> RECORDED_BY = List.of("gov_member.created_by", "gov_meeting.created_by",
			"gov_decision.recorded_by", "gov_termination_notice.recorded_by", "gov_ent_payment.recorded_by",
			"gov_point_answer.recorded_by");

	static final String MEMBER = "from gov_member where lower(email) in (:addresses) or lower(name) in (:names)";
	static final String INVITEE = "from gov_meeting_invitee where lower(email) in (:addresses) or lower(name) in (:names)";
	static final String PLANNED_INVITEE = "from gov_meeting_invitee where meeting_id in (select id from gov_meeting where status = 'PLANNED') "
			+ "and (lower(email) in (:addresses) or lower(name) in (:names))";

	GovernancePersonalData(JdbcClient jdbc) {
		super(jdbc, "GOVERNANCE_PEOPLE", RECORDED_BY);
	}

	@Override
	public List<String> columns() {
		List<String> all = new ArrayList<>(anonymised());
		all.addAll(List.of("gov_member.email", "gov_member.name", "gov_meeting_invitee.email", "gov_meeting_invitee.name"));
		return all;
	}

	@Override
	public long count(DataSubject s) {
		return super.count(s) + PersonalDataColumns.named(jdbc, "select count(*) " + MEMBER, s).query(Long.class).single()
				+ PersonalDataColumns.named(jdbc, "select count(*) " + INVITEE, s).query(Long.class).single();
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		List<Map<String, Object>> out = new ArrayList<>(PersonalDataColumns.named(jdbc,
				"select committee_code, name, email, party, role " + MEMBER + " order by id", s).query((rs, n) -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("kind", "committeeMember");
					m.put("committee", rs.getString("committee_code"));
					m.put("name", rs.getString("name"));
					m.put("email", rs.getString("email"));
					m.put("party", rs.getString("party"));
					m.put("role", rs.getString("role"));
					return m;
				}).list());
		out.addAll(PersonalDataColumns.named(jdbc, "select meeting_id, name, email, party " + INVITEE + " order by id", s)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("kind", "meetingInvitation");
				m.put("meeting", rs.getLong("meeting_id"));
				m.put("name", rs.getString("name"));
				m.put("email", rs.getString("email"));
				m.put("party", rs.getString("party"));
				return m;
			}).list());
		out.addAll(super.describe(s));
		return out;
	}

	@Override
	public long destroy(DataSubject s) {
		long n = count(s);
		PersonalDataColumns.named(jdbc, "delete " + MEMBER, s).update();
		// A meeting still to come does not convoke a departed person; a past one keeps its invitee, anonymised, each
		// with a distinct address (a meeting's invitees are unique by address).
		PersonalDataColumns.named(jdbc, "delete " + PLANNED_INVITEE, s).update();
		for (Long id : PersonalDataColumns.named(jdbc, "select id " + INVITEE, s).query(Long.class).list()) {
			jdbc.sql("update gov_meeting_invitee set name = ?, email = ? where id = ?")
				.params(DataSubject.ANONYMOUS, DataSubject.ANONYMOUS + " " + id, id).update();
		}
		// The person named in a meeting's agenda or minutes, or in a decision: the record stays, without them.
		for (String trace : s.traces()) {
			jdbc.sql("update gov_meeting set agenda = replace(agenda, :t, :a), minutes = replace(minutes, :t, :a) "
					+ "where agenda like :p or minutes like :p")
				.param("t", trace).param("a", DataSubject.ANONYMOUS).param("p", "%" + trace + "%").update();
			jdbc.sql("update gov_decision set decision_text = replace(decision_text, :t, :a) where decision_text like :p")
				.param("t", trace).param("a", DataSubject.ANONYMOUS).param("p", "%" + trace + "%").update();
		}
		super.destroy(s);
		return n;
	}
}
