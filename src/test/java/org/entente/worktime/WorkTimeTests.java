package org.entente.worktime;

import java.time.OffsetDateTime;

import org.entente.convention.Conventions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class WorkTimeTests {

	final Conventions conventions = mock(Conventions.class);
	final WorkTime workTime = new WorkTime(conventions);

	@Test
	void criticalUnavailabilitiesGetTheConventionsThreeDeadlines() {
		when(conventions.current()).thenReturn(TestConventions.withVersion("1"));
		SlaDeadlines deadlines = workTime.deadlines(OffsetDateTime.parse("2025-10-24T08:00:00+02:00"), Criticality.CRITICAL);
		assertThat(deadlines).isEqualTo(new SlaDeadlines("1", OffsetDateTime.parse("2025-10-24T12:00:00+02:00"),
				OffsetDateTime.parse("2025-10-24T17:30:00+02:00"), OffsetDateTime.parse("2025-10-27T17:30:00+01:00")));
	}

	@Test
	void deadlinesAreGivenInTheCalendarsZoneWhateverTheOffsetAsked() {
		when(conventions.current()).thenReturn(TestConventions.withVersion("1"));
		SlaDeadlines deadlines = workTime.deadlines(OffsetDateTime.parse("2025-10-24T06:00:00Z"), Criticality.CRITICAL);
		assertThat(deadlines.takeCharge()).hasToString("2025-10-24T12:00+02:00");
	}

	@Test
	void nonCriticalUnavailabilitiesHaveNoDeadline() {
		when(conventions.current()).thenReturn(TestConventions.withVersion("1"));
		assertThat(workTime.deadlines(OffsetDateTime.parse("2025-10-24T08:00:00+02:00"), Criticality.NON_CRITICAL))
			.isEqualTo(new SlaDeadlines("1", null, null, null));
	}

	@Test
	void theCalendarIsRebuiltWhenAnAmendmentIsInForce() {
		when(conventions.current()).thenReturn(TestConventions.withVersion("1"));
		WorkingCalendar first = workTime.calendar();
		assertThat(workTime.calendar()).isSameAs(first);
		when(conventions.current()).thenReturn(TestConventions.withVersion("2"));
		assertThat(workTime.calendar()).isNotSameAs(first);
		assertThat(workTime.deadlines(OffsetDateTime.parse("2025-10-24T08:00:00+02:00"), Criticality.CRITICAL)
			.conventionVersion()).isEqualTo("2");
	}
}
