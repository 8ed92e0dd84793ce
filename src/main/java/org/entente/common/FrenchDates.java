package org.entente.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One way to write a day in a French sentence or document: « 01/12/2026 ». Pages that spell the month out, and
 * times with their hour, keep their own formats; files for machines keep ISO dates.
 */
public final class FrenchDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private FrenchDates() {
	}

	/** « 01/12/2026 ». */
	public static String day(LocalDate day) {
		return DAY.format(day);
	}
}
