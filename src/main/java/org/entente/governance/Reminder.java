package org.entente.governance;

import java.time.LocalDate;
import java.time.Period;

/** A day on which the committees' members are reminded of the convention's end (article 7). */
public record Reminder(LocalDate on, Kind kind, Period beforeEnd, String label) {

	public enum Kind {
		RENEWAL_WINDOW_OPENS, BEFORE_END
	}
}
