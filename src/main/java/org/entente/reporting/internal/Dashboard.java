package org.entente.reporting.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.entente.convention.Conventions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The global dashboard's figures: the open work now (by party, level, establishment, domain, component,
 * criticality; clocks at risk and breached; collèges with open criticals) from the tickets' lines, and a period's
 * figures (openings, closures, service levels with median and 90th percentile in working hours, hand-backs,
 * reopenings, satisfaction) from the daily aggregates. Each figure carries the link to the desk's list behind it
 * (the list's own query parameters: party, establishment, level, criticality, sla, status, openOnly).
 */
@Service
class Dashboard {

	static final String OPEN = "('NEW', 'TAKEN_IN_CHARGE', 'IN_PROGRESS', 'WAITING', 'RESTORED')";

	/** One bar of a chart and its row in the table: a label, a count, the desk's list behind it. */
	record Bar(String key, String label, long count, String link) {
	}

	/** A clock's month: met share (percent, null without tickets), median and 90th percentile in working hours. */
	record Level(String clock, long met, long breached, Integer metPercent, Double medianHours, Double p90Hours) {
	}

	record View(Figures.Filter filter, LocalDate from, LocalDate to, String forcedParty, long openTotal, List<Bar> byParty,
			List<Bar> byLevel, List<Bar> byEstablishment, List<Bar> byDomain, List<Bar> byComponent, List<Bar> byCriticality,
			Bar atRisk, Bar breached, List<Bar> collegesWithOpenCriticals, Figures.Period period, List<Level> levels,
			Double satisfactionAverage, String deskLink) {
	}

	private final JdbcClient jdbc;
	private final Figures figures;
	private final Conventions conventions;

	Dashboard(JdbcClient jdbc, Figures figures, Conventions conventions) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.conventions = conventions;
	}

	@Transactional(readOnly = true)
	View view(Figures.Filter filter, LocalDate from, LocalDate to, String forcedParty) {
		Figures.Filter f = forcedParty == null ? filter : filter.withParty(forcedParty);
		Map<String, Long> party = new TreeMap<>(), level = new TreeMap<>(), uai = new TreeMap<>(), component = new TreeMap<>(),
				criticality = new TreeMap<>(), criticals = new TreeMap<>();
		long[] totals = new long[3];
		jdbc.sql("select parties, level, uai, component, criticality, at_risk_clocks <> '' at_risk, breached, count(*) n "
				+ "from reporting_ticket where status in " + OPEN + f.where(true)
				+ " group by parties, level, uai, component, criticality, at_risk_clocks <> '', breached")
			.query(rs -> {
				long n = rs.getLong("n");
				totals[0] += n;
				for (String p : TicketLine.partiesOf(rs.getString("parties"))) {
					if (f.party() == null || f.party().equals(p)) {
						party.merge(p, n, Long::sum);
					}
				}
				level.merge(Integer.toString(rs.getInt("level")), n, Long::sum);
				uai.merge(rs.getString("uai"), n, Long::sum);
				component.merge(rs.getString("component"), n, Long::sum);
				criticality.merge(rs.getString("criticality"), n, Long::sum);
				if ("CRITICAL".equals(rs.getString("criticality"))) {
					criticals.merge(rs.getString("uai"), n, Long::sum);
				}
				if (rs.getBoolean("breached")) {
					totals[2] += n;
				}
				else if (rs.getBoolean("at_risk")) {
					totals[1] += n;
				}
			});
		String base = "/tickets?openOnly=true" + param("party", f.party()) + param("establishment", f.uai());
		List<Bar> byParty = bars(party, k -> k, k -> "/tickets?openOnly=true" + param("party", k) + param("establishment", f.uai()));
		List<Bar> byLevel = bars(level, k -> k, k -> base + param("level", k));
		List<Bar> byUai = top(bars(uai, k -> k, k -> "/tickets?openOnly=true" + param("party", f.party()) + param("establishment", k)));
		Map<String, Long> domain = new TreeMap<>();
		component.forEach((k, n) -> domain.merge(domainOf(k), n, Long::sum));
		List<Bar> byDomain = bars(domain, k -> k, k -> base);
		List<Bar> byComponent = top(bars(component, this::componentLabel, k -> base));
		List<Bar> byCriticality = bars(criticality, k -> k, k -> base + param("criticality", k));
		List<Bar> colleges = bars(criticals, k -> k, k -> "/tickets?openOnly=true&criticality=CRITICAL" + param("party", f.party())
				+ param("establishment", k));
		Figures.Period period = figures.period(from, to, f);
		List<Level> levels = List.of(level(TicketLine.TAKE_CHARGE, from, to, f), level(TicketLine.RESTORATION, from, to, f));
		return new View(f, from, to, forcedParty, totals[0], byParty, byLevel, byUai, byDomain, byComponent, byCriticality,
				new Bar("AT_RISK", "AT_RISK", totals[1], base + "&sla=AT_RISK"),
				new Bar("BREACHED", "BREACHED", totals[2], base + "&sla=BREACHED"), colleges, period, levels,
				period.answers() == 0 ? null : MonthlyStatistics.round((double) period.ratingSum() / period.answers()),
				"/tickets?q=" + param("party", f.party()) + param("establishment", f.uai()));
	}

	private Level level(String clock, LocalDate from, LocalDate to, Figures.Filter f) {
		Figures.Histogram h = figures.histogram(clock, from, to, f);
		Double median = h.quantile(0.5), p90 = h.quantile(0.9);
		return new Level(clock, h.met(), h.breached(), h.count() == 0 ? null : (int) Math.round(100.0 * h.met() / h.count()),
				median == null ? null : hours(median), p90 == null ? null : hours(p90));
	}

	static double hours(double minutes) {
		return Math.round(minutes / 6.0) / 10.0;
	}

	private String domainOf(String component) {
		try {
			String d = conventions.component(component).domain();
			return d == null ? component : d;
		}
		catch (RuntimeException unknown) {
			return component;
		}
	}

	private String componentLabel(String component) {
		try {
			return conventions.component(component).label();
		}
		catch (RuntimeException unknown) {
			return component;
		}
	}

	/** The 15 largest, then the rest in one bar (a chart stays readable; the desk's list has them all). */
	private static List<Bar> top(List<Bar> bars) {
		List<Bar> sorted = new ArrayList<>(bars);
		sorted.sort(Comparator.comparingLong(Bar::count).reversed().thenComparing(Bar::key));
		return sorted.size() <= 15 ? sorted : sorted.subList(0, 15);
	}

	private static List<Bar> bars(Map<String, Long> counts, java.util.function.Function<String, String> label,
			java.util.function.Function<String, String> link) {
		List<Bar> out = new ArrayList<>();
		new LinkedHashMap<>(counts).forEach((k, n) -> out.add(new Bar(k, label.apply(k), n, link.apply(k))));
		return out;
	}

	static String param(String name, String value) {
		return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
