package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.entente.convention.Committee;
import org.entente.convention.Lifecycle;
import org.entente.governance.CommitteeSchedule;
import org.entente.governance.GovernanceFixtures;
import org.junit.jupiter.api.Test;

class CommitteeSchedulerTests {

	private final Lifecycle lifecycle = GovernanceFixtures.lifecycle();

	private Committee committee(String code) {
		return GovernanceFixtures.committees().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void withNoMeetingYetTheFirstIsDueOneCadenceAfterTheConventionStarts() {
		CommitteeSchedule strategic = CommitteeScheduler.schedule(committee("STRATEGIC"), lifecycle, List.of(),
				LocalDate.of(2025, 5, 1), 10);

		assertThat(strategic.lastHeldOn()).isNull();
		assertThat(strategic.nextDueBy()).isEqualTo("2025-10-01");
		assertThat(strategic.late()).isFalse();
		// every six months while the convention is in force (1 October 2026 + 6 months is past 31 December 2026)
		assertThat(strategic.upcoming()).containsExactly(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 4, 1),
				LocalDate.of(2026, 10, 1));
	}

	@Test
	void countsFromTheLastMeetingHeld() {
		CommitteeSchedule operational = CommitteeScheduler.schedule(committee("OPERATIONAL"), lifecycle,
				List.of(LocalDate.of(2025, 6, 12), LocalDate.of(2025, 9, 18), LocalDate.of(2025, 4, 30)),
				LocalDate.of(2025, 11, 28), 2);

		assertThat(operational.lastHeldOn()).isEqualTo("2025-09-18");
		assertThat(operational.nextDueBy()).isEqualTo("2025-12-18");
		assertThat(operational.upcoming()).containsExactly(LocalDate.of(2025, 12, 18), LocalDate.of(2026, 3, 18));
		assertThat(operational.late()).isFalse();
	}

	@Test
	void warnsWhenACadenceIsMissed() {
		CommitteeSchedule exploitation = CommitteeScheduler.schedule(committee("EXPLOITATION"), lifecycle,
				List.of(LocalDate.of(2025, 9, 30)), LocalDate.of(2025, 11, 28), 3);

		assertThat(exploitation.nextDueBy()).isEqualTo("2025-10-30");
		assertThat(exploitation.late()).isTrue();
		assertThat(exploitation.daysLate()).isEqualTo(29);
	}

	@Test
	void isNotLateOnTheDueDayItself() {
		CommitteeSchedule exploitation = CommitteeScheduler.schedule(committee("EXPLOITATION"), lifecycle,
				List.of(LocalDate.of(2025, 9, 30)), LocalDate.of(2025, 10, 30), 1);

		assertThat(exploitation.late()).isFalse();
		assertThat(exploitation.daysLate()).isZero();
	}

	@Test
	void aMeetingRecordedInTheFutureDoesNotCountAsHeld() {
		CommitteeSchedule evaluation = CommitteeScheduler.schedule(committee("EVALUATION"), lifecycle,
				List.of(LocalDate.of(2026, 1, 15)), LocalDate.of(2025, 11, 28), 1);

		assertThat(evaluation.lastHeldOn()).isNull();
		assertThat(evaluation.nextDueBy()).isEqualTo("2025-10-01");
		assertThat(evaluation.late()).isTrue();
	}

	@Test
	void monthlyDueDatesDoNotDriftAfterAShortMonth() {
		Committee monthly = GovernanceFixtures.committee("M", "Mensuel", Period.ofMonths(1), "Article 4 d)");

		CommitteeSchedule schedule = CommitteeScheduler.schedule(monthly, lifecycle, List.of(LocalDate.of(2026, 1, 31)),
				LocalDate.of(2026, 2, 1), 4);

		assertThat(schedule.upcoming()).containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31),
				LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31));
	}

	@Test
	void aLeapYearFebruaryKeepsItsTwentyNinth() {
		Committee monthly = GovernanceFixtures.committee("M", "Mensuel", Period.ofMonths(1), "Article 4 d)");
		Committee halfYearly = GovernanceFixtures.committee("S", "Semestriel", Period.ofMonths(6), "Article 4 a)");
		var longer = GovernanceFixtures.lifecycle(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));

		assertThat(CommitteeScheduler.schedule(monthly, longer, List.of(LocalDate.of(2028, 1, 31)), LocalDate.of(2028, 2, 1), 2)
			.upcoming()).containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
		assertThat(CommitteeScheduler.schedule(halfYearly, longer, List.of(LocalDate.of(2027, 8, 31)), LocalDate.of(2027, 9, 1), 2)
			.upcoming()).containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 8, 31));
	}

	@Test
	void schedulesNothingPastTheConventionsEnd() {
		CommitteeSchedule strategic = CommitteeScheduler.schedule(committee("STRATEGIC"), lifecycle,
				List.of(LocalDate.of(2026, 10, 2)), LocalDate.of(2026, 11, 1), 5);

		assertThat(strategic.nextDueBy()).isEqualTo("2027-04-02");
		assertThat(strategic.upcoming()).isEmpty();
	}
}
