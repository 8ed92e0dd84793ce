package org.entente.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.entente.common.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of a period read from the aggregates, with optional filters (a party, an establishment, a
 * component): counts by party, establishment and component, hand-backs, reopenings, satisfaction, service-level
 * histograms (medians and 90th percentiles are exact: the histogram is by working minute).
 * <p>
 * A period is read as a {@link Plan}: the months it covers whole from the monthly rows, and each month it covers in
 * part either from the daily rows of its days or, when it leaves out fewer days than it takes, from its monthly row
 * minus the daily rows of the days left out (this month so far: the monthly row minus the days still to come, which
 * hold nothing). The sums are the same either way; the reading is a few thousand rows instead of ninety thousand
 * a month at a million tickets (docs/benchmarks.md). {@code entente.reporting.daily-only=true} reads the daily rows
 * only, the reference the benchmark compares with.
 */
@Component
class Figures {

	/** What reading a month's row costs, in days of daily rows (a month holds a little more keys than one day). */
	static final int MONTH_COST = 2;

	/** An inclusive range of days, or of months by their first day. */
	record Range(LocalDate first, LocalDate last) {
	}

	/**
	 * How a period is read: whole months from the monthly rows, days added from the daily rows, days subtracted from
	 * the daily rows (days a monthly row counts that the period leaves out).
	 */
	record Plan(List<Range> months, List<Range> plusDays, List<Range> minusDays) {

		/** The period from {@code from} (null: since ever) to {@code to}, both included. */
		static Plan of(LocalDate from, LocalDate to, boolean dailyOnly) {
			List<Range> months = new ArrayList<>(), plus = new ArrayList<>(), minus = new ArrayList<>();
			if (dailyOnly || from != null && from.isAfter(to)) {
				plus.add(new Range(from == null ? LocalDate.of(1900, 1, 1) : from, to));
				return new Plan(months, plus, minus);
			}
			LocalDate start = from;
			if (from == null) {
				start = Aggregates.month(to);
				months.add(new Range(LocalDate.of(1900, 1, 1), start.minusMonths(1)));
			}
			for (LocalDate m = Aggregates.month(start); !m.isAfter(to); m = m.plusMonths(1)) {
				LocalDate last = m.withDayOfMonth(m.lengthOfMonth());
				LocalDate s = start.isAfter(m) ? start : m, e = to.isBefore(last) ? to : last;
				long inside = e.toEpochDay() - s.toEpochDay() + 1, outside = m.lengthOfMonth() - inside;
				if (outside == 0 || outside + MONTH_COST < inside) {
					addMonth(months, m);
					if (s.isAfter(m)) {
						minus.add(new Range(m, s.minusDays(1)));
					}
					if (e.isBefore(last)) {
						minus.add(new Range(e.plusDays(1), last));
					}
				}
				else {
					plus.add(new Range(s, e));
				}
			}
			return new Plan(months, plus, minus);
		}

		private static void addMonth(List<Range> months, LocalDate m) {
			int n = months.size();
			if (n > 0 && months.get(n - 1).last().plusMonths(1).equals(m)) {
				months.set(n - 1, new Range(months.get(n - 1).first(), m));
			}
			else {
				months.add(new Range(m, m));
			}
		}

		/**
		 * The union of the plan's parts: {@code counters} (each negated in the subtracted part) with the keys of each
		 * source, from the monthly source for its months and the daily one for its days; every parameter added to
		 * {@code params}, in order.
		 */
		String union(Source monthly, Source daily, List<String> counters, List<Object> params) {
			List<String> parts = new ArrayList<>();
			part(parts, monthly, "stat_month", counters, "", months, params);
			part(parts, daily, "stat_day", counters, "", plusDays, params);
			part(parts, daily, "stat_day", counters, "-", minusDays, params);
			return String.join(" union all ", parts);
		}

		private static void part(List<String> parts, Source source, String dayColumn, List<String> counters, String sign,
				List<Range> ranges, List<Object> params) {
			if (ranges.isEmpty()) {
				return;
			}
			List<String> days = new ArrayList<>();
			for (Range r : ranges) {
				days.add(dayColumn + " between ? and ?");
				params.add(ReportingStore.date(r.first()));
				params.add(ReportingStore.date(r.last()));
			}
			params.addAll(source.whereParams());
			List<String> values = counters.stream().map(c -> sign + c + " " + c).toList();
			parts.add("select " + source.keys() + ", " + String.join(", ", values) + " from " + source.table() + " where ("
					+ String.join(" or ", days) + ")" + source.where());
		}
	}

	/** A table a plan reads: the key expressions it selects, its restriction and the restriction's parameters. */
	record Source(String table, String keys, String where, List<Object> whereParams) {
	}

	/** The dimensions of {@code reporting_monthly_party}. */
	static final String UAI_DIMENSION = "UAI", COMPONENT_DIMENSION = "COMPONENT";

	private static final Pattern PARTY = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
	private static final Pattern UAI = Pattern.compile("[0-9]{7}[A-Z]");
	private static final Pattern COMPONENT = Pattern.compile("[A-Z0-9_]{1,60}");

	/** What a figure is restricted to; each null for all. */
	record Filter(String party, String uai, String component) {

		static final Filter ALL = new Filter(null, null, null);

		/** Checks the values: a 400 naming {@code party}, {@code establishment} or {@code component}. */
		Filter {
			party = check(party, PARTY, "party", "un code de partie (CD, ACA, EPLE…)");
			uai = check(uai, UAI, "establishment", "un UAI de huit caractères (0359901X)");
			component = check(component, COMPONENT, "component", "un code de composant de la convention");
		}

		private static String check(String value, Pattern pattern, String name, String expected) {
			if (value == null || value.isBlank()) {
				return null;
			}
			String v = value.trim().toUpperCase(java.util.Locale.ROOT);
			if (!pattern.matcher(v).matches()) {
				throw ProblemException.invalidParameter(name, "« " + name + " » doit être " + expected + ".");
			}
			return v;
		}

		Filter withParty(String forced) {
			return new Filter(forced, uai, component);
		}

		/** The where clause (values are checked codes, written as literals). */
		String where(boolean withUaiAndComponent) {
			StringBuilder w = new StringBuilder();
			if (party != null) {
				w.append(" and parties like '%,").append(party).append(",%'");
			}
			if (withUaiAndComponent && uai != null) {
				w.append(" and uai = '").append(uai).append("'");
			}
			if (withUaiAndComponent && component != null) {
				w.append(" and component = '").append(component).append("'");
			}
			return w.toString();
		}

		boolean narrowsBeyondParty() {
			return uai != null || component != null;
		}
	}

	/** A period's counts (before the service levels). */
	record Period(long opened, long closed, Map<String, Monthly.Counts> byParty, List<Monthly.Establishment> byEstablishment,
			List<Monthly.ComponentCounts> byComponent, long handBacks, long reopened, long answers, long ratingSum) {
	}

	/** One clock's histogram over a period: working minutes → count, met and breached. */
	record Histogram(TreeMap<Integer, Long> minutes, long met, long breached) {

		long count() {
			return met + breached;
		}

		/** The value at quantile {@code q} (0.5 the median, averaging the two middle values; 0.9 the nearest rank). */
		Double quantile(double q) {
			long n = count();
			if (n == 0) {
				return null;
			}
			if (q == 0.5) {
				return (at((n - 1) / 2) + at(n / 2)) / 2.0;
			}
			return (double) at((long) Math.ceil(q * n) - 1);
		}

		private int at(long index) {
			long seen = 0;
			for (Map.Entry<Integer, Long> e : minutes.entrySet()) {
				seen += e.getValue();
				if (index < seen) {
					return e.getKey();
				}
			}
			return minutes.lastKey();
		}
	}

	private static final List<String> COUNTERS = List.of("opened", "closed", "hand_backs", "reopened",
			"satisfaction_answers", "satisfaction_sum");

	private final JdbcClient jdbc;
	private final boolean dailyOnly;

	Figures(JdbcClient jdbc, @Value("${entente.reporting.daily-only:false}") boolean dailyOnly) {
		this.jdbc = jdbc;
		this.dailyOnly = dailyOnly;
	}

	Plan plan(LocalDate from, LocalDate to) {
		return Plan.of(from, to, dailyOnly);
	}

	Period period(LocalDate from, LocalDate to, Filter f) {
		long[] t = new long[6];
		Map<String, long[]> parties = new TreeMap<>();
		Map<String, long[]> uais = new TreeMap<>();
		Map<String, long[]> components = new TreeMap<>();
		Plan plan = plan(from, to);
		String sums = "sum(opened) o, sum(closed) c, sum(hand_backs) h, sum(reopened) r, sum(satisfaction_answers) a, "
				+ "sum(satisfaction_sum) s";
		if (dailyOnly || f.narrowsBeyondParty()) {
			List<Object> params = new ArrayList<>();
			String keys = "uai, parties, component";
			String union = plan.union(new Source("reporting_monthly", keys, f.where(true), List.of()),
					new Source("reporting_daily", keys, f.where(true), List.of()), COUNTERS, params);
			jdbc.sql("select " + keys + ", " + sums + " from (" + union + ") x group by " + keys).params(params).query(rs -> {
				long[] v = counts(rs);
				if (v != null) {
					add(t, v);
					for (String p : TicketLine.partiesOf(rs.getString("parties"))) {
						add(parties, p, v);
					}
					add(uais, rs.getString("uai"), v);
					add(components, rs.getString("component"), v);
				}
			});
		}
		else {
			// By parties and one dimension at a time: the establishments give the totals and the parties' counts.
			for (String dimension : List.of(UAI_DIMENSION, COMPONENT_DIMENSION)) {
				List<Object> params = new ArrayList<>();
				String union = plan.union(
						new Source("reporting_monthly_party", "parties, dim_value", " and dimension = ?" + f.where(false), List.of(dimension)),
						new Source("reporting_daily", "parties, " + dimension.toLowerCase(java.util.Locale.ROOT) + " dim_value",
								f.where(false), List.of()),
						COUNTERS, params);
				jdbc.sql("select parties, dim_value, " + sums + " from (" + union + ") x group by parties, dim_value")
					.params(params)
					.query(rs -> {
						long[] v = counts(rs);
						if (v == null) {
							return;
						}
						if (dimension.equals(COMPONENT_DIMENSION)) {
							add(components, rs.getString("dim_value"), v);
							return;
						}
						add(t, v);
						for (String p : TicketLine.partiesOf(rs.getString("parties"))) {
							add(parties, p, v);
						}
						add(uais, rs.getString("dim_value"), v);
					});
			}
		}
		Map<String, Monthly.Counts> byParty = new TreeMap<>();
		parties.forEach((k, v) -> byParty.put(k, new Monthly.Counts(v[0], v[1])));
		List<Monthly.Establishment> byUai = new ArrayList<>();
		uais.forEach((k, v) -> byUai.add(new Monthly.Establishment(k, v[0], v[1])));
		List<Monthly.ComponentCounts> byComponent = new ArrayList<>();
		components.forEach((k, v) -> byComponent.add(new Monthly.ComponentCounts(k, v[0], v[1])));
		byComponent.sort(Comparator.comparingLong((Monthly.ComponentCounts c) -> -c.opened()).thenComparing(Monthly.ComponentCounts::component));
		return new Period(t[0], t[1], byParty, byUai, byComponent, t[2], t[3], t[4], t[5]);
	}

	/** A row's six sums, or null when they all cancelled out (a reopened ticket left its closing day): not a figure. */
	private static long[] counts(java.sql.ResultSet rs) throws java.sql.SQLException {
		long[] v = { rs.getLong("o"), rs.getLong("c"), rs.getLong("h"), rs.getLong("r"), rs.getLong("a"), rs.getLong("s") };
		return Arrays.stream(v).allMatch(x -> x == 0) ? null : v;
	}

	private static void add(long[] totals, long[] v) {
		for (int i = 0; i < v.length; i++) {
			totals[i] += v[i];
		}
	}

	private static void add(Map<String, long[]> m, String key, long[] v) {
		add(m, key, v[0], v[1]);
	}

	private static void add(Map<String, long[]> m, String key, long opened, long closed) {
		long[] v = m.computeIfAbsent(key, k -> new long[2]);
		v[0] += opened;
		v[1] += closed;
	}

	/**
	 * Tickets opened by {@code end} and not closed by then: the small table by parties when no finer filter, else the
	 * monthly rows before the end's month and that month as a period.
	 */
	long backlogAt(LocalDate end, Filter f) {
		Long n;
		if (f.narrowsBeyondParty()) {
			List<Object> params = new ArrayList<>();
			String union = plan(null, end).union(new Source("reporting_monthly", "uai", f.where(true), List.of()),
					new Source("reporting_daily", "uai", f.where(true), List.of()), List.of("opened", "closed"), params);
			n = jdbc.sql("select coalesce(sum(opened) - sum(closed), 0) from (" + union + ") x").params(params).query(Long.class).single();
		}
		else {
			n = jdbc.sql("select coalesce(sum(opened) - sum(closed), 0) from reporting_daily_party where stat_day <= ?" + f.where(false))
				.param(ReportingStore.date(end))
				.query(Long.class)
				.single();
		}
		return n == null ? 0 : n;
	}

	Histogram histogram(String clock, LocalDate from, LocalDate to, Filter f) {
		TreeMap<Integer, Long> minutes = new TreeMap<>();
		long[] mb = new long[2];
		List<Object> params = new ArrayList<>();
		String where = " and clock = ?" + f.where(true);
		String monthly = dailyOnly || f.narrowsBeyondParty() ? "reporting_clock_monthly" : "reporting_clock_monthly_party";
		String union = plan(from, to).union(new Source(monthly, "working_minutes", where, List.of(clock)),
				new Source("reporting_clock_daily", "working_minutes", where, List.of(clock)), List.of("met", "breached"), params);
		jdbc.sql("select working_minutes m, sum(met) met, sum(breached) b from (" + union + ") x group by working_minutes")
			.params(params)
			.query(rs -> {
				long met = rs.getLong("met"), b = rs.getLong("b");
				mb[0] += met;
				mb[1] += b;
				if (met + b > 0) {
					minutes.merge(rs.getInt("m"), met + b, Long::sum);
				}
			});
		return new Histogram(minutes, mb[0], mb[1]);
	}
}
