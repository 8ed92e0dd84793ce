package org.entente.worktime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

import org.entente.convention.CalendarRules;
import org.entente.convention.CalendarRules.Closure;
import org.entente.convention.CalendarRules.Range;
import org.entente.worktime.internal.PublicHolidays;
import org.entente.worktime.internal.YearTable;

import static org.entente.worktime.internal.YearTable.instant;
import static org.entente.worktime.internal.YearTable.nanos;

/**
 * A working-time calendar: a zone, working days, business hours, public holidays and declared closures, and the
 * arithmetic the convention's deadlines need. Immutable and thread-safe; each year's table is computed on first use
 * and kept (no database, no allocation-heavy work on the hot path).
 * <p>
 * Over 300 lines on purpose: the definitions below and the three operations that rely on them (deadline, elapsed,
 * is-working-time) are one piece of arithmetic over the same year tables; splitting them would spread one set of
 * invariants over several files.
 * <p>
 * Definitions, in real (elapsed) time:
 * <ul>
 * <li>working time is the time during which a business-hours range of a working day is open; a range that
 * contains a daylight-saving switch is as long as the clock really runs;</li>
 * <li>{@code deadline(start, d)} is the earliest instant {@code t ≥ start} such that {@code d} working time lies in
 * {@code [start, t)}. A start outside business hours therefore counts from the next opening; for {@code d > 0} the
 * deadline lies in {@code (opening, closing]} of a range: a deadline reached exactly at a closing time (12:00,
 * 17:30) is that closing instant, never the next opening; {@code d = 0} gives {@code start}.</li>
 * </ul>
 * Years {@value #FIRST_YEAR}–{@value #LAST_YEAR} are supported (epoch nanoseconds in a {@code long}).
 */
public final class WorkingCalendar {

	public static final int FIRST_YEAR = 1900;
	public static final int LAST_YEAR = 2261;

	private static final long NANOS_PER_DAY = 86_400_000_000_000L;
	private static final long OPEN_END = Long.MAX_VALUE;
	private static final long[] NO_PAUSE = new long[0];
	private static final long[] YEAR_STARTS = new long[LAST_YEAR - FIRST_YEAR + 2];

	static {
		for (int i = 0; i < YEAR_STARTS.length; i++) {
			YEAR_STARTS[i] = LocalDate.of(FIRST_YEAR + i, 1, 1).toEpochDay();
		}
	}

	private final ZoneId zone;
	private final String holidays;
	private final Set<DayOfWeek> workingDays;
	private final List<Range> hours;
	private final List<Closure> closures;
	private final int ranges;
	private final Duration dayLength;
	private final Map<String, WorkingCalendar> parties;
	private final AtomicReferenceArray<YearTable> years = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

	private WorkingCalendar(CalendarRules rules) {
		CalendarRules defaults = defaultRules();
		this.zone = ZoneId.of(Objects.requireNonNullElse(rules.zone(), defaults.zone()));
		this.holidays = Objects.requireNonNullElse(rules.holidays(), defaults.holidays());
		this.workingDays = rules.workingDays() == null || rules.workingDays().isEmpty() ? defaults.workingDays()
				: Set.copyOf(EnumSet.copyOf(rules.workingDays()));
		this.hours = (rules.hours() == null || rules.hours().isEmpty() ? defaults : rules).ranges();
		this.closures = rules.closures() == null ? List.of() : List.copyOf(rules.closures());
		this.ranges = hours.size();
		this.dayLength = hours.stream().map(r -> Duration.between(r.from(), r.to())).reduce(Duration.ZERO, Duration::plus);
		this.parties = rules.partyCalendars() == null ? Map.of()
				: rules.partyCalendars().entrySet().stream()
					.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new WorkingCalendar(e.getValue())));
	}

	public static WorkingCalendar of(CalendarRules rules) {
		return new WorkingCalendar(Objects.requireNonNull(rules));
	}

	/**
	 * The convention's default: Europe/Paris, Monday to Friday 08:00–12:00 and 13:30–17:30 (8 working hours a
	 * day), French metropolitan public holidays, no closure.
	 */
	public static CalendarRules defaultRules() {
		return new CalendarRules("Europe/Paris", "FRANCE", Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
				List.of("08:00-12:00", "13:30-17:30"), List.of(), Map.of());
	}

	public ZoneId zone() {
		return zone;
	}

	/** The calendar of that party when the convention gives it one, else this calendar. */
	public WorkingCalendar forParty(String party) {
		return parties.getOrDefault(party, this);
	}

	/** The business hours of one working day (8 hours by default). */
	public Duration workingDayLength() {
		return dayLength;
	}

	/** A number of working days as working time: "une demi-journée ouvrée" = 0.5 × 8 h = 4 h. */
	public Duration workingDays(BigDecimal days) {
		if (days.signum() < 0) {
			throw new IllegalArgumentException("un nombre de jours ouvrés ne peut pas être négatif : " + days);
		}
		return Duration.ofNanos(days.multiply(BigDecimal.valueOf(dayLength.toNanos()))
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact());
	}

	public boolean isWorkingDay(LocalDate date) {
		YearTable table = table(date.toEpochDay());
		return table.isWorking((int) (date.toEpochDay() - table.firstEpochDay()));
	}

	/** Whether a business-hours range is open at that instant (opening included, closing excluded). */
	public boolean isWorkingTime(Instant instant) {
		long t = nanos(instant);
		long day = localDay(t);
		YearTable table = table(day);
		int doy = (int) (day - table.firstEpochDay());
		if (!table.isWorking(doy)) {
			return false;
		}
		for (int i = 0; i < ranges; i++) {
			if (table.opens(doy, i) <= t && t < table.closes(doy, i)) {
				return true;
			}
		}
		return false;
	}

	public Instant deadline(Instant start, Duration workingDuration) {
		return instant(deadline(nanos(start), nonNegative(workingDuration).toNanos()));
	}

	/**
	 * The deadline when the clock does not run during {@code pauses} (in any order, possibly overlapping). Returns
	 * null when an open pause (still running) stops the clock before the duration is worked: the deadline is not
	 * known until the pause ends.
	 */
	public Instant deadline(Instant start, Duration workingDuration, List<Pause> pauses) {
		long t = nanos(start);
		long remaining = nonNegative(workingDuration).toNanos();
		if (remaining == 0) {
			return start;
		}
		long[] merged = merge(pauses);
		for (int i = 0; i < merged.length; i += 2) {
			long from = merged[i];
			long to = merged[i + 1];
			if (to <= t) {
				continue;
			}
			if (from > t) {
				long unpaused = deadline(t, remaining);
				if (unpaused <= from) {
					return instant(unpaused);
				}
				remaining -= worked(t, from);
			}
			if (to == OPEN_END) {
				return null;
			}
			t = to;
		}
		return instant(deadline(t, remaining));
	}

	/** Working time in {@code [from, to)}; negative when {@code to} is before {@code from} (time overdue). */
	public Duration workingTimeBetween(Instant from, Instant to) {
		return workingTimeBetween(from, to, List.of());
	}

	/** Working time in {@code [from, to)} outside the pauses; negative when {@code to} is before {@code from}. */
	public Duration workingTimeBetween(Instant from, Instant to, List<Pause> pauses) {
		if (to.isBefore(from)) {
			return workingTimeBetween(to, from, pauses).negated();
		}
		long a = nanos(from);
		long b = nanos(to);
		long total = worked(a, b);
		long[] merged = merge(pauses);
		for (int i = 0; i < merged.length; i += 2) {
			long pausedFrom = Math.max(merged[i], a);
			long pausedTo = Math.min(merged[i + 1], b);
			if (pausedFrom < pausedTo) {
				total -= worked(pausedFrom, pausedTo);
			}
		}
		return Duration.ofNanos(total);
	}

	private static Duration nonNegative(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("une durée de travail ne peut pas être négative : " + duration);
		}
		return duration;
	}

	/** The earliest instant by which {@code remaining} nanoseconds have been worked from {@code t}. */
	private long deadline(long t, long remaining) {
		if (remaining == 0) {
			return t;
		}
		long day = localDay(t);
		YearTable table = table(day);
		int doy = (int) (day - table.firstEpochDay());
		if (table.isWorking(doy)) {
			for (int i = 0; i < ranges; i++) {
				long closes = table.closes(doy, i);
				if (t < closes) {
					long from = Math.max(t, table.opens(doy, i));
					if (remaining <= closes - from) {
						return from + remaining;
					}
					remaining -= closes - from;
				}
			}
		}
		// Whole days from the cumulative sums: weeks, holidays and closures are skipped without walking them.
		doy++;
		while (true) {
			if (doy == table.length()) {
				table = year(table.year() + 1);
				doy = 0;
			}
			long target = table.workedBefore(doy) + remaining;
			if (target <= table.workedBefore(table.length())) {
				int last = table.dayReaching(target, doy);
				remaining = target - table.workedBefore(last);
				for (int i = 0; ; i++) {
					long opens = table.opens(last, i);
					long length = table.closes(last, i) - opens;
					if (remaining <= length) {
						return opens + remaining;
					}
					remaining -= length;
				}
			}
			remaining = target - table.workedBefore(table.length());
			doy = table.length();
		}
	}

	/** Working nanoseconds in {@code [from, to)}, {@code from ≤ to}. */
	private long worked(long from, long to) {
		long firstDay = localDay(from);
		long lastDay = localDay(to);
		YearTable table = table(firstDay);
		int doy = (int) (firstDay - table.firstEpochDay());
		if (firstDay == lastDay) {
			return workedWithin(table, doy, from, to);
		}
		long total = workedWithin(table, doy, from, OPEN_END);
		YearTable last = table(lastDay);
		int lastDoy = (int) (lastDay - last.firstEpochDay());
		doy++;
		while (table.year() < last.year()) {
			total += table.workedBefore(table.length()) - table.workedBefore(doy);
			table = year(table.year() + 1);
			doy = 0;
		}
		return total + last.workedBefore(lastDoy) - last.workedBefore(doy) + workedWithin(last, lastDoy, Long.MIN_VALUE, to);
	}

	private long workedWithin(YearTable table, int doy, long from, long to) {
		if (!table.isWorking(doy)) {
			return 0;
		}
		long total = 0;
		for (int i = 0; i < ranges; i++) {
			total += Math.max(0, Math.min(table.closes(doy, i), to) - Math.max(table.opens(doy, i), from));
		}
		return total;
	}

	/** The local date (epoch day) of an instant in this calendar's zone. */
	private long localDay(long t) {
		// Offsets stay within ±18 h, so the local day is the UTC day or one of its neighbours.
		long day = Math.floorDiv(t, NANOS_PER_DAY) + 1;
		while (true) {
			YearTable table = table(day);
			if (t >= table.midnight((int) (day - table.firstEpochDay()))) {
				return day;
			}
			day--;
		}
	}

	private YearTable table(long epochDay) {
		int estimate = (int) (1970 + Math.floorDiv(epochDay * 400, 146_097));
		int i = Math.max(0, Math.min(YEAR_STARTS.length - 2, estimate - FIRST_YEAR));
		while (i > 0 && epochDay < YEAR_STARTS[i]) {
			i--;
		}
		while (i < YEAR_STARTS.length - 2 && epochDay >= YEAR_STARTS[i + 1]) {
			i++;
		}
		return year(FIRST_YEAR + i);
	}

	private YearTable year(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new IllegalArgumentException(
					"l'année " + year + " est hors du calendrier ouvré (" + FIRST_YEAR + "–" + LAST_YEAR + ")");
		}
		int index = year - FIRST_YEAR;
		YearTable table = years.get(index);
		if (table == null) {
			table = new YearTable(year, zone, workingDays, hours, PublicHolidays.of(holidays, year), closures);
			if (!years.compareAndSet(index, null, table)) {
				table = years.get(index);
			}
		}
		return table;
	}

	/** Pauses sorted and merged into disjoint {@code [from, to)} pairs, flattened; an open end is {@link #OPEN_END}. */
	private static long[] merge(List<Pause> pauses) {
		if (pauses.isEmpty()) {
			return NO_PAUSE;
		}
		Pause[] sorted = pauses.toArray(Pause[]::new);
		Arrays.sort(sorted, Comparator.comparing(Pause::from));
		long[] merged = new long[sorted.length * 2];
		int n = 0;
		for (Pause p : sorted) {
			long from = nanos(p.from());
			long to = p.isOpen() ? OPEN_END : nanos(p.to());
			if (n > 0 && from <= merged[n - 1]) {
				merged[n - 1] = Math.max(merged[n - 1], to);
			}
			else {
				merged[n++] = from;
				merged[n++] = to;
			}
		}
		return Arrays.copyOf(merged, n);
	}
}
