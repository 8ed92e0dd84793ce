package org.entente.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.convention.RetentionRule;
import org.entente.privacy.DataSubject;
import org.entente.privacy.PeriodRetention;
import org.entente.privacy.PersonalDataHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The purge (annexe protection des données §8): for each person whose destruction date has come, every module's
 * {@link PersonalDataHolder} destroys what it holds, in one transaction per person, the identity last. A dry run
 * counts what would go, and also what the modules' own retention jobs would destroy ({@link PeriodRetention}: the desk's
 * tickets five years after closure, under {@code TICKETS}); a real run leaves those to their jobs. Each run is
 * recorded with its counts per category and the rule applied, never the data.
 */
@Service
class Purges {

	static final int PAGE = 500;

	record CategoryCount(String category, String rule, String clause, long count) {
	}

	/** What no run destroys per person, and why: data destroyed when its own retention period ends. */
	record NotPerPerson(String category, String label, String period, String clause, String text) {
	}

	record Run(long id, Instant startedAt, Instant finishedAt, LocalDate runOn, boolean dryRun, String trigger,
			String operator, int persons, String conventionVersion, List<CategoryCount> counts,
			List<NotPerPerson> notPerPerson) {
	}

	private final Identities identities;
	private final ObjectProvider<PersonalDataHolder> holders;
	private final ObjectProvider<PeriodRetention> periods;
	private final RetentionPolicy retention;
	private final TransactionTemplate tx;
	private final JdbcClient jdbc;

	Purges(Identities identities, ObjectProvider<PersonalDataHolder> holders, ObjectProvider<PeriodRetention> periods,
			RetentionPolicy retention, TransactionTemplate tx, JdbcClient jdbc) {
		this.identities = identities;
		this.holders = holders;
		this.periods = periods;
		this.retention = retention;
		this.tx = tx;
		this.jdbc = jdbc;
	}

	/** Every holder, privacy's own last. */
	List<PersonalDataHolder> holders() {
		return holders.orderedStream().toList();
	}

	/** The person with the addresses every holder knows for them. */
	DataSubject subject(Identities.Identity i) {
		DataSubject s = i.subject();
		for (PersonalDataHolder h : holders()) {
			s = s.withAddresses(h.addresses(s));
		}
		return s;
	}

	Run run(LocalDate on, boolean dryRun, String trigger, String operator) {
		Instant started = Instant.now();
		List<PersonalDataHolder> all = holders();
		Map<String, Long> counts = new LinkedHashMap<>();
		all.forEach(h -> counts.putIfAbsent(h.category(), 0L));
		int persons = 0;
		int offset = 0;
		while (true) {
			List<Identities.Identity> due = identities.due(on, PAGE + offset);
			List<Identities.Identity> page = due.subList(Math.min(offset, due.size()), due.size());
			if (page.isEmpty()) {
				break;
			}
			for (Identities.Identity i : page) {
				persons++;
				tx.executeWithoutResult(status -> {
					DataSubject s = subject(i);
					for (PersonalDataHolder h : all) {
						long n = dryRun ? h.count(s) : h.destroy(s);
						counts.merge(h.category(), n, Long::sum);
					}
				});
			}
			// A real run removes the people it destroyed; a dry run leaves them, so it pages on.
			offset = dryRun ? offset + page.size() : 0;
		}
		if (dryRun) {
			periods.orderedStream().forEach(p -> counts.merge(p.category(), p.due(on), Long::sum));
		}
		int total = persons;
		return tx.execute(status -> record(started, on, dryRun, trigger, operator, total, counts));
	}

	private Run record(Instant started, LocalDate on, boolean dryRun, String trigger, String operator, int persons,
			Map<String, Long> counts) {
		Instant finished = Instant.now();
		String version = retention.convention().version();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into privacy_purge_run (started_at, finished_at, run_on, dry_run, trigger_kind, operator, persons, convention_version)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(started), Timestamp.from(finished), on, dryRun, trigger, operator, persons, version)
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		counts.forEach((category, n) -> {
			RetentionRule rule = retention.rule(category).orElse(null);
			jdbc.sql("insert into privacy_purge_count (run_id, category, clause, rule_text, amount) values (?, ?, ?, ?, ?)")
				.params(id, category, rule == null ? "—" : rule.clause(),
						rule == null ? "départ + " + retention.afterDeparture() : rule.period() + " après " + rule.after(), n)
				.update();
		});
		return find(id);
	}

	Run find(long id) {
		return jdbc.sql("select * from privacy_purge_run where id = ?").param(id).query((rs, n) -> new Run(rs.getLong("id"),
				rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
				rs.getObject("run_on", LocalDate.class), rs.getBoolean("dry_run"), rs.getString("trigger_kind"),
				rs.getString("operator"), rs.getInt("persons"), rs.getString("convention_version"), counts(id), notPerPerson()))
			.single();
	}

	/** The rules in force whose data the purge leaves to its own period (the journal's lines). */
	List<NotPerPerson> notPerPerson() {
		return retention.notPerPerson().stream().map(r -> new NotPerPerson(r.category(), r.label(), r.period().toString(),
				r.clause(), RetentionPolicy.notPerPersonText(r))).toList();
	}

	private List<CategoryCount> counts(long id) {
		return jdbc.sql("select * from privacy_purge_count where run_id = ? order by category").param(id)
			.query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getString("rule_text"), rs.getString("clause"),
					rs.getLong("amount")))
			.list();
	}

	List<Run> latest(int limit) {
		return jdbc.sql("select id from privacy_purge_run order by id desc limit " + Math.min(limit, 200)).query(Long.class)
			.list().stream().map(this::find).toList();
	}
}
