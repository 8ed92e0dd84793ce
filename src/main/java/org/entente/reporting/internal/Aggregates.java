package org.entente.reporting.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entente.reporting.internal.ReportingStore.ClockKey;
import org.entente.reporting.internal.ReportingStore.DayKey;
import org.entente.reporting.internal.ReportingStore.PartyKey;
import org.springframework.stereotype.Component;

/**
 * What a ticket's line counts in the daily aggregates (its opening on its opening day, its closure and its clocks'
 * outcomes on its closing day), and the change of a line applied as the difference of the two countings: a
 * redelivered event that changes nothing adds nothing, a reopened ticket leaves its closing day.
 */
@Component
class Aggregates {

	/** Indexes of the daily counters: opened, closed, hand-backs, reopened, answers, sum of ratings. */
	static final int OPENED = 0, CLOSED = 1, HAND_BACKS = 2, REOPENED = 3, ANSWERS = 4, RATING_SUM = 5, COUNTERS = 6;

	private final ReportingStore store;

	Aggregates(ReportingStore store) {
		this.store = store;
	}

	/** The countings of one ticket's line, added to the two maps with the sign given. */
	static void count(TicketLine l, int sign, Map<DayKey, int[]> days, Map<ClockKey, int[]> clocks) {
		if (l == null) {
			return;
		}
		if (l.openedDay() != null) {
			add(days, new DayKey(l.openedDay(), l.uai(), l.parties(), l.component()), OPENED, sign);
		}
		if (l.closedDay() != null && "CLOSED".equals(l.status())) {
			add(days, new DayKey(l.closedDay(), l.uai(), l.parties(), l.component()), CLOSED, sign);
			outcome(clocks, l, TicketLine.TAKE_CHARGE, l.takeChargeMet(), l.takeChargeMinutes(), sign);
			outcome(clocks, l, TicketLine.RESTORATION, l.restorationMet(), l.restorationMinutes(), sign);
		}
	}

	private static void outcome(Map<ClockKey, int[]> clocks, TicketLine l, String clock, Boolean met, Integer minutes,
			int sign) {
		if (met == null || minutes == null) {
			return;
		}
		int[] c = clocks.computeIfAbsent(new ClockKey(l.closedDay(), l.countedAs(clock), l.uai(), l.parties(), l.component(), minutes), k -> new int[2]);
		c[met ? 0 : 1] += sign;
	}

	static void add(Map<DayKey, int[]> days, DayKey key, int counter, int value) {
		days.computeIfAbsent(key, k -> new int[COUNTERS])[counter] += value;
	}

	/** Writes the counters of a rebuild into the emptied tables (daily, monthly, by parties), by batches of inserts. */
	void insertAll(Map<DayKey, int[]> days, Map<ClockKey, int[]> clocks) {
		Map<DayKey, int[]> months = months(days);
		Map<ClockKey, int[]> clockMonths = clockMonths(clocks);
		store.insertAll(days, months, monthParties(months), byParties(days), clocks, clockMonths, clockMonthParties(clockMonths));
	}

	/** The first day of a day's month: the key of the monthly rows. */
	static LocalDate month(LocalDate day) {
		return day.withDayOfMonth(1);
	}

	/** The daily counters summed by month (each key's day the month's first). */
	static Map<DayKey, int[]> months(Map<DayKey, int[]> days) {
		Map<DayKey, int[]> months = new HashMap<>();
		days.forEach((k, d) -> addInto(months, new DayKey(month(k.day()), k.uai(), k.parties(), k.component()), d));
		return months;
	}

	/** The monthly counters by parties and one dimension at a time: establishment, component. */
	static Map<PartyKey, int[]> monthParties(Map<DayKey, int[]> months) {
		Map<PartyKey, int[]> out = new HashMap<>();
		months.forEach((k, d) -> {
			addInto(out, new PartyKey(k.day(), k.parties(), Figures.UAI_DIMENSION, k.uai()), d);
			addInto(out, new PartyKey(k.day(), k.parties(), Figures.COMPONENT_DIMENSION, k.component()), d);
		});
		return out;
	}

	/** The monthly histograms by parties (establishment and component blank). */
	static Map<ClockKey, int[]> clockMonthParties(Map<ClockKey, int[]> clockMonths) {
		Map<ClockKey, int[]> out = new HashMap<>();
		clockMonths.forEach((k, c) -> addInto(out, new ClockKey(k.day(), k.clock(), "", k.parties(), "", k.minutes()), c));
		return out;
	}

	/** The service-level histograms summed by month. */
	static Map<ClockKey, int[]> clockMonths(Map<ClockKey, int[]> clocks) {
		Map<ClockKey, int[]> months = new HashMap<>();
		clocks.forEach((k, c) -> addInto(months,
				new ClockKey(month(k.day()), k.clock(), k.uai(), k.parties(), k.component(), k.minutes()), c));
		return months;
	}

	/** Adds {@code values} into the counters of {@code key} (created at zero). */
	private static <K> void addInto(Map<K, int[]> sums, K key, int[] values) {
		int[] m = sums.computeIfAbsent(key, x -> new int[values.length]);
		for (int i = 0; i < values.length; i++) {
			m[i] += values[i];
		}
	}

	/** The openings and closures by day and parties, summed from the daily counters. */
	private static Map<List<Object>, int[]> byParties(Map<DayKey, int[]> days) {
		Map<List<Object>, int[]> byParties = new HashMap<>();
		days.forEach((k, d) -> {
			int[] p = byParties.computeIfAbsent(List.of(k.day(), k.parties()), x -> new int[2]);
			p[0] += d[OPENED];
			p[1] += d[CLOSED];
		});
		return byParties;
	}

	/** Applies the change from {@code before} (null for a new ticket) to {@code after} to the stored counters. */
	void apply(TicketLine before, TicketLine after) {
		Map<DayKey, int[]> days = new HashMap<>();
		Map<ClockKey, int[]> clocks = new HashMap<>();
		count(before, -1, days, clocks);
		count(after, 1, days, clocks);
		write(days, clocks);
	}

	/**
	 * Writes counter changes to the daily and the monthly rows (in the caller's transaction: both or neither), skipping
	 * those that cancel out (a ticket reopened and closed again within one month leaves its month unchanged).
	 */
	void write(Map<DayKey, int[]> days, Map<ClockKey, int[]> clocks) {
		days.forEach((k, d) -> {
			if (java.util.Arrays.stream(d).anyMatch(v -> v != 0)) {
				store.addDaily(k, d);
			}
		});
		Map<DayKey, int[]> months = months(days);
		months.forEach((k, d) -> {
			if (java.util.Arrays.stream(d).anyMatch(v -> v != 0)) {
				store.addMonthly(k, d);
			}
		});
		monthParties(months).forEach((k, d) -> {
			if (java.util.Arrays.stream(d).anyMatch(v -> v != 0)) {
				store.addMonthlyParty(k, d);
			}
		});
		Map<List<Object>, int[]> byParties = byParties(days);
		byParties.forEach((k, p) -> {
			if (p[0] != 0 || p[1] != 0) {
				store.addParty((java.time.LocalDate) k.get(0), (String) k.get(1), p[0], p[1]);
			}
		});
		clocks.forEach((k, c) -> {
			if (c[0] != 0 || c[1] != 0) {
				store.addClock(k, c[0], c[1]);
			}
		});
		Map<ClockKey, int[]> clockMonths = clockMonths(clocks);
		clockMonths.forEach((k, c) -> {
			if (c[0] != 0 || c[1] != 0) {
				store.addClockMonthly(k, c[0], c[1]);
			}
		});
		clockMonthParties(clockMonths).forEach((k, c) -> {
			if (c[0] != 0 || c[1] != 0) {
				store.addClockMonthlyParty(k, c[0], c[1]);
			}
		});
	}
}
