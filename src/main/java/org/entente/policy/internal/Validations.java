package org.entente.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.convention.Conventions;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.notification.InAppNotificationRequested;
import org.entente.policy.PortOpeningRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Académie validates: a change of use of a digital service the Département runs (« Le Département fait
 * valider par l'Académie toutes les modifications intervenant sur les usages des services numériques qu'il opère »),
 * submitted by a CD agent; a service outside the trust framework, asked by a collège, authorised with its security
 * and data-protection grounds, then the port opening asked of the Département as a desk request. Pending until the
 * ACA answers; an answer is final.
 */
@Service
public class Validations {

	public enum Kind {
		USE_CHANGE("Annexe opérationnelle §1, Politiques, Accompagnement des usages du numérique"),
		OUTSIDE_TRUST("Annexe opérationnelle §2, Autres services numériques (hors cadre de confiance de l'Académie)");

		final String clause;

		Kind(String clause) {
			this.clause = clause;
		}
	}

	public record Validation(long id, Kind kind, String uai, String service, String description, String ports, String status,
			String submittedBy, Instant submittedAt, String answeredBy, Instant answeredAt, String grounds, String clause,
			String notice) {
	}

	static final String UNSUPPORTED = "Ni l'Académie, ni le Département n'assure de support sur ces services.";

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final Conventions conventions;

	Validations(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, Conventions conventions) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.conventions = conventions;
	}

	@Transactional
	public Validation submit(EntenteUser user, Kind kind, String service, String description, String ports) {
		String uai = null;
		if (kind == Kind.USE_CHANGE && user.role() != Role.CD_AGENT) {
			throw ProblemException.forbidden("Un changement d'usage d'un service du Département est soumis par un agent du Département (" + kind.clause + ").");
		}
		if (kind == Kind.OUTSIDE_TRUST) {
			if (user.role() != Role.SCHOOL_STAFF) {
				throw ProblemException.forbidden("Un service hors cadre de confiance est demandé par le collège qui veut l'utiliser (" + kind.clause + ").");
			}
			uai = user.establishment();
		}
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into policy_validation (kind, uai, service, description, ports, status, submitted_by, submitted_at)
				values (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(kind.name(), uai, service, description, ports, user.getUsername(), Timestamp.from(Instant.now()))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		List<String> aca = accounts.enabledAmong(List.of(), List.of(Role.ACA_AGENT), null).stream().map(a -> a.username()).toList();
		if (!aca.isEmpty()) {
			events.publishEvent(InAppNotificationRequested.of(aca, "À valider par l'Académie : " + service, "/politiques/validations/" + id)
				.withWords(StoredText.message("pol.notice.toValidate", service)));
		}
		return get(id);
	}

	@Transactional
	public Validation answer(EntenteUser user, long id, boolean approved, String grounds) {
		Validation v = get(id);
		if (user.role() != Role.ACA_AGENT) {
			throw ProblemException.forbidden("Seule l'Académie valide (" + v.clause() + ").");
		}
		if (!"PENDING".equals(v.status())) {
			throw ProblemException.conflict("Déjà répondu", "La demande " + id + " a déjà reçu la réponse de l'Académie (" + v.status() + ").");
		}
		jdbc.sql("update policy_validation set status = ?, answered_by = ?, answered_at = ?, grounds = ? where id = ? and status = 'PENDING'")
			.params(approved ? "APPROVED" : "REFUSED", user.getUsername(), Timestamp.from(Instant.now()), grounds, id)
			.update();
		Validation answered = get(id);
		if (approved && v.kind() == Kind.OUTSIDE_TRUST) {
			events.publishEvent(new PortOpeningRequested(id, v.uai(), v.service(), v.ports(), grounds, user.getUsername(),
					v.clause() + ". " + UNSUPPORTED, Instant.now()));
		}
		accounts.find(v.submittedBy()).ifPresent(a -> events.publishEvent(InAppNotificationRequested.of(List.of(a.username()),
				(approved ? "Validé par l'Académie : " : "Refusé par l'Académie : ") + v.service(), "/politiques/validations/" + id)
			.withWords(StoredText.message(approved ? "pol.notice.validated" : "pol.notice.refused", v.service()))));
		return answered;
	}

	public Validation get(long id) {
		return jdbc.sql("select * from policy_validation where id = ?").param(id).query(Validations::map).optional()
			.orElseThrow(() -> ProblemException.notFound("Demande inconnue", "Aucune demande de validation " + id + "."));
	}

	public List<Validation> list(Kind kind) {
		return jdbc.sql("select * from policy_validation where kind = ? order by id desc limit 200").param(kind.name())
			.query(Validations::map).list();
	}

	static Validation map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		Kind kind = Kind.valueOf(rs.getString("kind"));
		Timestamp answered = rs.getTimestamp("answered_at");
		return new Validation(rs.getLong("id"), kind, rs.getString("uai"), rs.getString("service"), rs.getString("description"),
				rs.getString("ports"), rs.getString("status"), rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
				rs.getString("answered_by"), answered == null ? null : answered.toInstant(), rs.getString("grounds"), kind.clause,
				kind == Kind.OUTSIDE_TRUST ? UNSUPPORTED : null);
	}
}
