package org.entente.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.policy.ByodOpeningRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BYOD: the collège records its board's decision (date, reference); an opening request without one is refused with
 * the annex's reason; with one it publishes {@link ByodOpeningRequested} for the desk.
 */
@Service
public class Byod {

	static final String COMPONENT = "BYOD_INFRASTRUCTURE";

	public record Decision(long id, String uai, LocalDate decidedOn, String reference, String recordedBy, Instant recordedAt) {
	}

	private final JdbcClient jdbc;
	private final PolicyPermissions permissions;
	private final Conventions conventions;
	private final ApplicationEventPublisher events;

	Byod(JdbcClient jdbc, PolicyPermissions permissions, Conventions conventions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.conventions = conventions;
		this.events = events;
	}

	@Transactional
	public Decision record(EntenteUser user, LocalDate decidedOn, String reference) {
		String uai = requireCollege(user);
		jdbc.sql("insert into policy_board_decision (uai, subject, decided_on, reference, recorded_by, recorded_at) values (?, 'BYOD', ?, ?, ?, ?)")
			.params(uai, java.sql.Date.valueOf(decidedOn), reference, user.getUsername(), Timestamp.from(Instant.now()))
			.update();
		return latest(uai).orElseThrow();
	}

	public Optional<Decision> latest(String uai) {
		return jdbc.sql("""
				select id, uai, decided_on, reference, recorded_by, recorded_at from policy_board_decision
				where uai = ? and subject = 'BYOD' order by decided_on desc, id desc limit 1""")
			.param(uai)
			.query((rs, i) -> new Decision(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.optional();
	}

	@Transactional
	public Decision requestOpening(EntenteUser user) {
		String uai = requireCollege(user);
		String clause = conventions.current().component(COMPONENT).map(c -> c.clause()).orElse("Annexe opérationnelle §3, Réseau invité (BYOD)");
		Decision d = latest(uai).orElseThrow(() -> ProblemException.conflict("Décision du Conseil d'Administration manquante",
				"Le réseau invité n'est ouvert aux élèves qu'après une décision du Conseil d'Administration du collège (" + clause
						+ " : « l'activation du BYOD dans l'établissement et son ouverture aux élèves est de la responsabilité du/de la chef-fe "
						+ "d'établissement et nécessite une décision du Conseil d'Administration »). Enregistrez d'abord la décision (date, référence).")
			.with("clause", clause));
		events.publishEvent(new ByodOpeningRequested(uai, d.decidedOn(), d.reference(), user.getUsername(), clause, Instant.now()));
		return d;
	}

	private String requireCollege(EntenteUser user) {
		if (!permissions.acknowledge(user, user == null ? null : user.establishment())) {
			throw ProblemException.forbidden("Seul un compte du collège enregistre la décision de son Conseil d'Administration et demande l'ouverture.");
		}
		return user.establishment();
	}
}
