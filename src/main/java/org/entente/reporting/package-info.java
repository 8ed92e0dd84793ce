/**
 * Indicators of part 4 of the operational annex: daily aggregates kept from the desk's events (never its tables),
 * the global dashboard, the monthly statistics sent to the Département (PDF, XLSX, mail) with the indicator set of
 * the convention file (see docs/reporting.md). Depends on {@code helpdesk} (its events, and {@code TicketFacts} to
 * rebuild from scratch), {@code convention} (the version in force, the indicator set and its recipients),
 * {@code worktime} (the calendar: days in the convention's zone, the first working day of the month),
 * {@code directory} (who asks: role and party), {@code notification} (the monthly mail), {@code policy} (the
 * revisions due, in committee packs), {@code governance} (the meetings a pack is assembled for, on its
 * {@code MeetingScheduled} event, attached back through its {@code MeetingPacks}; the decision that ordered a campaign),
 * {@code inventory} (the use of equipment, in the evaluation committee's pack, through {@code EquipmentUse}) and
 * {@code common}. Governance does not depend on reporting: reporting needs governance's decisions anyway, so the pack
 * goes the other way, by event and public API, without a cycle. Also the strategic committee's satisfaction campaigns
 * (anonymous answers, one per single-use link, invitations through {@code notification}).
 * Publishes {@link org.entente.reporting.MonthlyStatisticsProduced}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicateurs",
		allowedDependencies = { "helpdesk", "convention", "worktime", "directory", "notification", "policy", "governance", "inventory", "common", "privacy" })
package org.entente.reporting;
