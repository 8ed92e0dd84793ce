package org.entente.governance;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * When a committee of article 4 must next meet, from its cadence and its last meeting held (from the convention's
 * first day when none has been held yet).
 *
 * @param nextDueBy the day by which the next meeting keeps the cadence
 * @param late true when {@code nextDueBy} has passed with no meeting held since
 * @param upcoming the next due dates while the convention is in force, {@code nextDueBy} first
 */
public record CommitteeSchedule(String code, String name, Period cadence, String clause, LocalDate lastHeldOn,
		LocalDate nextDueBy, boolean late, long daysLate, List<LocalDate> upcoming) {
}
