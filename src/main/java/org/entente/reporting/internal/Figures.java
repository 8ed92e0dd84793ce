package org.entente.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.entente.common.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of a period read from the daily aggregates, with optional filters (a party, an establishment, a
 * component): counts by party, establishment and component, hand-backs, reopenings, satisfaction, service-level
 * histograms (medians and 90th percentiles are exact: the histogram is by working minute).
 */
@Component
class Figures {

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

	private final JdbcClient jdbc;

	Figures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Period period(LocalDate from, LocalDate to, Filter f) {
		long[] t = new long[6];
		Map<String, long[]> parties = new TreeMap<>();
		Map<String, long[]> uais = new TreeMap<>();
		Map<String, long[]> components = new TreeMap<>();
		jdbc.sql("select uai, parties, component, sum(opened) o, sum(closed) c, sum(hand_backs) h, sum(reopened) r, "
				+ "sum(satisfaction_answers) a, sum(satisfaction_sum) s from reporting_daily where stat_day between ? and ?"
				+ f.where(true) + " group by uai, parties, component")
			.params(ReportingStore.date(from), ReportingStore.date(to))
			.query(rs -> {
				long o = rs.getLong("o"), c = rs.getLong("c");
				t[0] += o;
				t[1] += c;
				t[2] += rs.getLong("h");
				t[3] += rs.getLong("r");
				t[4] += rs.getLong("a");
				t[5] += rs.getLong("s");
				for (String p : TicketLine.partiesOf(rs.getString("parties"))) {
					add(parties, p, o, c);
				}
				add(uais, rs.getString("uai"), o, c);
				add(components, rs.getString("component"), o, c);
			});
		Map<String, Monthly.Counts> byParty = new TreeMap<>();
		parties.forEach((k, v) -> byParty.put(k, new Monthly.Counts(v[0], v[1])));
		List<Monthly.Establishment> byUai = new ArrayList<>();
		uais.forEach((k, v) -> byUai.add(new Monthly.Establishment(k, v[0], v[1])));
		List<Monthly.ComponentCounts> byComponent = new ArrayList<>();
		components.forEach((k, v) -> byComponent.add(new Monthly.ComponentCounts(k, v[0], v[1])));
		byComponent.sort(Comparator.comparingLong((Monthly.ComponentCounts c) -> -c.opened()).thenComparing(Monthly.ComponentCounts::component));
		return new Period(t[0], t[1], byParty, byUai, byComponent, t[2], t[3], t[4], t[5]);
	}

	private static void add(Map<String, long[]> m, String key, long opened, long closed) {
		long[] v = m.computeIfAbsent(key, k -> new long[2]);
		v[0] += opened;
		v[1] += closed;
	}

	/** Tickets opened by {@code end} and not closed by then (the small table by parties when no finer filter). */
	long backlogAt(LocalDate end, Filter f) {
		String table = f.narrowsBeyondParty() ? "reporting_daily" : "reporting_daily_party";
		Long n = jdbc.sql("select coalesce(sum(opened) - sum(closed), 0) from " + table + " where stat_day <= ?" + f.where(f.narrowsBeyondParty()))
			.param(ReportingStore.date(end))
			.query(Long.class)
			.single();
		return n == null ? 0 : n;
	}

	Histogram histogram(String clock, LocalDate from, LocalDate to, Filter f) {
		TreeMap<Integer, Long> minutes = new TreeMap<>();
		long[] mb = new long[2];
		jdbc.sql("select working_minutes m, sum(met) met, sum(breached) b from reporting_clock_daily where clock = ? and stat_day between ? and ?"
				+ f.where(true) + " group by working_minutes")
			.params(clock, ReportingStore.date(from), ReportingStore.date(to))
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
