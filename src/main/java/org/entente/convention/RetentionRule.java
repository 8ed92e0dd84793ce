package org.entente.convention;

import java.time.Period;

/**
 * How long one category of data is kept (data-protection annex §8 and the register): {@code period} counted from
 * {@code after} (for instance {@code DEPARTURE} for identities, {@code CLOSURE} for tickets), with its clause.
 * Optional section {@code retention:}; read by module {@code privacy}.
 */
public record RetentionRule(String category, String label, Period period, String after, String clause) {
}
