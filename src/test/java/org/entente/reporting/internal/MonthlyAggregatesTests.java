package org.entente.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.entente.EntenteTest;
import org.entente.helpdesk.SatisfactionRated;
import org.entente.helpdesk.ServiceLevelOutcome;
import org.entente.helpdesk.TicketClosed;
import org.entente.helpdesk.TicketEscalated;
import org.entente.helpdesk.TicketHandedBack;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketOpened;
import org.entente.helpdesk.TicketSnapshot;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.TicketStatusChanged;
import org.entente.worktime.Criticality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

/**
 * The monthly aggregates: kept by the listeners with the daily rows (a seeded random sequence of the desk's events
 * over six months of 2019, on establishments of this test only, delivered partly out of order and twice), read by
 * the dashboard as the daily rows alone would give (by establishment and component, and by parties and one
 * dimension for the unfiltered views), rebuilt by the rebuild; and the rebuild restoring the open
 * tickets' clock states (at risk, breached) so that a rebuilt dashboard equals the one kept from events.
 */
@EntenteTest
class MonthlyAggregatesTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	static final List<String> UAIS = List.of("0990001A", "0990002B", "0990003C");
	static final List<String> COMPONENTS = List.of("BORNES_WIFI", "TELEPHONIE", "TABLETTES");
	static final List<List<String>> PARTIES = List.of(List.of("CD"), List.of("ACA"), List.of("CD", "EPLE"));
	static final String MINE = " where uai in ('0990001A', '0990002B', '0990003C')";
	static final LocalDate START = LocalDate.of(2019, 1, 1), END = LocalDate.of(2019, 7, 31);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Figures figures;

	@Autowired
	Dashboard dashboard;

	@Autowired
	ReportingStore store;

	@Autowired
	MockMvcTester mvc;

	/** One event to deliver, and when it happened. */
	record Delivery(Instant at, Runnable apply) {
	}

	@Test
	void monthlyRowsAreTheSumOfTheDailyRowsAndReadAsTheDailyRowsWould() {
		long seed = Long.getLong("entente.reporting.seed", System.nanoTime());
		String why = "seed " + seed + " (-Dentente.reporting.seed=" + seed + " to replay)";
		Random r = new Random(seed);
		long base = 7_000_000_000L + Math.floorMod(seed, 1_000_000L) * 100;
		int tickets = 28;
		forget(base, tickets);
		try {
			DeskEventListener listener = AopTestUtils.getTargetObject(context.getBean(DeskEventListener.class));
			List<Delivery> deliveries = new ArrayList<>();
			for (int i = 0; i < tickets; i++) {
				events(listener, base + i, r, deliveries);
			}
			deliveries.sort((a, b) -> a.at().compareTo(b.at()));
			// Delivery is at least once and not in order: neighbours swapped, some delivered twice.
			for (int i = 1; i < deliveries.size(); i++) {
				if (r.nextInt(8) == 0) {
					Collections.swap(deliveries, i - 1, i);
				}
			}
			for (int i = deliveries.size() - 1; i >= 0; i--) {
				if (r.nextInt(12) == 0) {
					deliveries.add(i + 1 + r.nextInt(deliveries.size() - i), deliveries.get(i));
				}
			}
			for (Delivery d : deliveries) {
				transactions.executeWithoutResult(s -> d.apply().run());
			}

			assertThat(byMonth("reporting_monthly", false, MINE)).as(why).isNotEmpty()
				.isEqualTo(byMonth("reporting_daily", true, MINE));
			assertThat(byMonth("reporting_clock_monthly", false, MINE)).as(why).isNotEmpty()
				.isEqualTo(byMonth("reporting_clock_daily", true, MINE));

			// Any period, whole months or parts, reads the same figures as the daily rows alone.
			Figures daily = new Figures(jdbc, true);
			for (int i = 0; i < 18; i++) {
				LocalDate from = START.plusDays(r.nextInt(200)), to = from.plusDays(r.nextInt(120));
				Figures.Filter f = switch (r.nextInt(5)) {
					case 0 -> Figures.Filter.ALL;
					case 4 -> new Figures.Filter("ACA", null, null);
					case 1 -> new Figures.Filter(null, UAIS.get(r.nextInt(3)), null);
					case 2 -> new Figures.Filter(null, null, COMPONENTS.get(r.nextInt(3)));
					default -> new Figures.Filter("CD", UAIS.get(r.nextInt(3)), null);
				};
				String what = why + ", " + from + ".." + to + " " + f;
				assertThat(figures.period(from, to, f)).as(what).isEqualTo(daily.period(from, to, f));
				for (String clock : List.of(TicketLine.TAKE_CHARGE, TicketLine.RESTORATION)) {
					assertThat(figures.histogram(clock, from, to, f)).as(what).isEqualTo(daily.histogram(clock, from, to, f));
				}
				if (f.narrowsBeyondParty()) {
					assertThat(figures.backlogAt(to, f)).as(what).isEqualTo(daily.backlogAt(to, f));
				}
			}
			Figures.Filter one = new Figures.Filter(null, UAIS.get(0), null);
			assertThat(figures.period(START, END, one).opened()).as(why).isPositive();
		}
		finally {
			forget(base, tickets);
		}
	}

	/** A ticket's life as random events: opened, taken, handed back, escalated, resolved, closed, rated, reopened. */
	void events(DeskEventListener l, long id, Random r, List<Delivery> out) {
		TicketSnapshot s = snapshot(id, r, 1);
		Instant at = START.atStartOfDay(PARIS).toInstant().plusSeconds(r.nextInt(150 * 24 * 3600));
		Instant opened = at;
		out.add(new Delivery(at, () -> l.on(new TicketOpened(s, TicketKind.INCIDENT, false, "college", opened))));
		TicketStatus status = TicketStatus.NEW;
		int steps = 2 + r.nextInt(8);
		for (int i = 0; i < steps; i++) {
			at = at.plusSeconds(600 + r.nextInt(12 * 24 * 3600)).plusNanos(r.nextInt(1_000_000) * 1000L);
			Instant when = at;
			TicketSnapshot now = r.nextInt(5) == 0 ? snapshot(id, r, 2) : s;
			TicketStatus from = status;
			switch (r.nextInt(6)) {
				case 0 -> out.add(new Delivery(when, () -> l.on(new TicketHandedBack(now, "CD", 1, "agent.cd", "Renvoi", when))));
				case 1 -> out.add(new Delivery(when, () -> l.on(new TicketEscalated(now, "agent.cd", when))));
				case 2 -> {
					int rating = 1 + r.nextInt(5);
					out.add(new Delivery(when, () -> l.on(new SatisfactionRated(now, rating, when))));
				}
				default -> {
					TicketStatus to = switch (status) {
						case NEW -> TicketStatus.TAKEN_IN_CHARGE;
						case TAKEN_IN_CHARGE, IN_PROGRESS, WAITING, RESTORED -> TicketStatus.RESOLVED;
						case RESOLVED -> TicketStatus.CLOSED;
						default -> TicketStatus.IN_PROGRESS;
					};
					out.add(new Delivery(when, () -> l.on(new TicketStatusChanged(now, from, to, "agent.cd", null, when))));
					if (to == TicketStatus.CLOSED) {
						List<ServiceLevelOutcome> outcomes = List.of(
								new ServiceLevelOutcome(TicketLine.TAKE_CHARGE, true, r.nextBoolean(), r.nextInt(300)),
								new ServiceLevelOutcome(TicketLine.RESTORATION, true, r.nextBoolean(), r.nextInt(3000)));
						out.add(new Delivery(when, () -> l.on(new TicketClosed(now, "agent.cd", when, outcomes))));
					}
					status = to;
				}
			}
		}
	}

	static TicketSnapshot snapshot(long id, Random r, int level) {
		return new TicketSnapshot(id, "E-2019-" + id, UAIS.get(r.nextInt(UAIS.size())), PARTIES.get(r.nextInt(PARTIES.size())),
				level, r.nextInt(4) == 0 ? Criticality.CRITICAL : Criticality.NON_CRITICAL, COMPONENTS.get(r.nextInt(COMPONENTS.size())),
				"1");
	}

	/** Removes what this test's tickets left (its establishments exist in no other test). */
	void forget(long base, int tickets) {
		for (String table : List.of("reporting_daily", "reporting_monthly", "reporting_clock_daily", "reporting_clock_monthly")) {
			jdbc.sql("delete from " + table + MINE).update();
		}
		jdbc.sql("delete from reporting_daily_party where stat_day between ? and ?")
			.params(java.sql.Date.valueOf(START), java.sql.Date.valueOf(END.plusMonths(6))).update();
		jdbc.sql("delete from reporting_ticket where ticket_id between ? and ?").params(base, base + tickets).update();
		for (long id = base; id < base + tickets; id++) {
			jdbc.sql("delete from reporting_event where event_key like ? or event_key like ?")
				.params("%:" + id, "%:" + id + ":%").update();
		}
	}

	// ------------------------------------------------------------------ rebuild and clock states

	String content(MvcTestResult r) {
		try {
			return r.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A critical incident on the Académie's portal: its clocks are the Académie's commitments (they alert). */
	long critical() {
		MvcTestResult r = mvc.post().uri("/api/v1/tickets").with(as("college")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"establishment":"0359901X","title":"Portail %s","description":"Plus d'accès.","component":"TOUTATICE_PORTAIL",
					"intervention":"ASSISTANCE","criticality":"CRITICAL","kind":"INCIDENT"}"""
				.formatted(UUID.randomUUID()))
			.exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(content(r), "$.id")).longValue();
	}

	void settled() {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null and listener_id like '%reporting%'")
			.query(Long.class).single() == 0);
	}

	Dashboard.View view() {
		LocalDate today = LocalDate.now(PARIS);
		return dashboard.view(Figures.Filter.ALL, today.withDayOfMonth(1), today, null);
	}

	@Test
	void aRebuiltDashboardEqualsTheOneKeptFromEventsClockStatesIncluded() {
		settled();
		assertThat(mvc.post().uri("/api/v1/reporting/rebuild").with(as("admin"))).hasStatusOk();
		long atRisk = critical(), breached = critical(), over = critical();
		assertThat(jdbc.sql("select count(*) from ticket_clock where ticket_id = ? and clock = 'TAKE_CHARGE'").param(breached)
			.query(Long.class).single()).isOne();
		// Their take-charge clocks made due (the desk's table, in this test only): 75 % passed, or the deadline too.
		Instant now = Instant.now();
		jdbc.sql("update ticket_clock set at_risk_at = ? where clock = 'TAKE_CHARGE' and ticket_id in (?, ?)")
			.params(java.sql.Timestamp.from(now.minusSeconds(60)), atRisk, over).update();
		jdbc.sql("update ticket_clock set at_risk_at = ?, deadline = ? where clock = 'TAKE_CHARGE' and ticket_id = ?")
			.params(java.sql.Timestamp.from(now.minusSeconds(120)), java.sql.Timestamp.from(now.minusSeconds(60)), breached).update();
		Object watcher = AopTestUtils.getTargetObject(context.getBean("clockWatcher"));
		ReflectionTestUtils.invokeMethod(watcher, "fire", now);
		settled();
		// The ticket taken in charge after its alert is no longer at risk.
		MvcTestResult read = mvc.get().uri("/api/v1/tickets/" + over).with(as("agent.aca")).exchange();
		assertThat(mvc.post().uri("/api/v1/tickets/" + over + "/transitions").with(as("agent.aca"))
			.header("If-Match", read.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"TAKEN_IN_CHARGE\"}")).hasStatusOk();
		settled();

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(store.line(atRisk).orElseThrow().slaState()).isEqualTo("AT_RISK");
			assertThat(store.line(breached).orElseThrow().slaState()).isEqualTo("BREACHED");
			assertThat(store.line(over).orElseThrow().slaState()).isEqualTo("OK");
		});
		Dashboard.View incremental = view();
		assertThat(incremental.atRisk().count()).isPositive();
		assertThat(incremental.breached().count()).isPositive();

		MvcTestResult rebuilt = mvc.post().uri("/api/v1/reporting/rebuild").with(as("admin")).exchange();
		assertThat(rebuilt).hasStatusOk();
		assertThat(store.line(atRisk).orElseThrow().slaState()).isEqualTo("AT_RISK");
		assertThat(store.line(atRisk).orElseThrow().atRiskClocks()).isEqualTo(TicketLine.TAKE_CHARGE);
		assertThat(store.line(breached).orElseThrow().slaState()).isEqualTo("BREACHED");
		assertThat(store.line(over).orElseThrow().slaState()).isEqualTo("OK");
		assertThat(view()).isEqualTo(incremental);
		// The rebuild wrote the monthly rows as the sums of its daily rows, and a year reads as the daily rows alone.
		LocalDate today = LocalDate.now(PARIS);
		Figures daily = new Figures(jdbc, true);
		for (Figures.Filter f : List.of(Figures.Filter.ALL, new Figures.Filter("ACA", null, null), new Figures.Filter(null, "0359901X", null))) {
			assertThat(figures.period(today.minusYears(1), today, f)).isEqualTo(daily.period(today.minusYears(1), today, f));
			assertThat(figures.histogram(TicketLine.RESTORATION, today.minusYears(1), today, f))
				.isEqualTo(daily.histogram(TicketLine.RESTORATION, today.minusYears(1), today, f));
		}
		assertThat(byMonth("reporting_monthly", false, "")).isNotEmpty().isEqualTo(byMonth("reporting_daily", true, ""));
		assertThat(byMonth("reporting_clock_monthly", false, "")).isEqualTo(byMonth("reporting_clock_daily", true, ""));
	}

	/**
	 * The rows of a table (those {@code where} keeps) by month and dimensions, summed by month for the daily tables,
	 * the rows whose counters are all zero left out.
	 */
	private Map<String, List<Long>> byMonth(String table, boolean daily, String where) {
		String day = daily ? "stat_day" : "stat_month";
		Map<String, List<Long>> out = new TreeMap<>();
		boolean clock = table.contains("clock");
		jdbc.sql("select * from " + table + where).query(rs -> {
			String key = rs.getDate(day).toLocalDate().withDayOfMonth(1) + "|" + rs.getString("uai") + "|" + rs.getString("parties")
					+ "|" + rs.getString("component") + (clock ? "|" + rs.getString("clock") + "|" + rs.getInt("working_minutes") : "");
			List<Long> v = clock ? List.of(rs.getLong("met"), rs.getLong("breached"))
					: List.of(rs.getLong("opened"), rs.getLong("closed"), rs.getLong("hand_backs"), rs.getLong("reopened"),
							rs.getLong("satisfaction_answers"), rs.getLong("satisfaction_sum"));
			out.merge(key, v, (a, b) -> {
				List<Long> sum = new ArrayList<>();
				for (int i = 0; i < a.size(); i++) {
					sum.add(a.get(i) + b.get(i));
				}
				return sum;
			});
		});
		out.values().removeIf(c -> c.stream().allMatch(v -> v == 0));
		return out;
	}
}
