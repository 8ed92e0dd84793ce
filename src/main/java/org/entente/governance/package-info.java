/**
 * Governance: the committees of article 4 and their meetings, the convention's own lifecycle (article 7: end,
 * renewal window, termination notices, reminders) and the ENT contribution of the financial annex. Depends on
 * {@code convention} because every date, cadence, member list and amount it computes comes from the convention file, and on
 * {@code notification} to mail convocations (with their .ics) and lifecycle reminders; on {@code common} for the
 * shared problem type.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gouvernance", allowedDependencies = { "convention", "notification", "common", "privacy" })
package org.entente.governance;
