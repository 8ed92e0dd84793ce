package org.entente.convention.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.entente.common.Wording;
import org.entente.convention.RetentionRule;

/**
 * Checks of the optional {@code retention:} section read by module {@code privacy}: one rule per category (an upper
 * case code, unique), a label, a positive period, a known starting point ({@code after}) and the clause that sets it.
 */
final class RetentionChecks extends YamlChecks {

	/** What a period is counted from: a person's departure, a ticket's closure, a datum's receipt. */
	static final List<String> STARTS = List.of("DEPARTURE", "CLOSURE", "RECEIPT");

	RetentionChecks(ConventionYaml yaml) {
		super(yaml);
	}

	List<RetentionRule> check(List<RetentionRule> rules) {
		List<RetentionRule> list = nonNull(rules);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			RetentionRule r = list.get(i);
			List<Object> path = List.of("retention", i);
			if (r == null) {
				fault(path, Wording.of("convention.fault.emptyRetention"));
				continue;
			}
			if (r.category() == null || !r.category().matches("[A-Z][A-Z0-9_]{0,39}")) {
				fault(append(path, "category"), Wording.of("convention.fault.categoryCode"));
			}
			else if (!seen.add(r.category())) {
				fault(append(path, "category"), Wording.of("convention.fault.categoryTwice", r.category()));
			}
			required(r.label(), append(path, "label"));
			required(r.clause(), append(path, "clause"));
			Period p = r.period();
			if (p == null || p.isNegative() || p.isZero()) {
				fault(append(path, "period"), Wording.of("convention.fault.positiveDuration"));
			}
			else if (LocalDate.of(2000, 1, 1).plus(p).isAfter(LocalDate.of(2100, 1, 1))) {
				fault(append(path, "period"), Wording.of("convention.fault.overHundredYears"));
			}
			if (r.after() == null || !STARTS.contains(r.after())) {
				fault(append(path, "after"), Wording.of("convention.fault.retentionStart", String.valueOf(STARTS)));
			}
		}
		return List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList());
	}
}
