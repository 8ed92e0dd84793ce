package org.entente.convention;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working-time calendar the convention's «demi-journée ouvrée» is counted in: zone, working days, business
 * hours, public holidays (a Jollyday calendar name) and declared closures. A party may have its own calendar.
 */
public record CalendarRules(String zone, String holidays, Set<DayOfWeek> workingDays, List<String> hours,
		List<Closure> closures, Map<String, CalendarRules> partyCalendars) {

	/** A declared closure, both days included. */
	public record Closure(LocalDate from, LocalDate to, String label) {
	}

	/** One business-hours range, e.g. 08:00–12:00. */
	public record Range(LocalTime from, LocalTime to) {
	}

	/** The business hours parsed from «HH:mm-HH:mm» strings (validated when the file is loaded). */
	public List<Range> ranges() {
		return hours.stream().map(CalendarRules::parseRange).toList();
	}

	public static Range parseRange(String text) {
		String[] parts = text.split("-");
		if (parts.length != 2) {
			throw new IllegalArgumentException("« " + text + " » n'est pas une plage horaire HH:mm-HH:mm");
		}
		Range range = new Range(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
		if (!range.from().isBefore(range.to())) {
			throw new IllegalArgumentException("la plage « " + text + " » finit avant de commencer");
		}
		return range;
	}
}
