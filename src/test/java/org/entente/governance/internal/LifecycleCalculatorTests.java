package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.entente.convention.Lifecycle;
import org.entente.governance.GovernanceFixtures;
import org.entente.governance.LifecycleStatus;
import org.entente.governance.LifecycleStatus.Phase;
import org.entente.governance.Reminder;
import org.entente.governance.TerminationNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleCalculatorTests {

	private final Lifecycle lifecycle = GovernanceFixtures.lifecycle();

	@Test
	void theRenewalWindowOfThisConventionOpensOnFirstJuly2026() {
		LifecycleStatus status = LifecycleCalculator.status(lifecycle, LocalDate.of(2025, 11, 28), List.of());

		assertThat(status.validFrom()).isEqualTo("2025-04-01");
		assertThat(status.validTo()).isEqualTo("2026-12-31");
		assertThat(status.renewalWindowOpensOn()).isEqualTo("2026-07-01");
		assertThat(status.renewalWindowOpen()).isFalse();
		assertThat(status.phase()).isEqualTo(Phase.IN_FORCE);
		assertThat(status.daysLeft()).isEqualTo(398);
		assertThat(status.endsOn()).isEqualTo("2026-12-31");
		assertThat(status.endsByNotice()).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1} days left, window open {2}, {3}")
	@CsvSource({ "2025-03-31, 640, false, NOT_YET_IN_FORCE", "2025-04-01, 639, false, IN_FORCE",
			"2026-06-30, 184, false, IN_FORCE", "2026-07-01, 183, true, RENEWAL_WINDOW",
			"2026-12-30, 1, true, RENEWAL_WINDOW", "2026-12-31, 0, true, RENEWAL_WINDOW",
			"2027-01-01, 0, false, ENDED", "2030-05-05, 0, false, ENDED" })
	void saysWhereTheConventionStandsAroundItsDates(LocalDate today, long daysLeft, boolean windowOpen, Phase phase) {
		LifecycleStatus status = LifecycleCalculator.status(lifecycle, today, List.of());

		assertThat(status.daysLeft()).isEqualTo(daysLeft);
		assertThat(status.renewalWindowOpen()).isEqualTo(windowOpen);
		assertThat(status.phase()).isEqualTo(phase);
	}

	@ParameterizedTest(name = "received {0} → effective {1}")
	@CsvSource({
			// the same day-of-month twelve months later
			"2025-06-15, 2026-06-15",
			// received on the 31st: a month that has a 31st keeps it
			"2025-03-31, 2026-03-31", "2025-12-31, 2026-12-31",
			// received on 29 February of a leap year: the next February has no 29th
			"2028-02-29, 2029-02-28",
			// from a leap year's 28 February: no shift
			"2028-02-28, 2029-02-28",
			// towards a leap year: 29 February exists, nothing to clamp
			"2027-02-28, 2028-02-28" })
	void aNoticeTakesEffectTwelveMonthsAfterReceipt(LocalDate receivedOn, LocalDate effectiveOn) {
		assertThat(LifecycleCalculator.effectiveOn(lifecycle, new TerminationNotice(receivedOn, "ACA", "motif")))
			.isEqualTo(effectiveOn);
	}

	@Test
	void aShorterNoticeFromThe31stEndsOnTheLastDayOfAShorterMonth() {
		Lifecycle sixMonths = new Lifecycle(lifecycle.validFrom(), lifecycle.validTo(), lifecycle.clause(),
				lifecycle.renewal(), new Lifecycle.Termination(6, "RECEIPT", "Article 7"), null);

		assertThat(LifecycleCalculator.effectiveOn(sixMonths, new TerminationNotice(LocalDate.of(2025, 8, 31), "CD", "")))
			.isEqualTo("2026-02-28");
		assertThat(LifecycleCalculator.effectiveOn(sixMonths, new TerminationNotice(LocalDate.of(2027, 8, 31), "CD", "")))
			.isEqualTo("2028-02-29");
	}

	@Test
	void aNoticeReceivedEarlyEndsTheConventionBeforeItsTerm() {
		TerminationNotice notice = new TerminationNotice(LocalDate.of(2025, 10, 31), "Académie de Rennes",
				"Motif d'intérêt général");

		LifecycleStatus before = LifecycleCalculator.status(lifecycle, LocalDate.of(2026, 10, 31), List.of(notice));
		assertThat(before.notices()).singleElement().satisfies(n -> {
			assertThat(n.effectiveOn()).isEqualTo("2026-10-31");
			assertThat(n.afterValidTo()).isFalse();
		});
		assertThat(before.endsOn()).isEqualTo("2026-10-31");
		assertThat(before.endsByNotice()).isTrue();
		assertThat(before.phase()).isEqualTo(Phase.RENEWAL_WINDOW);
		// the contract's daysLeft still counts to validTo; endsOn says the notice ends it first
		assertThat(before.daysLeft()).isEqualTo(61);

		LifecycleStatus after = LifecycleCalculator.status(lifecycle, LocalDate.of(2026, 11, 1), List.of(notice));
		assertThat(after.phase()).isEqualTo(Phase.ENDED);
	}

	@Test
	void aNoticeReceivedLateChangesNothingTheConventionEndsFirst() {
		TerminationNotice late = new TerminationNotice(LocalDate.of(2026, 3, 31), "Département", "Manquement");
		TerminationNotice early = new TerminationNotice(LocalDate.of(2025, 12, 31), "Académie", "Motif");

		LifecycleStatus status = LifecycleCalculator.status(lifecycle, LocalDate.of(2026, 4, 1), List.of(late, early));

		assertThat(status.notices()).extracting(n -> n.notice().receivedOn())
			.containsExactly(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31));
		assertThat(status.notices()).extracting(LifecycleStatus.Notice::effectiveOn, LifecycleStatus.Notice::afterValidTo)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 31), false),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 3, 31), true));
		// a notice that runs out on validTo itself does not end the convention earlier
		assertThat(status.endsOn()).isEqualTo("2026-12-31");
		assertThat(status.endsByNotice()).isFalse();
	}

	@Test
	void remindsAtTheWindowsOpeningAndAtFixedPointsBeforeTheEnd() {
		List<Reminder> plan = LifecycleCalculator.reminders(lifecycle, LifecycleCalculator.DEFAULT_REMINDERS);

		// 6 months before the end is the window's opening: one reminder, not two
		assertThat(plan).extracting(Reminder::on, Reminder::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 7, 1), Reminder.Kind.RENEWAL_WINDOW_OPENS),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 1), Reminder.Kind.BEFORE_END),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 1), Reminder.Kind.BEFORE_END),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 17), Reminder.Kind.BEFORE_END));
		assertThat(plan.get(0).label()).contains("6 mois", "31 décembre 2026");
		assertThat(plan.get(1).label()).isEqualTo("La convention prend fin dans 3 mois, le 31 décembre 2026.");
		assertThat(plan.get(3).label()).contains("15 jours");
	}

	@Test
	void theReminderListIsConfigurableAndKeepsInsideTheConvention() {
		List<Reminder> plan = LifecycleCalculator.reminders(lifecycle,
				List.of(Period.ofDays(7), Period.ofMonths(2), Period.ofYears(3), Period.ZERO));

		assertThat(plan).extracting(Reminder::on)
			.containsExactly(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 25));
	}

	@Test
	void writesFrenchDatesAndPeriods() {
		assertThat(French.date(LocalDate.of(2026, 7, 1))).isEqualTo("1er juillet 2026");
		assertThat(French.date(LocalDate.of(2026, 12, 31))).isEqualTo("31 décembre 2026");
		assertThat(French.period(Period.of(1, 2, 1))).isEqualTo("1 an, 2 mois et 1 jour");
		assertThat(French.period(Period.ofMonths(14))).isEqualTo("1 an et 2 mois");
	}

	@Test
	void daysLeftCountTheLeapDay() {
		Lifecycle leap = GovernanceFixtures.lifecycle(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 3, 1));

		assertThat(LifecycleCalculator.status(leap, LocalDate.of(2028, 2, 28), List.of()).daysLeft()).isEqualTo(2);
		assertThat(LifecycleCalculator.status(leap, LocalDate.of(2028, 2, 29), List.of()).daysLeft()).isEqualTo(1);
		assertThat(LifecycleCalculator.status(lifecycle, LocalDate.of(2026, 2, 28), List.of()).daysLeft()).isEqualTo(306);
	}

	@ParameterizedTest(name = "ends {0} → window opens {1}")
	@CsvSource({
			// a convention ending on a leap day: six months before 1 March 2028
			"2028-02-29, 2027-09-01",
			// ending on 28 February of a common year: the same opening
			"2027-02-28, 2026-09-01",
			// ending on the 30th of a 30-day month: six months before 1 July
			"2026-06-30, 2026-01-01",
			// ending on 31 August: six months before 1 September is 1 March, whatever February's length
			"2028-08-31, 2028-03-01" })
	void theRenewalWindowOpensSixMonthsBeforeTheDayAfterTheEnd(LocalDate validTo, LocalDate opens) {
		Lifecycle l = GovernanceFixtures.lifecycle(LocalDate.of(2025, 1, 1), validTo);

		assertThat(l.renewalWindowOpensOn()).isEqualTo(opens);
		assertThat(LifecycleCalculator.status(l, opens.minusDays(1), List.of()).renewalWindowOpen()).isFalse();
		assertThat(LifecycleCalculator.status(l, opens, List.of()).renewalWindowOpen()).isTrue();
	}

	@Test
	void aNoticeReceivedOnThe31stTakesEffectOnThe31stAndCanEndTheConventionEarly() {
		TerminationNotice notice = new TerminationNotice(LocalDate.of(2025, 10, 31), "CD", "motif");

		LifecycleStatus status = LifecycleCalculator.status(lifecycle, LocalDate.of(2026, 10, 31), List.of(notice));
		assertThat(status.notices().get(0).effectiveOn()).isEqualTo("2026-10-31");
		assertThat(status.endsOn()).isEqualTo("2026-10-31");
		assertThat(status.phase()).isEqualTo(Phase.RENEWAL_WINDOW);
		assertThat(LifecycleCalculator.status(lifecycle, LocalDate.of(2026, 11, 1), List.of(notice)).phase())
			.isEqualTo(Phase.ENDED);
	}

	@Test
	void remindersBeforeALeapDayEnd() {
		Lifecycle leap = GovernanceFixtures.lifecycle(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 2, 29));

		assertThat(LifecycleCalculator.reminders(leap, LifecycleCalculator.DEFAULT_REMINDERS)).extracting(Reminder::on)
			.containsExactly(LocalDate.of(2027, 9, 1), LocalDate.of(2027, 12, 1), LocalDate.of(2028, 2, 1),
					LocalDate.of(2028, 2, 15));
	}
}
