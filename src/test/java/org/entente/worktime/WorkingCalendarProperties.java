package org.entente.worktime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import java.util.ArrayList;
import java.util.Random;
import java.util.stream.Stream;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.entente.Seeded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws of working-time arithmetic, on random starts across 2025–2027 (biased towards opening and closing times,
 * daylight-saving weekends and year ends) and durations up to five working days: 1,000 seeded cases per law
 * (300 for the slow minute-by-minute count), the seed in each case's name (see {@link Seeded}).
 */
class WorkingCalendarProperties {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	static final Duration FIVE_DAYS = Duration.ofHours(40);

	final WorkingCalendar calendar = WorkingCalendar.of(WorkingCalendar.defaultRules());

	static final int CASES = 1000;

	@ParameterizedTest(name = "{0}")
	@MethodSource("startAndTwoDurations")
	void addingAThenBIsAddingAPlusB(String name, Instant start, Duration a, Duration b) {
		assertThat(calendar.deadline(calendar.deadline(start, a), b)).isEqualTo(calendar.deadline(start, a.plus(b)));
	}

	/** A positive deadline lies in (opening, closing] of a range: the nanosecond before it is working time. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("startAndPositiveDuration")
	void deadlinesNeverFallInClosedTime(String name, Instant start, Duration d) {
		Instant deadline = calendar.deadline(start, d);
		assertThat(calendar.isWorkingTime(deadline.minusNanos(1))).as("%s + %s = %s", start, d, deadline).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("twoStartsAndDuration")
	void deadlinesAreMonotonicInTheStart(String name, Instant s1, Instant s2, Duration d) {
		Instant first = s1.isBefore(s2) ? s1 : s2;
		Instant second = s1.isBefore(s2) ? s2 : s1;
		assertThat(calendar.deadline(first, d)).isBeforeOrEqualTo(calendar.deadline(second, d));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("startAndDuration")
	void theWorkingTimeUpToADeadlineIsItsDuration(String name, Instant start, Duration d) {
		assertThat(calendar.workingTimeBetween(start, calendar.deadline(start, d))).isEqualTo(d);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("threeStarts")
	void workingTimeAddsUp(String name, Instant a, Instant b, Instant c) {
		assertThat(calendar.workingTimeBetween(a, b).plus(calendar.workingTimeBetween(b, c)))
			.isEqualTo(calendar.workingTimeBetween(a, c));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pausedCases")
	void pausesOnlyDelay(String name, Paused c) {
		Instant start = c.start();
		Duration d = c.duration();
		List<Pause> pauses = c.pauses();
		Instant paused = calendar.deadline(start, d, pauses);
		if (paused == null) {
			assertThat(pauses).anyMatch(Pause::isOpen);
			return;
		}
		assertThat(paused).isAfterOrEqualTo(calendar.deadline(start, d));
		assertThat(calendar.workingTimeBetween(start, paused, pauses)).isEqualTo(d);
	}

	/** Against a plain minute-by-minute count with ZonedDateTime and Jollyday, slow but obviously right. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("startAndMinutes")
	void agreesWithAMinuteByMinuteCount(String name, Instant start, int minutes) {
		Instant aligned = start.truncatedTo(ChronoUnit.MINUTES);
		assertThat(calendar.deadline(aligned, Duration.ofMinutes(minutes))).isEqualTo(countMinutes(aligned, minutes));
	}

	private static Instant countMinutes(Instant start, int minutes) {
		Set<LocalDate> holidays = new HashSet<>();
		HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
		for (int year = 2024; year <= 2029; year++) {
			manager.getHolidays(Year.of(year)).forEach(h -> holidays.add(h.getDate()));
		}
		Instant t = start;
		int left = minutes;
		while (left > 0) {
			ZonedDateTime local = t.atZone(PARIS);
			LocalTime time = local.toLocalTime();
			boolean workingDay = local.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()
					&& !holidays.contains(local.toLocalDate());
			boolean open = !time.isBefore(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(12, 0))
					|| !time.isBefore(LocalTime.of(13, 30)) && time.isBefore(LocalTime.of(17, 30));
			if (workingDay && open) {
				left--;
			}
			t = t.plus(Duration.ofMinutes(1));
		}
		return t;
	}

	static Stream<Arguments> startAndTwoDurations() {
		return Seeded.cases(CASES, r -> new Object[] { start(r), duration(r), duration(r) });
	}

	static Stream<Arguments> startAndPositiveDuration() {
		return Seeded.cases(CASES, r -> {
			Duration d = duration(r);
			while (d.isZero()) {
				d = duration(r);
			}
			return new Object[] { start(r), d };
		});
	}

	static Stream<Arguments> twoStartsAndDuration() {
		return Seeded.cases(CASES, r -> new Object[] { start(r), start(r), duration(r) });
	}

	static Stream<Arguments> startAndDuration() {
		return Seeded.cases(CASES, r -> new Object[] { start(r), duration(r) });
	}

	static Stream<Arguments> threeStarts() {
		return Seeded.cases(CASES, r -> new Object[] { start(r), start(r), start(r) });
	}

	static Stream<Arguments> startAndMinutes() {
		return Seeded.cases(300, r -> new Object[] { start(r), (int) Seeded.between(r, 0, FIVE_DAYS.toMinutes()) });
	}

	private static final List<LocalDate> TRICKY_DATES = List.of(LocalDate.of(2025, 3, 28), LocalDate.of(2025, 10, 24),
			LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 13),
			LocalDate.of(2026, 10, 23), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 10, 29));

	private static final List<LocalTime> BOUNDARIES = Stream.of("00:00", "02:30", "07:59:59", "08:00", "11:59:59", "12:00",
			"13:30", "17:29:59", "17:30", "23:59:59").map(LocalTime::parse).toList();

	/** Half anywhere in 2025–2027, half on a tricky day (daylight saving, holidays, year end) at a boundary time. */
	static Instant start(Random r) {
		if (r.nextBoolean()) {
			Instant from = LocalDate.of(2025, 1, 1).atStartOfDay(PARIS).toInstant();
			Instant to = LocalDate.of(2028, 1, 1).atStartOfDay(PARIS).toInstant();
			return Instant.ofEpochSecond(Seeded.between(r, from.getEpochSecond(), to.getEpochSecond() - 1));
		}
		LocalDate date = TRICKY_DATES.get(r.nextInt(TRICKY_DATES.size())).plusDays(Seeded.between(r, -1, 3));
		return ZonedDateTime.of(LocalDateTime.of(date, BOUNDARIES.get(r.nextInt(BOUNDARIES.size()))), PARIS).toInstant();
	}

	/** Half any number of seconds, half whole half-hours, up to five working days. */
	static Duration duration(Random r) {
		return r.nextBoolean() ? Duration.ofSeconds(Seeded.between(r, 0, FIVE_DAYS.toSeconds()))
				: Duration.ofMinutes(30 * Seeded.between(r, 0, FIVE_DAYS.toMinutes() / 30));
	}

	/** A start, a duration and up to three pauses from two days before the start to two weeks after, some still open. */
	record Paused(Instant start, Duration duration, List<Pause> pauses) {
	}

	static Stream<Arguments> pausedCases() {
		return Seeded.cases(CASES, r -> {
			Instant start = start(r);
			Duration duration = duration(r);
			List<Pause> pauses = new ArrayList<>();
			int count = r.nextInt(4);
			for (int i = 0; i < count; i++) {
				Instant from = start.plusSeconds(Seeded.between(r, -2 * 86_400, 14 * 86_400));
				long length = Seeded.between(r, 0, 3 * 86_400);
				pauses.add(r.nextInt(10) == 0 ? Pause.since(from) : new Pause(from, from.plusSeconds(length)));
			}
			return new Object[] { new Paused(start, duration, pauses) };
		});
	}
}
