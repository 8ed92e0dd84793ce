package org.entente.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the partnership stands on {@code today} (article 7).
 *
 * @param daysLeft days from today to {@code validTo}, 0 once it has passed
 * @param renewalWindowOpen true from the window's first day to {@code validTo} included
 * @param endsOn the day the convention ends: {@code validTo}, or an earlier notice's effective date
 */
public record LifecycleStatus(LocalDate today, LocalDate validFrom, LocalDate validTo, LocalDate renewalWindowOpensOn,
		long daysLeft, boolean renewalWindowOpen, Phase phase, List<Notice> notices, LocalDate endsOn) {

	public enum Phase {
		NOT_YET_IN_FORCE, IN_FORCE, RENEWAL_WINDOW, ENDED
	}

	/**
	 * A notice with the day its twelve months run out; when that is after {@code validTo} the convention ends first
	 * and the notice changes nothing.
	 */
	public record Notice(TerminationNotice notice, LocalDate effectiveOn, boolean afterValidTo) {
	}

	public boolean endsByNotice() {
		return endsOn.isBefore(validTo);
	}
}
