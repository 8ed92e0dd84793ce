package org.entente.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.entente.convention.Component;
import org.entente.convention.Convention;
import org.entente.convention.InterventionKind;
import org.entente.convention.PolicyRevision;
import org.entente.policy.internal.PolicyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The revision duties of the convention file ({@code policyRevisions:}) against the versions published: what is due
 * and what is overdue. A periodic duty is due its period after the last version's effective date, or after the
 * convention's start when none was published; the duty « at every change » of the addressing plan is due on the day
 * the plan last changed and met once that version was communicated (none before a first change). Read by the home banner of the
 * holders and by the committee packs.
 */
@Service
public class PolicyRevisionsDue {

	/** The row whose « at every change » duty is the addressing plan's communication (annexe §1, Cadres de référence). */
	static final String ADDRESS_PLAN_ROW = "CADRES_REFERENCE";

	private final PolicyRows rows;
	private final JdbcClient jdbc;

	PolicyRevisionsDue(PolicyRows rows, JdbcClient jdbc) {
		this.rows = rows;
		this.jdbc = jdbc;
	}

	/** Every revision duty of the current convention, on {@code today}. */
	public List<PolicyRevisionDue> all(LocalDate today) {
		Convention convention = rows.convention();
		List<PolicyRevisionDue> result = new ArrayList<>();
		for (PolicyRevision r : convention.policyRevisions()) {
			Component row = convention.component(r.component()).orElse(null);
			if (row == null) {
				continue;
			}
			record Last(int number, LocalDate effectiveOn) {
			}
			Last last = jdbc.sql("select number, effective_on from policy_version where component = ? order by number desc limit 1")
				.param(r.component())
				.query((rs, i) -> new Last(rs.getInt(1), rs.getDate(2).toLocalDate()))
				.optional().orElse(null);
			LocalDate dueOn = null;
			boolean overdue = false;
			if (r.every() != null) {
				LocalDate base = last == null ? convention.lifecycle().validFrom() : last.effectiveOn();
				dueOn = base.plus(r.every());
				overdue = today.isAfter(dueOn);
			}
			else if (r.onChange() && ADDRESS_PLAN_ROW.equals(r.component())) {
				// « À chaque changement » of the addressing plan: due on the day the plan changed, met once communicated.
				var change = jdbc.sql("select number, changed_at, communicated_at from policy_address_plan_version order by number desc limit 1")
					.query((rs, i) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) })
					.optional().orElse(null);
				if (change != null) {
					dueOn = ((java.time.Instant) change[1]).atZone(java.time.ZoneId.of(convention.calendar().zone())).toLocalDate();
					overdue = change[2] == null && today.isAfter(dueOn);
				}
			}
			result.add(new PolicyRevisionDue(r.component(), row.label(), PolicyRows.parties(row, InterventionKind.DEFINITION),
					r.every() == null ? null : r.every().toString(), r.onChange(), last == null ? null : last.number(),
					last == null ? null : last.effectiveOn(), dueOn, overdue, r.clause()));
		}
		return result;
	}

	/** The overdue revisions, for a committee pack. */
	public List<PolicyRevisionDue> overdue(LocalDate today) {
		return all(today).stream().filter(PolicyRevisionDue::overdue).toList();
	}

	/** The overdue revisions that this party holds (« définition »), for its home banner. */
	public List<PolicyRevisionDue> overdueFor(String party, LocalDate today) {
		return overdue(today).stream().filter(d -> d.holders().contains(party)).toList();
	}
}
