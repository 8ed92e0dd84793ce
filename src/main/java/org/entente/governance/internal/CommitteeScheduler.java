package org.entente.governance.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.entente.convention.Committee;
import org.entente.convention.Lifecycle;
import org.entente.governance.CommitteeSchedule;

/** Article 4's cadences turned into due dates and late warnings. */
public final class CommitteeScheduler {

	private CommitteeScheduler() {
	}

	/**
	 * Due dates count from the last meeting held on or before {@code today} (from {@code validFrom} when none has
	 * been), each one cadence further: anchor + k × cadence rather than adding the cadence again and again, so that a
	 * monthly committee last held on 31 January is due on 28 February, then 31 March, not 28 March.
	 */
	public static CommitteeSchedule schedule(Committee committee, Lifecycle lifecycle, List<LocalDate> heldOn,
			LocalDate today, int count) {
		LocalDate lastHeld = heldOn.stream()
			.filter(d -> !d.isAfter(today))
			.max(Comparator.naturalOrder())
			.orElse(null);
		LocalDate anchor = lastHeld != null ? lastHeld : lifecycle.validFrom();
		LocalDate nextDueBy = anchor.plus(committee.cadence());
		boolean late = nextDueBy.isBefore(today);
		List<LocalDate> upcoming = new ArrayList<>();
		for (int k = 1; upcoming.size() < count; k++) {
			LocalDate due = anchor.plus(committee.cadence().multipliedBy(k));
			if (due.isAfter(lifecycle.validTo())) {
				break;
			}
			upcoming.add(due);
		}
		return new CommitteeSchedule(committee.code(), committee.name(), committee.cadence(), committee.clause(),
				lastHeld, nextDueBy, late, late ? ChronoUnit.DAYS.between(nextDueBy, today) : 0, List.copyOf(upcoming));
	}
}
