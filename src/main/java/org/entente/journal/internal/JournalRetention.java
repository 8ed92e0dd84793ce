package org.entente.journal.internal;

import java.time.Period;
import java.util.List;

import org.entente.convention.Conventions;
import org.entente.convention.RetentionRule;
import org.entente.journal.JournalProperties;
import org.springframework.stereotype.Component;

/**
 * How long connection logs are kept: the row {@code CONNECTION_LOGS} of the convention file's {@code retention:}
 * section (its period and clause), else {@code entente.journal.retention}, else one year (décret 2021-1362). Read at
 * each purge, so a new version of the convention applies from the next one.
 */
@Component
public class JournalRetention {

	public static final String CATEGORY = "CONNECTION_LOGS";

	/** The period in force and where it comes from. */
	public record Rule(Period period, String clause, boolean fromConvention) {

		public String describe() {
			return period + (clause == null ? "" : ", " + clause)
					+ (fromConvention ? " (fichier de convention)" : " (entente.journal.retention)");
		}
	}

	private final Conventions conventions;
	private final JournalProperties properties;

	JournalRetention(Conventions conventions, JournalProperties properties) {
		this.conventions = conventions;
		this.properties = properties;
	}

	public Rule current() {
		return of(conventions.current().retention(), properties.retentionOrDefault());
	}

	/** The convention's row for connection logs when it has one with a period, else the fallback. */
	static Rule of(List<RetentionRule> rules, Period fallback) {
		if (rules != null) {
			for (RetentionRule r : rules) {
				if (r != null && CATEGORY.equals(r.category()) && r.period() != null && !r.period().isNegative()
						&& !r.period().isZero()) {
					return new Rule(r.period(), r.clause(), true);
				}
			}
		}
		return new Rule(fallback, "décret n° 2021-1362", false);
	}
}
