package org.entente.convention.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.entente.common.Wording;
import org.entente.convention.Reporting;

/**
 * Checks of the section {@code reporting:} (annexe §4, monthly statistics): well-formed recipients' addresses, at
 * least one indicator, each with a code the module {@code reporting} computes (listed in {@link #CODES}), unique,
 * with its label, definition and clause; the satisfaction campaigns' reminder days ({@code campaignReminderDays},
 * optional): whole days from 1 to {@link #MAX_REMINDER_DAYS} before the last day, each once.
 */
final class ReportingChecks extends YamlChecks {

	/** The indicators the module reporting knows how to compute. */
	static final Set<String> CODES = Set.of("OPENED", "CLOSED", "BACKLOG_AT_END", "BY_PARTY", "BY_ESTABLISHMENT",
			"BY_COMPONENT", "TAKE_CHARGE", "RESTORATION", "HAND_BACKS", "REOPENED", "SATISFACTION");

	/** A reminder further than this many days before a campaign's last day is a typing error. */
	static final int MAX_REMINDER_DAYS = 60;

	ReportingChecks(ConventionYaml yaml) {
		super(yaml);
	}

	Reporting check(Reporting reporting) {
		if (reporting == null) {
			return Reporting.none();
		}
		List<Object> path = List.of("reporting");
		required(reporting.clause(), append(path, "clause"));
		for (int i = 0; i < reporting.recipients().size(); i++) {
			String address = reporting.recipients().get(i);
			if (address == null || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				fault(append(path, "recipients", i), Wording.of("convention.fault.badEmail", String.valueOf(address)));
			}
		}
		if (reporting.indicators().isEmpty()) {
			fault(append(path, "indicators"), Wording.of("convention.fault.noIndicator", String.valueOf(new java.util.TreeSet<>(CODES))));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < reporting.indicators().size(); i++) {
			Reporting.Indicator indicator = reporting.indicators().get(i);
			List<Object> at = append(path, "indicators", i);
			if (indicator == null) {
				fault(at, Wording.of("convention.fault.emptyIndicator"));
				continue;
			}
			if (indicator.code() == null || !CODES.contains(indicator.code())) {
				fault(append(at, "code"), Wording.of("convention.fault.unknownIndicator", String.valueOf(indicator.code()),
						String.valueOf(new java.util.TreeSet<>(CODES))));
			}
			else if (!seen.add(indicator.code())) {
				fault(append(at, "code"), Wording.of("convention.fault.indicatorTwice", String.valueOf(indicator.code())));
			}
			required(indicator.label(), append(at, "label"));
			required(indicator.definition(), append(at, "definition"));
			required(indicator.clause(), append(at, "clause"));
		}
		Set<Integer> days = new HashSet<>();
		for (int i = 0; i < reporting.campaignReminderDays().size(); i++) {
			Integer day = reporting.campaignReminderDays().get(i);
			List<Object> at = append(path, "campaignReminderDays", i);
			if (day == null || day < 1 || day > MAX_REMINDER_DAYS) {
				fault(at, Wording.of("convention.fault.badReminder", String.valueOf(day), String.valueOf(MAX_REMINDER_DAYS)));
			}
			else if (!days.add(day)) {
				fault(at, Wording.of("convention.fault.reminderTwice", String.valueOf(day)));
			}
		}
		return reporting;
	}
}
