package org.entente.convention;

import java.util.List;

/**
 * Annex part 4, the indicators: the monthly statistics sent to the Département, whose content the parties define
 * together. {@code recipients} are mail addresses; {@code indicators} the set produced each month, each with its
 * definition and the clause it answers. Optional section {@code reporting:}; module {@code reporting} supplies a
 * default set when a file has none. {@code campaignReminderDays}: the satisfaction campaigns' reminders to those who
 * have not answered, in days before the last day, farthest first ({@link #DEFAULT_CAMPAIGN_REMINDER_DAYS} when the
 * file says nothing; an empty list: no reminder).
 */
public record Reporting(String clause, List<String> recipients, List<Indicator> indicators, List<Integer> campaignReminderDays) {

	/** The reminders of a file that does not name them: 7 and 2 days before the last day. */
	public static final List<Integer> DEFAULT_CAMPAIGN_REMINDER_DAYS = List.of(7, 2);

	public Reporting {
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
		// As written (the checks name a null, a repeat or a day out of range), the reminders read it sorted.
		campaignReminderDays = campaignReminderDays == null ? DEFAULT_CAMPAIGN_REMINDER_DAYS
				: java.util.Collections.unmodifiableList(new java.util.ArrayList<>(campaignReminderDays));
	}

	/** The reminder days, farthest from the last day first, each once. */
	public List<Integer> campaignReminderDaysFarthestFirst() {
		return campaignReminderDays.stream().filter(java.util.Objects::nonNull).distinct()
			.sorted(java.util.Comparator.reverseOrder()).toList();
	}

	public Reporting(String clause, List<String> recipients, List<Indicator> indicators) {
		this(clause, recipients, indicators, null);
	}

	/** A file without the section. */
	public static Reporting none() {
		return new Reporting(null, List.of(), List.of());
	}

	/** One indicator of the monthly statistics. */
	public record Indicator(String code, String label, String definition, String clause) {
	}
}
