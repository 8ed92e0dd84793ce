package org.entente.governance.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How governance writes dates and periods in the French sentences it shows and mails. */
final class French {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	private French() {
	}

	static String date(LocalDate date) {
		String text = DATE.format(date);
		return date.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
	}

	static String period(Period period) {
		List<String> parts = new ArrayList<>();
		Period p = period.normalized();
		if (p.getYears() != 0) {
			parts.add(p.getYears() + (p.getYears() > 1 ? " ans" : " an"));
		}
		if (p.getMonths() != 0) {
			parts.add(p.getMonths() + " mois");
		}
		if (p.getDays() != 0) {
			parts.add(p.getDays() + (p.getDays() > 1 ? " jours" : " jour"));
		}
		if (parts.isEmpty()) {
			return "0 jour";
		}
		String last = parts.remove(parts.size() - 1);
		return parts.isEmpty() ? last : String.join(", ", parts) + " et " + last;
	}
}
