package org.entente.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.convention.InterventionKind;
import org.entente.convention.Responsibility;
import org.entente.convention.ResponsibilityContext;
import org.entente.convention.ServiceLevels.CriticalData;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.policy.BackupCommitmentBroken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data availability commitments of §4 (critical data: at most one day of data lost, restore points kept three
 * months for administrative data and ten days for shared pedagogical data, both read from {@code serviceLevels.criticalData}
 * of the convention file) checked against the reports of the backup jobs. A commitment found broken publishes
 * {@link BackupCommitmentBroken} once per establishment, class and reason, until compliance returns.
 */
@Service
public class Backups {

	/** Which infrastructure holds each data class: the matrix names who administers it, who must answer. */
	static final Map<String, String> COMPONENTS = Map.of("ADMINISTRATIVE", "RESEAU_ADMINISTRATIF", "PEDAGOGICAL_GROUP", "RESEAU_PEDAGOGIQUE");

	public enum Status {
		SUCCESS, FAILURE
	}

	public record Report(String uai, String dataClass, String job, Instant startedAt, Instant endedAt, Status status,
			Instant oldestRestorePoint) {
	}

	/**
	 * {@code reasons}: the French sentences the API and the desk's tickets carry; {@code details}: the same reasons
	 * as a code and its arguments, which a page says in the reader's language ({@link BackupReasons}).
	 */
	public record Compliance(boolean compliant, Instant lastSuccess, Instant oldestRestorePoint, List<String> reasons,
			List<String> reasonCodes, List<Reason> details) {
	}

	/**
	 * One broken commitment: {@code code} NO_SUCCESS, STALE or SHORT_RETENTION, the data class, and the period the
	 * convention sets for it (the most data that may be lost for STALE, the retention for SHORT_RETENTION; null for
	 * NO_SUCCESS).
	 */
	public record Reason(String code, String dataClass, java.time.Period period) {
	}

	private final JdbcClient jdbc;
	private final Conventions conventions;
	private final Establishments establishments;
	private final ApplicationEventPublisher events;

	Backups(JdbcClient jdbc, Conventions conventions, Establishments establishments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.conventions = conventions;
		this.establishments = establishments;
		this.events = events;
	}

	public List<CriticalData> classes() {
		return conventions.current().serviceLevels().criticalData().stream().filter(c -> COMPONENTS.containsKey(c.code())).toList();
	}

	/** Checks what the body cannot say by itself (a known establishment and data class), stores, then checks the commitment. */
	@Transactional
	public long record(EntenteUser user, Report r) {
		List<org.entente.common.FieldProblem> problems = new ArrayList<>();
		if (establishments.find(r.uai()).isEmpty()) {
			problems.add(new org.entente.common.FieldProblem("uai", "« uai » : établissement « " + r.uai() + " » inconnu."));
		}
		if (classes().stream().noneMatch(c -> c.code().equals(r.dataClass()))) {
			problems.add(new org.entente.common.FieldProblem("dataClass", "« dataClass » vaut ADMINISTRATIVE ou PEDAGOGICAL_GROUP."));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Instant now = Instant.now();
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into policy_backup_report (uai, data_class, job, started_at, ended_at, status, oldest_restore_point, reported_by, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.uai(), r.dataClass(), r.job(), Timestamp.from(r.startedAt()), Timestamp.from(r.endedAt()), r.status().name(),
					r.oldestRestorePoint() == null ? null : Timestamp.from(r.oldestRestorePoint()), user.getUsername(), Timestamp.from(now))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		watch(r.uai(), r.dataClass(), now, user.getUsername());
		return id;
	}

	/** Every class of the convention for this establishment, at {@code now}. */
	public Map<String, Compliance> compliance(String uai, Instant now) {
		if (establishments.find(uai).isEmpty()) {
			throw ProblemException.notFound("Établissement inconnu", "Aucun établissement « " + uai + " ».");
		}
		Map<String, Compliance> result = new LinkedHashMap<>();
		for (CriticalData c : classes()) {
			result.put(c.code(), compliance(uai, c, now));
		}
		return result;
	}

	public Compliance compliance(String uai, CriticalData c, Instant now) {
		ZoneId zone = ZoneId.of(conventions.current().calendar().zone());
		record Last(Instant endedAt, Instant oldest) {
		}
		Last last = jdbc.sql("""
				select ended_at, oldest_restore_point from policy_backup_report
				where uai = ? and data_class = ? and status = 'SUCCESS' order by ended_at desc limit 1""")
			.params(uai, c.code())
			.query((rs, i) -> new Last(rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.optional().orElse(null);
		List<String> reasons = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		List<Reason> details = new ArrayList<>();
		if (last == null) {
			details.add(new Reason("NO_SUCCESS", c.code(), null));
			codes.add("NO_SUCCESS");
			reasons.add("Aucune sauvegarde réussie n'a été signalée pour " + c.label() + ".");
		}
		else {
			Instant limit = now.atZone(zone).minus(c.maxDataLoss()).toInstant();
			if (last.endedAt().isBefore(limit)) {
				details.add(new Reason("STALE", c.code(), c.maxDataLoss()));
				codes.add("STALE");
				reasons.add("La dernière sauvegarde réussie est trop ancienne : la convention admet au plus "
						+ words(c.maxDataLoss()) + " de données perdues (annexe opérationnelle §4).");
			}
			Instant reach = now.atZone(zone).minus(c.retention()).toInstant();
			if (last.oldest() == null || last.oldest().isAfter(reach)) {
				details.add(new Reason("SHORT_RETENTION", c.code(), c.retention()));
				codes.add("SHORT_RETENTION");
				reasons.add("Les points de restauration ne remontent pas à " + words(c.retention())
						+ " : la convention demande de conserver " + c.label() + " " + words(c.retention()) + " (annexe opérationnelle §4).");
			}
		}
		return new Compliance(codes.isEmpty(), last == null ? null : last.endedAt(), last == null ? null : last.oldest(),
				reasons, codes, details);
	}

	/**
	 * Opens the breaches found (one event per new reason) and closes those no longer found, for one establishment
	 * and class. Called after each report and by the watcher for the classes that have reported once.
	 */
	@Transactional
	public int watch(String uai, String dataClass, Instant now, String by) {
		CriticalData c = classes().stream().filter(d -> d.code().equals(dataClass)).findFirst().orElse(null);
		if (c == null) {
			return 0;
		}
		Compliance state = compliance(uai, c, now);
		List<String> open = jdbc.sql("select reason from policy_backup_breach where uai = ? and data_class = ?")
			.params(uai, dataClass).query(String.class).list();
		for (String reason : open) {
			if (!state.reasonCodes().contains(reason)) {
				jdbc.sql("delete from policy_backup_breach where uai = ? and data_class = ? and reason = ?").params(uai, dataClass, reason).update();
			}
		}
		List<String> fresh = state.reasonCodes().stream().filter(r -> !open.contains(r)).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		for (String reason : fresh) {
			jdbc.sql("insert into policy_backup_breach (uai, data_class, reason, opened_at) values (?, ?, ?, ?)")
				.params(uai, dataClass, reason, Timestamp.from(now)).update();
		}
		String component = COMPONENTS.get(dataClass);
		Responsibility r = conventions.resolve(component, InterventionKind.ADMINISTRATION, ResponsibilityContext.NONE);
		List<String> reasons = new ArrayList<>();
		for (int i = 0; i < state.reasonCodes().size(); i++) {
			if (fresh.contains(state.reasonCodes().get(i))) {
				reasons.add(state.reasons().get(i));
			}
		}
		events.publishEvent(new BackupCommitmentBroken(uai, dataClass, c.label(), component, r.parties(), reasons,
				conventions.current().serviceLevels().clause() + ", données critiques (" + r.clause() + ")", by, now));
		return fresh.size();
	}

	/** The establishments and classes that have reported at least once: a silence there is a broken commitment too. */
	@Transactional
	public int watchAll(Instant now) {
		record Key(String uai, String dataClass) {
		}
		int opened = 0;
		for (Key k : jdbc.sql("select distinct uai, data_class from policy_backup_report").query((rs, i) -> new Key(rs.getString(1), rs.getString(2))).list()) {
			opened += watch(k.uai(), k.dataClass(), now, "entente");
		}
		return opened;
	}

	static String words(java.time.Period p) {
		if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() == 1) {
			return "un jour";
		}
		if (p.getYears() == 0 && p.getDays() == 0) {
			return p.getMonths() + " mois";
		}
		if (p.getYears() == 0 && p.getMonths() == 0) {
			return p.getDays() + " jours";
		}
		return p.toString();
	}
}
