package org.entente.governance.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.entente.convention.Lifecycle;
import org.entente.governance.LifecycleStatus;
import org.entente.governance.LifecycleStatus.Notice;
import org.entente.governance.LifecycleStatus.Phase;
import org.entente.governance.Reminder;
import org.entente.governance.TerminationNotice;

/** Article 7 in dates: where the convention stands, when a notice takes effect, when to remind. */
public final class LifecycleCalculator {

	/** Reminders before the end when configuration says nothing else. */
	public static final List<Period> DEFAULT_REMINDERS = List.of(Period.ofMonths(6), Period.ofMonths(3),
			Period.ofMonths(1), Period.ofDays(15));

	private LifecycleCalculator() {
	}

	public static LifecycleStatus status(Lifecycle lifecycle, LocalDate today, List<TerminationNotice> notices) {
		List<Notice> computed = notices.stream()
			.sorted(Comparator.comparing(TerminationNotice::receivedOn))
			.map(n -> {
				LocalDate effective = effectiveOn(lifecycle, n);
				return new Notice(n, effective, effective.isAfter(lifecycle.validTo()));
			})
			.toList();
		LocalDate endsOn = computed.stream()
			.map(Notice::effectiveOn)
			.filter(d -> d.isBefore(lifecycle.validTo()))
			.min(Comparator.naturalOrder())
			.orElse(lifecycle.validTo());
		LocalDate windowOpens = lifecycle.renewalWindowOpensOn();
		boolean windowOpen = !today.isBefore(windowOpens) && !today.isAfter(lifecycle.validTo());
		Phase phase = today.isBefore(lifecycle.validFrom()) ? Phase.NOT_YET_IN_FORCE
				: today.isAfter(endsOn) ? Phase.ENDED : windowOpen ? Phase.RENEWAL_WINDOW : Phase.IN_FORCE;
		long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, lifecycle.validTo()));
		return new LifecycleStatus(today, lifecycle.validFrom(), lifecycle.validTo(), windowOpens, daysLeft, windowOpen,
				phase, computed, endsOn);
	}

	/**
	 * Receipt + the notice period, in calendar months: the same day-of-month, or the month's last day when it has no
	 * such day (31 March → 31 March; 29 February 2028 → 28 February 2029), as French law counts periods in months
	 * (code de procédure civile, art. 641).
	 */
	public static LocalDate effectiveOn(Lifecycle lifecycle, TerminationNotice notice) {
		if (lifecycle.termination().from() != null && !"RECEIPT".equals(lifecycle.termination().from())) {
			throw new IllegalStateException("Point de départ du préavis inconnu : " + lifecycle.termination().from());
		}
		return notice.receivedOn().plusMonths(lifecycle.termination().noticeMonths());
	}

	/**
	 * The window's opening, then each period before the end counted back from the day after {@code validTo}, as the
	 * window itself is (six months before a 31 December end is 1 July). A fixed point that falls on the window's
	 * opening or before the convention starts is dropped.
	 */
	public static List<Reminder> reminders(Lifecycle lifecycle, List<Period> beforeEnd) {
		LocalDate windowOpens = lifecycle.renewalWindowOpensOn();
		List<Reminder> plan = new ArrayList<>();
		plan.add(new Reminder(windowOpens, Reminder.Kind.RENEWAL_WINDOW_OPENS,
				Period.ofMonths(lifecycle.renewal().windowMonthsBeforeEnd()),
				"Ouverture de la fenêtre de renouvellement : la négociation se tient dans les "
						+ lifecycle.renewal().windowMonthsBeforeEnd() + " mois qui précèdent la fin de la convention le "
						+ French.date(lifecycle.validTo()) + "."));
		LocalDate endExclusive = lifecycle.validTo().plusDays(1);
		for (Period period : beforeEnd) {
			LocalDate on = endExclusive.minus(period);
			if (on.equals(windowOpens) || on.isBefore(lifecycle.validFrom()) || !on.isBefore(endExclusive)) {
				continue;
			}
			plan.add(new Reminder(on, Reminder.Kind.BEFORE_END, period,
					"La convention prend fin dans " + French.period(period) + ", le " + French.date(lifecycle.validTo())
							+ "."));
		}
		plan.sort(Comparator.comparing(Reminder::on));
		return plan.stream().distinct().toList();
	}
}
