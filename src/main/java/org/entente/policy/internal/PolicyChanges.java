package org.entente.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.common.StoredText;
import org.entente.notification.InAppNotificationRequested;
import org.entente.policy.PolicyArbitrations.CommitteeDecision;
import org.entente.policy.PolicyChangeEscalated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change of a policy (annexe opérationnelle §1, « Évolution des politiques »): « élaborées conjointement par les
 * équipes de l'Académie de Rennes et du Département », « pleinement acceptée par les parties » after « des études
 * visant à déterminer précisément les impacts sur les volets humains, organisationnels, techniques et financiers » ;
 * « en cas de désaccord, […] un arbitrage sera recherché avec la mobilisation des décideur-euses des deux
 * organisations ». A proposal carries its impact study on the four sides (all required); the proposing party agrees by
 * proposing; the other party then agrees ({@link Status#AGREED}) or disagrees ({@link Status#ARBITRATION}). A
 * disagreement publishes {@link PolicyChangeEscalated}: governance puts the change on the next strategic committee's
 * agenda, and the committee's decision ({@link Status#ADOPTED} or {@link Status#REJECTED}) comes back through
 * {@link org.entente.policy.PolicyArbitrations} with its id and link.
 */
@Service
public class PolicyChanges {

	public enum Status {
		/** Waiting for the other party's position. */
		CONSULTATION,
		/** Both parties agree: the change is « pleinement acceptée ». */
		AGREED,
		/** A party disagrees: the decision-makers of both organisations arbitrate. */
		ARBITRATION,
		ADOPTED,
		REJECTED
	}

	static final String CLAUSE = "Annexe opérationnelle §1, Politiques, Évolution des politiques";

	public record Impacts(String human, String organisational, String technical, String financial) {
	}

	public record Position(String party, boolean agrees, String comment, String recordedBy, Instant recordedAt) {
	}

	/**
	 * The committee's decision on an arbitrated change: {@code decisionId} is governance's decision, shown at
	 * {@code link}; both are null for a decision typed before arbitration went to the committee (V96).
	 */
	public record Decision(boolean adopted, String reference, String grounds, String decidedBy, Instant decidedAt, Long decisionId,
			String link) {
	}

	public record Change(long id, String component, String title, String proposal, boolean jointly, String proposedByParty,
			Impacts impacts, Status status, String proposedBy, Instant proposedAt, List<Position> positions, Decision decision,
			String awaiting, String clause) {
	}

	public record NewChange(String component, String title, String proposal, boolean jointly, Impacts impacts) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;

	PolicyChanges(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
	}

	/** The party an agent speaks for in a policy change (CD or ACA), or a 403 naming the clause. */
	static String party(EntenteUser user) {
		String party = PolicyPermissions.agentParty(user);
		if (party == null) {
			throw ProblemException.forbidden("Les évolutions des politiques sont élaborées par les équipes de l'Académie et du Département ("
					+ CLAUSE + ") : un agent de l'une des deux parties propose, prend position ou enregistre l'arbitrage.");
		}
		return party;
	}

	static String other(String party) {
		return "CD".equals(party) ? "ACA" : "CD";
	}

	@Transactional
	public Change propose(EntenteUser user, NewChange c) {
		String party = party(user);
		Instant now = Instant.now();
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into policy_change (component, title, proposal, jointly, proposed_by_party, impact_human, impact_organisational,
				  impact_technical, impact_financial, status, proposed_by, proposed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CONSULTATION', ?, ?)""")
			.params(c.component(), c.title(), c.proposal(), c.jointly(), party, c.impacts().human(), c.impacts().organisational(),
					c.impacts().technical(), c.impacts().financial(), user.getUsername(), Timestamp.from(now))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		// Proposing is the proposing party's agreement; the other party still has to accept it fully.
		insertPosition(id, party, true, c.jointly() ? "Proposition élaborée conjointement." : "Proposition de la partie.", user, now);
		tell(List.of(other(party)), "Proposition d'évolution d'une politique à examiner : " + c.title(),
				StoredText.message("pol.notice.change.proposed", c.title()), id);
		return get(id);
	}

	@Transactional
	public Change position(EntenteUser user, long id, boolean agrees, String comment) {
		String party = party(user);
		Change c = get(id);
		if (c.status() != Status.CONSULTATION) {
			throw ProblemException.conflict("Proposition déjà tranchée", "La proposition " + id + " n'attend plus de position (" + c.status() + ").");
		}
		if (c.positions().stream().anyMatch(p -> p.party().equals(party))) {
			throw ProblemException.conflict("Position déjà donnée", "La partie " + party + " a déjà pris position sur la proposition " + id + ".");
		}
		insertPosition(id, party, agrees, comment, user, Instant.now());
		Status next = agrees ? Status.AGREED : Status.ARBITRATION;
		jdbc.sql("update policy_change set status = ? where id = ? and status = 'CONSULTATION'").params(next.name(), id).update();
		tell(List.of("CD", "ACA"), (agrees ? "Évolution acceptée par les deux parties : " : "Désaccord, arbitrage à rechercher par les décideur·euses des deux organisations : ")
				+ c.title(), StoredText.message(agrees ? "pol.notice.change.agreed" : "pol.notice.change.disagreed", c.title()), id);
		if (!agrees) {
			events.publishEvent(new PolicyChangeEscalated(id, c.title(), c.component(), c.proposedByParty(), Instant.now()));
		}
		return get(id);
	}

	/**
	 * The former way of ending an arbitration, where an agent typed the outcome and a committee reference: the outcome
	 * now comes from the strategic committee's decision recorded in governance ({@link #committeeDecided}), so this
	 * answers 409 saying where the decision is taken (after the usual 403 and 404).
	 */
	public Change decide(EntenteUser user, long id) {
		party(user);
		Change c = get(id);
		throw ProblemException.conflict("Décision prise en comité", "L'arbitrage de la proposition " + id + " (" + c.status()
				+ ") se tranche par une décision du comité stratégique, enregistrée sur la page de sa réunion (/gouvernance/comites) : "
				+ "la proposition passe alors ADOPTED ou REJECTED et renvoie à la décision.").with("committee", "STRATEGIC");
	}

	/** The strategic committee's decision settles a change in arbitration; false when it is not (or no longer) in arbitration. */
	@Transactional
	public boolean committeeDecided(CommitteeDecision d) {
		int updated = jdbc.sql("""
				update policy_change set status = ?, decided_by = ?, decided_at = ?, decision_reference = ?, decision_grounds = ?,
				  decision_id = ?, decision_link = ?
				where id = ? and status = 'ARBITRATION'""")
			.params((d.adopted() ? Status.ADOPTED : Status.REJECTED).name(), d.decidedBy(), Timestamp.from(Instant.now()), d.reference(),
					d.grounds(), d.decisionId(), d.link(), d.changeId())
			.update();
		if (updated == 1) {
			String title = get(d.changeId()).title();
			tell(List.of("CD", "ACA"), (d.adopted() ? "Arbitrage : évolution adoptée (" : "Arbitrage : évolution rejetée (") + title + ")",
					StoredText.message(d.adopted() ? "pol.notice.change.adopted" : "pol.notice.change.rejected", title), d.changeId());
		}
		return updated == 1;
	}

	public Change get(long id) {
		Change c = jdbc.sql("select * from policy_change where id = ?").param(id).query(this::map).optional()
			.orElseThrow(() -> ProblemException.notFound("Proposition inconnue", "Aucune proposition d'évolution " + id + "."));
		return c;
	}

	public List<Change> list() {
		return jdbc.sql("select * from policy_change order by id desc limit 200").query(this::map).list();
	}

	private Change map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		long id = rs.getLong("id");
		List<Position> positions = jdbc.sql("select * from policy_change_position where change_id = ? order by recorded_at, party")
			.param(id)
			.query((p, j) -> new Position(p.getString("party"), p.getBoolean("agrees"), p.getString("comment"), p.getString("recorded_by"),
					p.getTimestamp("recorded_at").toInstant()))
			.list();
		Timestamp decided = rs.getTimestamp("decided_at");
		Status status = Status.valueOf(rs.getString("status"));
		Decision decision = decided == null ? null
				: new Decision(status == Status.ADOPTED, rs.getString("decision_reference"), rs.getString("decision_grounds"),
						rs.getString("decided_by"), decided.toInstant(), rs.getObject("decision_id", Long.class), rs.getString("decision_link"));
		String awaiting = switch (status) {
			case CONSULTATION -> other(rs.getString("proposed_by_party"));
			case ARBITRATION -> "CD+ACA";
			default -> null;
		};
		return new Change(id, rs.getString("component"), rs.getString("title"), rs.getString("proposal"), rs.getBoolean("jointly"),
				rs.getString("proposed_by_party"), new Impacts(rs.getString("impact_human"), rs.getString("impact_organisational"),
						rs.getString("impact_technical"), rs.getString("impact_financial")),
				status, rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), positions, decision, awaiting, CLAUSE);
	}

	private void insertPosition(long id, String party, boolean agrees, String comment, EntenteUser user, Instant at) {
		jdbc.sql("insert into policy_change_position (change_id, party, agrees, comment, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, party, agrees, comment, user.getUsername(), Timestamp.from(at))
			.update();
	}

	/** An in-app notice to the agents of the parties named, pointing at the proposal's page. */
	private void tell(List<String> parties, String title, StoredText words, long id) {
		List<Role> roles = new ArrayList<>();
		if (parties.contains("CD")) {
			roles.add(Role.CD_AGENT);
		}
		if (parties.contains("ACA")) {
			roles.add(Role.ACA_AGENT);
		}
		List<String> to = accounts.enabledAmong(List.of(), roles, null).stream().map(a -> a.username()).toList();
		if (!to.isEmpty()) {
			events.publishEvent(InAppNotificationRequested.of(to, title, "/politiques/changements/" + id).withWords(words));
		}
	}
}
