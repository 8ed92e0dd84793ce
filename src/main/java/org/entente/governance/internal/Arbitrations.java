package org.entente.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.entente.common.FrenchDates;
import org.entente.common.ProblemException;
import org.entente.governance.CommitteeDecisionRecorded;
import org.entente.governance.GovernanceInputException;
import org.entente.governance.internal.GovernanceStore.Decision;
import org.entente.governance.internal.GovernanceStore.Meeting;
import org.entente.governance.internal.GovernanceStore.Status;
import org.entente.governance.internal.GovernanceStore.TargetType;
import org.entente.policy.PolicyArbitrations;
import org.entente.policy.PolicyChangeEscalated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Policy changes in arbitration at the strategic committee (annexe opérationnelle §1, « Évolution des politiques » ;
 * article 4). The register publishes {@link PolicyChangeEscalated} when the parties disagree: the change goes on the
 * agenda of the next planned strategic committee meeting (a line added to its agenda, which the convocation carries),
 * or waits on the committees page while none is planned; planning one takes the waiting changes, cancelling one moves
 * its changes to the next. The committee's decision is a governance decision of that meeting (target POLICY_CHANGE,
 * with its outcome); governance publishes {@link CommitteeDecisionRecorded} and, on it, hands the outcome to the
 * register ({@link PolicyArbitrations}), which marks the change ADOPTED or REJECTED with the decision's id and link.
 * Governance depends on the register, never the other way round.
 */
@Service
class Arbitrations {

	static final String COMMITTEE = "STRATEGIC";

	/** A change on governance's arbitration list: its meeting (null while none is planned) and, once taken, the decision. */
	record Arbitration(long changeId, String title, String component, String proposedByParty, Instant escalatedAt, Long meetingId,
			LocalDateTime meetingStartsAt, Long decisionId, String outcome) {

		public String changeLink() {
			return "/politiques/changements/" + changeId;
		}

		/** The day of the escalation in the convention's zone. */
		public java.time.LocalDate escalatedOn() {
			return escalatedAt.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
		}
	}

	private final JdbcClient jdbc;
	private final GovernanceStore store;
	private final ConventionLifecycle lifecycle;
	private final ApplicationEventPublisher events;
	private final PolicyArbitrations register;

	Arbitrations(JdbcClient jdbc, GovernanceStore store, ConventionLifecycle lifecycle, ApplicationEventPublisher events,
			PolicyArbitrations register) {
		this.jdbc = jdbc;
		this.store = store;
		this.lifecycle = lifecycle;
		this.events = events;
		this.register = register;
	}

	/** A change escalated to arbitration: on the next strategic meeting's agenda, or pending. Once per change. */
	@ApplicationModuleListener
	void on(PolicyChangeEscalated e) {
		int inserted = jdbc.sql("""
				insert into gov_arbitration (change_id, title, component, proposed_by_party, escalated_at)
				select ?, ?, ?, ?, ? where not exists (select 1 from gov_arbitration where change_id = ?)""")
			.params(e.changeId(), e.title(), e.component(), e.proposedByParty(), Timestamp.from(e.escalatedAt()), e.changeId())
			.update();
		if (inserted == 1) {
			nextMeeting(null).ifPresent(meeting -> attach(e.changeId(), e.title(), meeting));
		}
	}

	/** A strategic meeting just planned takes every change still waiting for one. */
	void planned(long meetingId, String committeeCode) {
		if (COMMITTEE.equals(committeeCode)) {
			for (Arbitration a : pending()) {
				attach(a.changeId(), a.title(), meetingId);
			}
		}
	}

	/** A meeting cancelled: its undecided changes go to the next planned strategic meeting, or back to waiting. */
	void cancelled(long meetingId) {
		Optional<Long> next = nextMeeting(meetingId);
		for (Arbitration a : onMeeting(meetingId)) {
			if (a.decisionId() == null) {
				jdbc.sql("update gov_arbitration set meeting_id = null where change_id = ?").param(a.changeId()).update();
				next.ifPresent(m -> attach(a.changeId(), a.title(), m));
			}
		}
	}

	/**
	 * The strategic committee's decision on a change in arbitration, recorded as a decision of {@code meetingId}:
	 * 400 naming the field when the meeting is not a strategic one, is cancelled, or the change is not in arbitration
	 * here; 409 when the committee has already decided it.
	 */
	@Transactional
	Decision decide(long meetingId, long changeId, boolean adopted, String text, String user) {
		Meeting m = store.meeting(meetingId).orElseThrow(() -> ProblemException.notFound("Réunion inconnue", "Aucune réunion " + meetingId + "."));
		if (!COMMITTEE.equals(m.committeeCode())) {
			throw new GovernanceInputException("meeting", "L'arbitrage d'une évolution de politique se tranche en comité stratégique.",
					"gov.refused.arbitrationCommittee");
		}
		if (m.status() == Status.CANCELLED) {
			throw new GovernanceInputException("meeting", "Cette réunion est annulée : la décision se prend à une réunion tenue ou à venir.",
					"gov.refused.meetingCancelled");
		}
		if (text == null || text.isBlank()) {
			throw new GovernanceInputException("text", "Le texte de la décision est obligatoire.",
					"gov.refused.decisionText");
		}
		Arbitration a = find(changeId).orElseThrow(() -> new GovernanceInputException("changeId",
				"La proposition " + changeId + " n'est pas en arbitrage devant le comité stratégique.",
				"gov.refused.notArbitrated", String.valueOf(changeId)));
		if (a.decisionId() == null && a.meetingId() != null && a.meetingId() != meetingId) {
			throw new GovernanceInputException("changeId", "La proposition " + changeId + " est à l'ordre du jour de la réunion n° "
					+ a.meetingId() + " : la décision s'y enregistre.", "gov.refused.arbitrationMeeting", String.valueOf(changeId),
					String.valueOf(a.meetingId()));
		}
		if (a.decisionId() != null) {
			throw ProblemException.conflict("Arbitrage déjà tranché", "Le comité a déjà décidé de la proposition " + changeId
					+ " (décision " + a.decisionId() + ").");
		}
		String outcome = adopted ? "ADOPTED" : "REJECTED";
		long decisionId = store.addDecision(meetingId, text.strip(), TargetType.POLICY_CHANGE, Long.toString(changeId), outcome, user);
		if (jdbc.sql("update gov_arbitration set decision_id = ?, meeting_id = ? where change_id = ? and decision_id is null")
			.params(decisionId, meetingId, changeId).update() != 1) {
			throw ProblemException.conflict("Arbitrage déjà tranché", "Le comité a déjà décidé de la proposition " + changeId + ".");
		}
		String name = lifecycle.convention().committees().stream().filter(c -> c.code().equals(COMMITTEE)).map(c -> c.name())
			.findFirst().orElse(COMMITTEE);
		events.publishEvent(new CommitteeDecisionRecorded(decisionId, meetingId, COMMITTEE, name, m.startsAt().toLocalDate(),
				TargetType.POLICY_CHANGE.name(), Long.toString(changeId), outcome, text.strip(), link(meetingId, decisionId), user));
		return store.findDecision(decisionId).orElseThrow();
	}

	/** Hands a policy change's decision to the register, after the decision's transaction committed (retried if it fails). */
	@ApplicationModuleListener
	void on(CommitteeDecisionRecorded e) {
		if (TargetType.POLICY_CHANGE.name().equals(e.targetType())) {
			register.decided(new PolicyArbitrations.CommitteeDecision(Long.parseLong(e.targetRef()), e.decisionId(),
					"ADOPTED".equals(e.outcome()), e.committeeName() + " du " + FrenchDates.day(e.meetingDate()), e.text(), e.link(),
					e.recordedBy()));
		}
	}

	static String link(long meetingId, long decisionId) {
		return "/gouvernance/reunions/" + meetingId + "#decision-" + decisionId;
	}

	/** Changes waiting for a strategic meeting to be planned. */
	List<Arbitration> pending() {
		return jdbc.sql(SELECT + " where a.meeting_id is null and a.decision_id is null order by a.escalated_at, a.change_id")
			.query(Arbitrations::map).list();
	}

	List<Arbitration> onMeeting(long meetingId) {
		return jdbc.sql(SELECT + " where a.meeting_id = ? order by a.escalated_at, a.change_id").param(meetingId).query(Arbitrations::map).list();
	}

	/** Every change on the list, the most recent escalation first. */
	List<Arbitration> all() {
		return jdbc.sql(SELECT + " order by a.escalated_at desc, a.change_id desc limit 200").query(Arbitrations::map).list();
	}

	Optional<Arbitration> find(long changeId) {
		return jdbc.sql(SELECT + " where a.change_id = ?").param(changeId).query(Arbitrations::map).optional();
	}

	private static final String SELECT = """
			select a.*, m.starts_at, d.outcome from gov_arbitration a left join gov_meeting m on m.id = a.meeting_id
			left join gov_decision d on d.id = a.decision_id""";

	private static Arbitration map(ResultSet rs, int row) throws SQLException {
		Timestamp starts = rs.getTimestamp("starts_at");
		return new Arbitration(rs.getLong("change_id"), rs.getString("title"), rs.getString("component"), rs.getString("proposed_by_party"),
				rs.getTimestamp("escalated_at").toInstant(), rs.getObject("meeting_id", Long.class),
				starts == null ? null : starts.toLocalDateTime(), rs.getObject("decision_id", Long.class), rs.getString("outcome"));
	}

	/** The next planned strategic meeting from today, other than {@code except}. */
	private Optional<Long> nextMeeting(Long except) {
		return jdbc.sql("""
				select id from gov_meeting where committee_code = ? and status = 'PLANNED' and starts_at >= ? and id <> ?
				order by starts_at, id limit 1""")
			.params(COMMITTEE, Timestamp.valueOf(lifecycle.today().atStartOfDay()), except == null ? -1L : except)
			.query(Long.class).optional();
	}

	private void attach(long changeId, String title, long meetingId) {
		jdbc.sql("update gov_arbitration set meeting_id = ? where change_id = ?").params(meetingId, changeId).update();
		store.appendAgenda(meetingId, "Arbitrage de l'évolution de politique n° " + changeId + " : " + title + " (/politiques/changements/"
				+ changeId + ")");
	}
}
