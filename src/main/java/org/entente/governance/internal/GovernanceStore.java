package org.entente.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The governance tables (V20): named members, meetings and their invitees, decisions, notices, payments, reminders. */
@Repository
class GovernanceStore {

	enum Status {
		PLANNED, HELD, CANCELLED
	}

	/** What a decision changes, when it changes something Entente knows. */
	enum TargetType {
		CONVENTION_VERSION, ROUTING_PARAMETER, SOFTWARE_CATALOGUE_ENTRY,
		/** An arbitrated policy change (its id), settled by the strategic committee with an outcome (V24). */
		POLICY_CHANGE
	}

	record Member(long id, String committeeCode, String name, String email, String party, String role) {
	}

	record Meeting(long id, String committeeCode, LocalDateTime startsAt, int durationMinutes, String place,
			String agenda, String minutes, Status status, int sequence, Instant convokedAt, String conventionVersion) {
	}

	record Invitee(long id, long meetingId, String name, String email, String party, String role) {
	}

	record Decision(long id, long meetingId, String committeeCode, LocalDateTime meetingStartsAt, String text,
			TargetType targetType, String targetRef, String outcome, String recordedBy, Instant recordedAt) {
	}

	record StoredNotice(long id, LocalDate receivedOn, String senderParty, String reason, String conventionVersion,
			String recordedBy, Instant recordedAt) {
	}

	record Payment(int year, long computedAmount, String status, LocalDate paidOn, String reference,
			String recordedBy, Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	GovernanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

	// ---------------------------------------------------------------- members

	List<Member> members(String committeeCode) {
		return jdbc.sql("select * from gov_member where committee_code = ? order by party, name")
			.param(committeeCode)
			.query(GovernanceStore::member)
			.list();
	}

	List<Member> allMembers() {
		return jdbc.sql("select * from gov_member order by committee_code, party, name").query(GovernanceStore::member).list();
	}

	boolean memberExists(String committeeCode, String email) {
		return jdbc.sql("select count(*) from gov_member where committee_code = ? and lower(email) = lower(?)")
			.params(committeeCode, email)
			.query(Long.class)
			.single() > 0;
	}

	void addMember(String committeeCode, String name, String email, String party, String role, String by) {
		jdbc.sql("insert into gov_member (committee_code, name, email, party, role, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(committeeCode, name, email, party, role, by, now())
			.update();
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getLong("id"), rs.getString("committee_code"), rs.getString("name"), rs.getString("email"),
				rs.getString("party"), rs.getString("role"));
	}

	// ---------------------------------------------------------------- meetings

	long insertMeeting(String committeeCode, LocalDateTime startsAt, int durationMinutes, String place, String agenda,
			String conventionVersion, String by) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into gov_meeting (committee_code, starts_at, duration_minutes, place, agenda, status, ics_sequence,
				                         convention_version, created_by, created_at)
				values (?, ?, ?, ?, ?, 'PLANNED', 0, ?, ?, ?)""")
			.params(committeeCode, Timestamp.valueOf(startsAt), durationMinutes, place, agenda, conventionVersion, by, now())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Meeting> meeting(long id) {
		return jdbc.sql("select * from gov_meeting where id = ?").param(id).query(GovernanceStore::meeting).optional();
	}

	List<Meeting> meetings() {
		return jdbc.sql("select * from gov_meeting order by starts_at, id").query(GovernanceStore::meeting).list();
	}

	/** Marks a convocation sent: the next .ics of this meeting carries a higher SEQUENCE. */
	int convoked(long id) {
		jdbc.sql("update gov_meeting set ics_sequence = ics_sequence + 1, convoked_at = ? where id = ?").params(now(), id).update();
		return meeting(id).orElseThrow().sequence();
	}

	/** Adds a line to a meeting's agenda (what the convocation and its .ics carry). */
	void appendAgenda(long id, String line) {
		String agenda = meeting(id).map(Meeting::agenda).orElse(null);
		jdbc.sql("update gov_meeting set agenda = ? where id = ?")
			.params(agenda == null || agenda.isBlank() ? line : agenda.stripTrailing() + "\n" + line, id).update();
	}

	void recordOutcome(long id, Status status, String minutes) {
		jdbc.sql("update gov_meeting set status = ?, minutes = ? where id = ?").params(status.name(), minutes, id).update();
	}

	private static Meeting meeting(ResultSet rs, int row) throws SQLException {
		Timestamp convoked = rs.getTimestamp("convoked_at");
		return new Meeting(rs.getLong("id"), rs.getString("committee_code"), rs.getTimestamp("starts_at").toLocalDateTime(),
				rs.getInt("duration_minutes"), rs.getString("place"), rs.getString("agenda"), rs.getString("minutes"),
				Status.valueOf(rs.getString("status")), rs.getInt("ics_sequence"),
				convoked == null ? null : convoked.toInstant(), rs.getString("convention_version"));
	}

	void addInvitee(long meetingId, String name, String email, String party, String role) {
		jdbc.sql("""
				insert into gov_meeting_invitee (meeting_id, name, email, party, role)
				select ?, ?, ?, ?, ? where not exists (select 1 from gov_meeting_invitee where meeting_id = ? and lower(email) = lower(?))""")
			.params(meetingId, name, email, party, role, meetingId, email)
			.update();
	}

	List<Invitee> invitees(long meetingId) {
		return jdbc.sql("select * from gov_meeting_invitee where meeting_id = ? order by party, name")
			.param(meetingId)
			.query((rs, i) -> new Invitee(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("name"),
					rs.getString("email"), rs.getString("party"), rs.getString("role")))
			.list();
	}

	/** The day of the committee's last meeting before {@code before} that was held or has passed uncancelled, if any. */
	Optional<LocalDate> previousMeeting(String committeeCode, LocalDateTime before, LocalDateTime now) {
		return jdbc.sql("""
				select max(starts_at) from gov_meeting where committee_code = ? and status <> 'CANCELLED' and starts_at < ?
				and starts_at <= ?""")
			.params(committeeCode, Timestamp.valueOf(before), Timestamp.valueOf(now))
			.query((rs, i) -> rs.getTimestamp(1))
			.optional()
			.filter(java.util.Objects::nonNull)
			.map(t -> t.toLocalDateTime().toLocalDate());
	}

	// ---------------------------------------------------------------- packs

	void savePack(long meetingId, LocalDate from, LocalDate to, LocalDate since, byte[] pdf) {
		jdbc.sql("delete from gov_meeting_pack where meeting_id = ?").param(meetingId).update();
		jdbc.sql("""
				insert into gov_meeting_pack (meeting_id, period_from, period_to, since_meeting_on, content, generated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(meetingId, from, to, since, pdf, now())
			.update();
	}

	Optional<org.entente.governance.MeetingPacks.MeetingPack> pack(long meetingId) {
		return jdbc.sql("select * from gov_meeting_pack where meeting_id = ?")
			.param(meetingId)
			.query((rs, i) -> new org.entente.governance.MeetingPacks.MeetingPack(rs.getLong("meeting_id"),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getObject("since_meeting_on", LocalDate.class), rs.getTimestamp("generated_at").toInstant(),
					rs.getBytes("content")))
			.optional();
	}

	// ---------------------------------------------------------------- decisions

	long addDecision(long meetingId, String text, TargetType targetType, String targetRef, String by) {
		return addDecision(meetingId, text, targetType, targetRef, null, by);
	}

	/** A decision; {@code outcome} (ADOPTED or REJECTED) only for a policy change. Returns its id. */
	long addDecision(long meetingId, String text, TargetType targetType, String targetRef, String outcome, String by) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into gov_decision (meeting_id, decision_text, target_type, target_ref, outcome, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(meetingId, text, targetType == null ? null : targetType.name(), targetRef, outcome, by, now())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Decision> findDecision(long id) {
		return jdbc.sql(DECISIONS + " where d.id = ?").param(id).query(GovernanceStore::decision).optional();
	}

	List<Decision> decisions(long meetingId) {
		return jdbc.sql(DECISIONS + " where d.meeting_id = ? order by d.id").param(meetingId).query(GovernanceStore::decision).list();
	}

	List<Decision> decisionsOf(String committeeCode, int limit) {
		return jdbc.sql(DECISIONS + " where m.committee_code = ? order by m.starts_at desc, d.id desc limit " + limit)
			.param(committeeCode).query(GovernanceStore::decision).list();
	}

	/** Decisions whose text or target contains every word of {@code query}, case-insensitive; all when blank. */
	List<Decision> searchDecisions(String query, int limit) {
		List<String> words = query == null ? List.of()
				: List.of(query.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")).stream().filter(w -> !w.isBlank()).toList();
		StringBuilder sql = new StringBuilder(DECISIONS + " where 1 = 1");
		List<Object> params = new java.util.ArrayList<>();
		for (String word : words) {
			sql.append(" and (lower(d.decision_text) like ? escape '!' or lower(coalesce(d.target_ref, '')) like ? escape '!')");
			String like = "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
			params.add(like);
			params.add(like);
		}
		sql.append(" order by m.starts_at desc, d.id desc limit ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query(GovernanceStore::decision).list();
	}

	private static final String DECISIONS = """
			select d.*, m.committee_code, m.starts_at from gov_decision d join gov_meeting m on m.id = d.meeting_id""";

	private static Decision decision(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("target_type");
		return new Decision(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("committee_code"),
				rs.getTimestamp("starts_at").toLocalDateTime(), rs.getString("decision_text"),
				type == null ? null : TargetType.valueOf(type), rs.getString("target_ref"), rs.getString("outcome"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

	// ---------------------------------------------------------------- notices

	void addNotice(String conventionId, LocalDate receivedOn, String senderParty, String reason, String version, String by) {
		jdbc.sql("""
				insert into gov_termination_notice (convention_id, received_on, sender_party, reason, convention_version, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(conventionId, receivedOn, senderParty, reason, version, by, now())
			.update();
	}

	List<StoredNotice> notices(String conventionId) {
		return jdbc.sql("select * from gov_termination_notice where convention_id = ? order by received_on, id")
			.param(conventionId)
			.query((rs, i) -> new StoredNotice(rs.getLong("id"), rs.getObject("received_on", LocalDate.class),
					rs.getString("sender_party"), rs.getString("reason"), rs.getString("convention_version"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	// ---------------------------------------------------------------- ENT payments

	Optional<Payment> payment(String conventionId, int year) {
		return jdbc.sql("select * from gov_ent_payment where convention_id = ? and contribution_year = ?")
			.params(conventionId, year)
			.query((rs, i) -> new Payment(rs.getInt("contribution_year"), rs.getLong("computed_amount"),
					rs.getString("status"), rs.getObject("paid_on", LocalDate.class), rs.getString("reference"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
			.optional();
	}

	void markPaid(String conventionId, int year, long amount, LocalDate paidOn, String reference, String version, String by) {
		int updated = jdbc.sql("""
				update gov_ent_payment set computed_amount = ?, status = 'PAID', paid_on = ?, reference = ?, convention_version = ?,
				       recorded_by = ?, recorded_at = ? where convention_id = ? and contribution_year = ?""")
			.params(amount, paidOn, reference, version, by, now(), conventionId, year)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into gov_ent_payment (convention_id, contribution_year, computed_amount, status, paid_on, reference,
					                             convention_version, recorded_by, recorded_at)
					values (?, ?, ?, 'PAID', ?, ?, ?, ?, ?)""")
				.params(conventionId, year, amount, paidOn, reference, version, by, now())
				.update();
		}
	}

	// ---------------------------------------------------------------- reminders

	boolean reminderHandled(String conventionId, LocalDate on, String kind) {
		return jdbc.sql("select count(*) from gov_reminder_sent where convention_id = ? and reminder_on = ? and kind = ?")
			.params(conventionId, on, kind)
			.query(Long.class)
			.single() > 0;
	}

	void reminderHandled(String conventionId, LocalDate on, String kind, String outcome, int recipients) {
		jdbc.sql("insert into gov_reminder_sent (convention_id, reminder_on, kind, outcome, recipients, sent_at) values (?, ?, ?, ?, ?, ?)")
			.params(conventionId, on, kind, outcome, recipients, now())
			.update();
	}
}
