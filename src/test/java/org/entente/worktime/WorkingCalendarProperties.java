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

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws of working-time arithmetic, on random starts across 2025–2027 (biased towards opening and closing times,
 * daylight-saving weekends and year ends) and durations up to five working days.
 */
class WorkingCalendarProperties {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	static final Duration FIVE_DAYS = Duration.ofHours(40);

	final WorkingCalendar calendar = WorkingCalendar.of(WorkingCalendar.defaultRules());

	@Property
	void addingAThenBIsAddingAPlusB(@ForAll("starts") Instant start, @ForAll("durations") Duration a,
			@ForAll("durations") Duration b) {
		assertThat(calendar.deadline(calendar.deadline(start, a), b)).isEqualTo(calendar.deadline(start, a.plus(b)));
	}

	/** A positive deadline lies in (opening, closing] of a range: the nanosecond before it is working time. */
	@Property
	void deadlinesNeverFallInClosedTime(@ForAll("starts") Instant start, @ForAll("durations") Duration d) {
		Assume.that(!d.isZero());
		Instant deadline = calendar.deadline(start, d);
		assertThat(calendar.isWorkingTime(deadline.minusNanos(1))).as("%s + %s = %s", start, d, deadline).isTrue();
	}

	@Property
	void deadlinesAreMonotonicInTheStart(@ForAll("starts") Instant s1, @ForAll("starts") Instant s2,
			@ForAll("durations") Duration d) {
		Instant first = s1.isBefore(s2) ? s1 : s2;
		Instant second = s1.isBefore(s2) ? s2 : s1;
		assertThat(calendar.deadline(first, d)).isBeforeOrEqualTo(calendar.deadline(second, d));
	}

	@Property
	void theWorkingTimeUpToADeadlineIsItsDuration(@ForAll("starts") Instant start, @ForAll("durations") Duration d) {
		assertThat(calendar.workingTimeBetween(start, calendar.deadline(start, d))).isEqualTo(d);
	}

	@Property
	void workingTimeAddsUp(@ForAll("starts") Instant a, @ForAll("starts") Instant b, @ForAll("starts") Instant c) {
		assertThat(calendar.workingTimeBetween(a, b).plus(calendar.workingTimeBetween(b, c)))
			.isEqualTo(calendar.workingTimeBetween(a, c));
	}

	@Property
	void pausesOnlyDelay(@ForAll("pausedCases") Paused c) {
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
	@Property(tries = 300)
	void agreesWithAMinuteByMinuteCount(@ForAll("starts") Instant start, @ForAll("minutes") int minutes) {
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

	@Provide
	Arbitrary<Instant> starts() {
		Instant from = LocalDate.of(2025, 1, 1).atStartOfDay(PARIS).toInstant();
		Instant to = LocalDate.of(2028, 1, 1).atStartOfDay(PARIS).toInstant();
		Arbitrary<Instant> anywhere = Arbitraries.longs().between(from.getEpochSecond(), to.getEpochSecond() - 1)
			.map(Instant::ofEpochSecond);
		Arbitrary<LocalDate> tricky = Arbitraries.of(LocalDate.of(2025, 3, 28), LocalDate.of(2025, 10, 24),
				LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 13),
				LocalDate.of(2026, 10, 23), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 10, 29))
			.flatMap(date -> Arbitraries.integers().between(-1, 3).map(date::plusDays));
		Arbitrary<LocalTime> boundaries = Arbitraries.of("00:00", "02:30", "07:59:59", "08:00", "11:59:59", "12:00", "13:30",
				"17:29:59", "17:30", "23:59:59").map(LocalTime::parse);
		Arbitrary<Instant> edges = Combinators.combine(tricky, boundaries)
			.as((date, time) -> ZonedDateTime.of(LocalDateTime.of(date, time), PARIS).toInstant());
		return Arbitraries.oneOf(anywhere, edges);
	}

	@Provide
	Arbitrary<Duration> durations() {
		Arbitrary<Duration> seconds = Arbitraries.longs().between(0, FIVE_DAYS.toSeconds()).map(Duration::ofSeconds);
		Arbitrary<Duration> halfHours = Arbitraries.longs().between(0, FIVE_DAYS.toMinutes() / 30).map(n -> Duration.ofMinutes(30 * n));
		return Arbitraries.oneOf(seconds, halfHours);
	}

	@Provide
	Arbitrary<Integer> minutes() {
		return Arbitraries.integers().between(0, (int) FIVE_DAYS.toMinutes());
	}

	/** A start, a duration and up to three pauses from two days before the start to two weeks after, some still open. */
	record Paused(Instant start, Duration duration, List<Pause> pauses) {
	}

	@Provide
	Arbitrary<Paused> pausedCases() {
		Arbitrary<Long> offsets = Arbitraries.longs().between(-2 * 86_400, 14 * 86_400);
		Arbitrary<Long> lengths = Arbitraries.longs().between(0, 3 * 86_400);
		Arbitrary<Boolean> open = Arbitraries.integers().between(1, 10).map(n -> n == 1);
		Arbitrary<List<long[]>> specs = Combinators.combine(offsets, lengths, open)
			.as((offset, length, isOpen) -> new long[] { offset, isOpen ? -1 : length })
			.list()
			.ofMaxSize(3);
		return Combinators.combine(starts(), durations(), specs).as((start, duration, list) -> new Paused(start, duration,
				list.stream().map(spec -> pause(start.plusSeconds(spec[0]), spec[1])).toList()));
	}

	private static Pause pause(Instant from, long length) {
		return length < 0 ? Pause.since(from) : new Pause(from, from.plusSeconds(length));
	}
}
