package org.entente.worktime.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Set;

import org.entente.convention.CalendarRules.Closure;
import org.entente.convention.CalendarRules.Range;

/**
 * One calendar year of a working calendar, precomputed so that the arithmetic touches only arrays: for each day
 * whether it is worked, the instants (epoch nanoseconds) at which each business-hours range opens and closes, the
 * instant of local midnight and the working time elapsed since the 1st of January. Every zone conversion, daylight
 * saving included, happens here once; the hot path never builds a ZonedDateTime.
 */
public final class YearTable {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final int year;
	private final long firstEpochDay;
	private final int length;
	private final int ranges;
	private final boolean[] working;
	private final long[] opens;
	private final long[] closes;
	private final long[] midnights;
	private final long[] before;

	public YearTable(int year, ZoneId zone, Set<DayOfWeek> workingDays, List<Range> hours, Set<LocalDate> holidays,
			List<Closure> closures) {
		ZoneRules rules = zone.getRules();
		LocalDate first = LocalDate.of(year, 1, 1);
		this.year = year;
		this.firstEpochDay = first.toEpochDay();
		this.length = first.lengthOfYear();
		this.ranges = hours.size();
		this.working = new boolean[length];
		this.opens = new long[length * ranges];
		this.closes = new long[length * ranges];
		this.midnights = new long[length + 1];
		this.before = new long[length + 1];
		for (int doy = 0; doy < length; doy++) {
			LocalDate date = first.plusDays(doy);
			working[doy] = workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date) && !closed(date, closures);
			midnights[doy] = nanos(date.atStartOfDay(zone).toInstant());
			long worked = 0;
			for (int i = 0; i < ranges; i++) {
				int k = doy * ranges + i;
				opens[k] = nanos(firstShown(date.atTime(hours.get(i).from()), rules));
				closes[k] = nanos(firstShown(date.atTime(hours.get(i).to()), rules));
				worked += closes[k] - opens[k];
			}
			before[doy + 1] = before[doy] + (working[doy] ? worked : 0);
		}
		midnights[length] = nanos(first.plusYears(1).atStartOfDay(zone).toInstant());
	}

	/**
	 * The first instant the wall clock shows (or jumps past) this local time: in the spring gap a range opens when
	 * the clock jumps, in the autumn overlap at the first occurrence. Business hours are counted in real time.
	 */
	private static Instant firstShown(LocalDateTime local, ZoneRules rules) {
		ZoneOffsetTransition transition = rules.getTransition(local);
		if (transition == null) {
			return local.toInstant(rules.getOffset(local));
		}
		return transition.isGap() ? transition.getInstant() : local.toInstant(transition.getOffsetBefore());
	}

	private static boolean closed(LocalDate date, List<Closure> closures) {
		for (Closure c : closures) {
			if (!date.isBefore(c.from()) && !date.isAfter(c.to())) {
				return true;
			}
		}
		return false;
	}

	/** Epoch nanoseconds; a long holds them from 1677 to 2262, beyond any ticket. */
	public static long nanos(Instant instant) {
		try {
			return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
		}
		catch (ArithmeticException e) {
			throw new IllegalArgumentException("l'instant " + instant + " est hors du calendrier ouvré");
		}
	}

	public static Instant instant(long nanos) {
		return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
	}

	public int year() {
		return year;
	}

	public long firstEpochDay() {
		return firstEpochDay;
	}

	/** Days in the year. */
	public int length() {
		return length;
	}

	public boolean isWorking(int dayOfYear) {
		return working[dayOfYear];
	}

	/** When range {@code range} of that day opens, in epoch nanoseconds. */
	public long opens(int dayOfYear, int range) {
		return opens[dayOfYear * ranges + range];
	}

	public long closes(int dayOfYear, int range) {
		return closes[dayOfYear * ranges + range];
	}

	/** Local midnight starting that day; {@code midnight(length())} is the next 1st of January's. */
	public long midnight(int dayOfYear) {
		return midnights[dayOfYear];
	}

	/** Working nanoseconds from the 1st of January up to the start of that day ({@code length()} = the whole year). */
	public long workedBefore(int dayOfYear) {
		return before[dayOfYear];
	}

	/** The first day, from {@code fromDay}, by the end of which {@code worked} nanoseconds have been worked. */
	public int dayReaching(long worked, int fromDay) {
		int low = fromDay;
		int high = length - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (before[mid + 1] >= worked) {
				high = mid;
			}
			else {
				low = mid + 1;
			}
		}
		return low;
	}
}
