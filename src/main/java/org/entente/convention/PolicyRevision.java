package org.entente.convention;

import java.time.Period;

/**
 * A revision duty of a policy of part 1 (the acceptance policy yearly, the software catalogues at least yearly, the
 * IP addressing plan at every change): the matrix component of the policy row, how often ({@code every}, null when
 * {@code onChange}), and the clause. Optional section {@code policyRevisions:}; read by the policy register.
 */
public record PolicyRevision(String component, Period every, boolean onChange, String clause) {
}
