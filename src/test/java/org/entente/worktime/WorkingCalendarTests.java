package org.entente.worktime;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.convention.CalendarRules;
import org.entente.convention.CalendarRules.Closure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	final WorkingCalendar calendar = WorkingCalendar.of(WorkingCalendar.defaultRules());

	static Instant paris(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
	}

	static Duration hours(double h) {
		return Duration.ofMinutes(Math.round(h * 60));
	}

	@ParameterizedTest(name = "{0} + {1} h → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# ordinary days and the lunch gap
			2025-10-22T08:00 | 4    | 2025-10-22T12:00
			2025-10-22T08:00 | 8    | 2025-10-22T17:30
			2025-10-22T11:00 | 2    | 2025-10-22T14:30
			2025-10-22T12:00 | 1    | 2025-10-22T14:30
			2025-10-22T12:45 | 1    | 2025-10-22T14:30
			2025-10-22T17:30 | 1    | 2025-10-23T09:00
			2025-10-22T20:00 | 0.5  | 2025-10-23T08:30
			2025-10-22T06:00 | 4    | 2025-10-22T12:00
			# Friday afternoon to Monday, across the end of summer time (26 October 2025)
			2025-10-24T16:00 | 4    | 2025-10-27T10:30
			2025-10-25T10:00 | 1    | 2025-10-27T09:00
			# public holidays: Christmas, 1 May, Easter Monday, Ascension, Whit Monday, 8 May, 14 July, 11 November
			2025-12-24T16:00 | 4    | 2025-12-26T10:30
			2026-04-30T16:00 | 4    | 2026-05-04T10:30
			2026-04-03T16:00 | 4    | 2026-04-07T10:30
			2026-05-13T17:00 | 1    | 2026-05-15T08:30
			2026-05-22T17:00 | 1    | 2026-05-26T08:30
			2026-05-07T17:00 | 1    | 2026-05-11T08:30
			2026-07-13T17:00 | 1    | 2026-07-15T08:30
			2026-11-10T17:00 | 1    | 2026-11-12T08:30
			# year end: 31 December to 2 January over New Year's Day
			2025-12-31T16:00 | 4    | 2026-01-02T10:30
			# five working days from a Monday morning
			2026-01-05T08:00 | 40   | 2026-01-09T17:30
			2026-01-05T08:00 | 40.5 | 2026-01-12T08:30
			""")
	void deadlines(String start, double workingHours, String expected) {
		assertThat(calendar.deadline(paris(start), hours(workingHours))).isEqualTo(paris(expected));
		assertThat(calendar.workingTimeBetween(paris(start), paris(expected))).isEqualTo(hours(workingHours));
	}

	@Test
	void daylightSavingSwitchesAreCountedInTheZoneNotWithFixedOffsets() {
		// Sunday 29 March 2026: Friday 16:00 CET (15:00Z) + 4 h → Monday 10:30 CEST (08:30Z)
		assertThat(calendar.deadline(Instant.parse("2026-03-27T15:00:00Z"), hours(4)))
			.isEqualTo(Instant.parse("2026-03-30T08:30:00Z"));
		// Sunday 25 October 2026: Friday 16:00 CEST (14:00Z) + 4 h → Monday 10:30 CET (09:30Z)
		assertThat(calendar.deadline(Instant.parse("2026-10-23T14:00:00Z"), hours(4)))
			.isEqualTo(Instant.parse("2026-10-26T09:30:00Z"));
		assertThat(calendar.workingTimeBetween(Instant.parse("2026-10-23T14:00:00Z"), Instant.parse("2026-10-26T09:30:00Z")))
			.isEqualTo(hours(4));
	}

	@Test
	void aRangeContainingTheSwitchLastsAsLongAsTheClockReallyRuns() {
		WorkingCalendar nights = WorkingCalendar.of(new CalendarRules("Europe/Paris", "FRANCE",
				EnumSet.allOf(DayOfWeek.class), List.of("01:00-04:00"), List.of(), Map.of()));
		assertThat(nights.workingTimeBetween(paris("2026-03-29T00:00"), paris("2026-03-29T05:00"))).isEqualTo(hours(2));
		assertThat(nights.workingTimeBetween(paris("2026-10-25T00:00"), paris("2026-10-25T05:00"))).isEqualTo(hours(4));
		assertThat(nights.workingTimeBetween(paris("2026-10-26T00:00"), paris("2026-10-26T05:00"))).isEqualTo(hours(3));
		// 01:00 CET = 00:00Z; two real hours later the clock shows 04:00 CEST
		assertThat(nights.deadline(paris("2026-03-29T00:30"), hours(2))).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
	}

	@Test
	void aDeadlineReachedAtClosingTimeIsThatClosingTime() {
		assertThat(calendar.deadline(paris("2026-01-05T08:00"), hours(4))).isEqualTo(paris("2026-01-05T12:00"));
		assertThat(calendar.deadline(paris("2026-01-09T13:30"), hours(4))).isEqualTo(paris("2026-01-09T17:30"));
	}

	@Test
	void aZeroDurationIsTheStartItself() {
		assertThat(calendar.deadline(paris("2026-01-10T07:00"), Duration.ZERO)).isEqualTo(paris("2026-01-10T07:00"));
	}

	@Test
	void pausesStopTheClock() {
		Instant start = paris("2026-01-06T11:00");
		List<Pause> pauses = List.of(new Pause(paris("2026-01-06T14:00"), paris("2026-01-06T15:00")),
				new Pause(paris("2026-01-06T13:00"), paris("2026-01-06T14:30")));
		// 11:00–12:00 counts, the merged pause covers 13:00–15:00, then one more hour
		assertThat(calendar.deadline(start, hours(2), pauses)).isEqualTo(paris("2026-01-06T16:00"));
		assertThat(calendar.workingTimeBetween(start, paris("2026-01-06T16:00"), pauses)).isEqualTo(hours(2));
		// a pause entirely after the deadline changes nothing
		assertThat(calendar.deadline(start, hours(1), List.of(new Pause(paris("2026-01-06T12:00"), paris("2026-01-07T12:00")))))
			.isEqualTo(paris("2026-01-06T12:00"));
	}

	@Test
	void aPauseStillRunningMakesTheDeadlineUnknown() {
		Instant start = paris("2026-01-06T11:00");
		assertThat(calendar.deadline(start, hours(2), List.of(Pause.since(paris("2026-01-06T11:30"))))).isNull();
		assertThat(calendar.deadline(start, hours(2), List.of(Pause.since(paris("2026-01-06T14:30")))))
			.isEqualTo(paris("2026-01-06T14:30"));
		assertThat(calendar.workingTimeBetween(start, paris("2026-01-07T11:00"), List.of(Pause.since(paris("2026-01-06T11:30")))))
			.isEqualTo(hours(0.5));
	}

	@Test
	void workingTimeBackwardsIsNegative() {
		assertThat(calendar.workingTimeBetween(paris("2025-10-27T10:30"), paris("2025-10-24T16:00"))).isEqualTo(hours(-4));
	}

	@Test
	void workingTimeOverYears() {
		// 2026: 261 weekdays less 9 holidays on weekdays (15 August and 1 November fall on a weekend)
		assertThat(calendar.workingTimeBetween(paris("2026-01-01T00:00"), paris("2027-01-01T00:00")))
			.isEqualTo(Duration.ofHours(8 * 252));
	}

	@Test
	void holidaysAndClosures() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).as("lundi de Pâques").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 25))).as("lundi de Pentecôte").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 15))).as("pont de l'Ascension").isTrue();
		WorkingCalendar closed = WorkingCalendar.of(new CalendarRules("Europe/Paris", "FRANCE", null,
				List.of("08:00-12:00", "13:30-17:30"), List.of(new Closure(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 31), "Fermeture de fin d'année")),
				Map.of()));
		assertThat(closed.deadline(paris("2025-12-23T16:00"), hours(4))).isEqualTo(paris("2026-01-02T10:30"));
	}

	@Test
	void aPartyMayHaveItsOwnCalendar() {
		CalendarRules mornings = new CalendarRules("Europe/Paris", "FRANCE", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
				DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), List.of("08:00-12:00"), List.of(), Map.of());
		CalendarRules rules = new CalendarRules("Europe/Paris", "FRANCE", null, List.of("08:00-12:00", "13:30-17:30"),
				List.of(), Map.of("EPLE", mornings));
		WorkingCalendar common = WorkingCalendar.of(rules);
		assertThat(common.forParty("EPLE").deadline(paris("2026-01-06T11:00"), hours(2))).isEqualTo(paris("2026-01-07T09:00"));
		assertThat(common.forParty("CD")).isSameAs(common);
	}

	@Test
	void workingDaysAreEightHours() {
		assertThat(calendar.workingDays(new BigDecimal("0.5"))).isEqualTo(Duration.ofHours(4));
		assertThat(calendar.workingDays(BigDecimal.ONE)).isEqualTo(Duration.ofHours(8));
		assertThat(calendar.workingDays(new BigDecimal("2"))).isEqualTo(Duration.ofHours(16));
		assertThatThrownBy(() -> calendar.workingDays(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void isWorkingTimeIncludesOpeningAndExcludesClosing() {
		assertThat(calendar.isWorkingTime(paris("2026-01-06T08:00"))).isTrue();
		assertThat(calendar.isWorkingTime(paris("2026-01-06T12:00"))).isFalse();
		assertThat(calendar.isWorkingTime(paris("2026-01-10T10:00"))).isFalse();
	}

	@Test
	void offsetDateTimesInOtherOffsetsMeanTheSameInstant() {
		Instant utc = OffsetDateTime.parse("2025-10-24T06:00:00Z").toInstant();
		assertThat(calendar.deadline(utc, hours(4))).isEqualTo(paris("2025-10-24T12:00"));
	}
}
