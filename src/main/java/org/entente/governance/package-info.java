/**
 * Governance: the committees of article 4 and their meetings, the convention's own lifecycle (article 7: end,
 * renewal window, termination notices, reminders) and the ENT contribution of the financial annex. Depends on
 * {@code convention} because every date, cadence, member list and amount it computes comes from the convention file, and on
 * {@code notification} to mail convocations (with their .ics) and lifecycle reminders; on {@code common} for the
 * shared problem type. Depends on {@code policy} for the arbitration of policy changes: it listens to
 * {@link org.entente.policy.PolicyChangeEscalated} to put the change on the strategic committee's agenda, and hands the
 * committee's decision back through {@link org.entente.policy.PolicyArbitrations} (on its own
 * {@link org.entente.governance.CommitteeDecisionRecorded}); the register does not depend on governance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gouvernance", allowedDependencies = { "convention", "notification", "common", "privacy", "policy" })
package org.entente.governance;
