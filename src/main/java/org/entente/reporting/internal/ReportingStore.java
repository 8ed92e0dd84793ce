package org.entente.reporting.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reporting's own tables as the listeners write them: the lock row, the events applied, each ticket's line, and
 * the daily counters incremented by (update, then insert when absent: safe under the lock row).
 */
@Repository
class ReportingStore {

	/** The key of one daily counter row. */
	record DayKey(LocalDate day, String uai, String parties, String component) {
	}

	/** The key of one service-level histogram row. */
	record ClockKey(LocalDate day, String clock, String uai, String parties, String component, int minutes) {
	}

	/** Rows per JDBC batch in a rebuild. */
	static final int BATCH = 2000;

	private static final String INSERT_LINE = """
			insert into reporting_ticket (number, uai, parties, component, level, criticality, status, status_at,
			opened_day, closed_day, at_risk_clocks, breached, take_charge_met, take_charge_minutes, restoration_met,
			restoration_minutes, indicative, ticket_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ReportingStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Takes the lock row for the rest of the transaction: one listener at a time writes the aggregates. */
	void lock() {
		jdbc.sql("select id from reporting_lock where id = 1 for update").query(Integer.class).single();
	}

	/** Records an event as applied; false when it already was (a redelivery). */
	boolean firstTime(String key, Instant at) {
		Integer seen = jdbc.sql("select count(*) from reporting_event where event_key = ?").param(key).query(Integer.class).single();
		if (seen > 0) {
			return false;
		}
		jdbc.sql("insert into reporting_event (event_key, at) values (?, ?)").params(key, ts(at)).update();
		return true;
	}

	Optional<TicketLine> line(long ticketId) {
		return jdbc.sql("select * from reporting_ticket where ticket_id = ?").param(ticketId).query(ReportingStore::map).optional();
	}

	private static Object[] values(TicketLine l) {
		return new Object[] { l.number(), l.uai(), l.parties(), l.component(), l.level(), l.criticality(), l.status(),
				ts(l.statusAt()), date(l.openedDay()), date(l.closedDay()), l.atRiskClocks(), l.breached(), l.takeChargeMet(),
				l.takeChargeMinutes(), l.restorationMet(), l.restorationMinutes(), l.indicative(), l.ticketId() };
	}

	void save(TicketLine l, boolean exists) {
		Object[] values = values(l);
		if (exists) {
			jdbc.sql("""
					update reporting_ticket set number = ?, uai = ?, parties = ?, component = ?, level = ?, criticality = ?,
					status = ?, status_at = ?, opened_day = ?, closed_day = ?, at_risk_clocks = ?, breached = ?,
					take_charge_met = ?, take_charge_minutes = ?, restoration_met = ?, restoration_minutes = ?, indicative = ?
					where ticket_id = ?""").params(values).update();
		}
		else {
			jdbc.sql(INSERT_LINE).params(values).update();
		}
	}

	/** Adds to the daily counters of a key: {@code opened, closed, handBacks, reopened, answers, ratingSum}. */
	void addDaily(DayKey k, int[] d) {
		addCounters("reporting_daily", DAY_KEYS, keys(k), d);
	}

	/** Adds to the monthly counters of a key whose day is the month's first: the same six counters. */
	void addMonthly(DayKey k, int[] d) {
		addCounters("reporting_monthly", MONTH_KEYS, keys(k), d);
	}

	/** Adds to the monthly counters of a set of parties and one dimension's value. */
	void addMonthlyParty(PartyKey k, int[] d) {
		addCounters("reporting_monthly_party", PARTY_KEYS, keys(k), d);
	}

	/** The key of one row of {@code reporting_monthly_party}: a month, parties, a dimension (UAI, COMPONENT), its value. */
	record PartyKey(LocalDate month, String parties, String dimension, String value) {
	}

	static final List<String> DAY_KEYS = List.of("stat_day", "uai", "parties", "component");
	static final List<String> MONTH_KEYS = List.of("stat_month", "uai", "parties", "component");
	static final List<String> PARTY_KEYS = List.of("stat_month", "parties", "dimension", "dim_value");
	static final List<String> CLOCK_DAY_KEYS = List.of("stat_day", "clock", "uai", "parties", "component", "working_minutes");
	static final List<String> CLOCK_MONTH_KEYS = List.of("stat_month", "clock", "uai", "parties", "component", "working_minutes");
	static final List<String> CLOCK_PARTY_KEYS = List.of("stat_month", "clock", "parties", "working_minutes");
	private static final List<String> COUNTERS = List.of("opened", "closed", "hand_backs", "reopened", "satisfaction_answers",
			"satisfaction_sum");
	private static final List<String> OUTCOMES = List.of("met", "breached");

	private static Object[] keys(DayKey k) {
		return new Object[] { date(k.day()), k.uai(), k.parties(), k.component() };
	}

	private static Object[] keys(PartyKey k) {
		return new Object[] { date(k.month()), k.parties(), k.dimension(), k.value() };
	}

	private static Object[] keys(ClockKey k) {
		return new Object[] { date(k.day()), k.clock(), k.uai(), k.parties(), k.component(), k.minutes() };
	}

	private static Object[] partyKeys(ClockKey k) {
		return new Object[] { date(k.day()), k.clock(), k.parties(), k.minutes() };
	}

	private void addCounters(String table, List<String> keys, Object[] key, int[] d) {
		add(table, keys, key, COUNTERS, Arrays.stream(d).boxed().toArray());
	}

	/** Adds values to a row's counters, inserting the row when absent (safe under the lock row). */
	private void add(String table, List<String> keys, Object[] key, List<String> counters, Object[] values) {
		String set = String.join(", ", counters.stream().map(c -> c + " = " + c + " + ?").toList());
		String where = String.join(" and ", keys.stream().map(c -> c + " = ?").toList());
		Object[] params = new Object[values.length + key.length];
		System.arraycopy(values, 0, params, 0, values.length);
		System.arraycopy(key, 0, params, values.length, key.length);
		if (jdbc.sql("update " + table + " set " + set + " where " + where).params(params).update() == 0) {
			Object[] row = new Object[key.length + values.length];
			System.arraycopy(key, 0, row, 0, key.length);
			System.arraycopy(values, 0, row, key.length, values.length);
			jdbc.sql(insert(table, keys, counters)).params(row).update();
		}
	}

	private static String insert(String table, List<String> keys, List<String> counters) {
		List<String> columns = new ArrayList<>(keys);
		columns.addAll(counters);
		return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
	}

	/** Adds to a service-level histogram row: {@code met, breached}. */
	void addClock(ClockKey k, int met, int breached) {
		add("reporting_clock_daily", CLOCK_DAY_KEYS, keys(k), OUTCOMES, new Object[] { met, breached });
	}

	/** Adds to a monthly service-level histogram row (the key's day is the month's first). */
	void addClockMonthly(ClockKey k, int met, int breached) {
		add("reporting_clock_monthly", CLOCK_MONTH_KEYS, keys(k), OUTCOMES, new Object[] { met, breached });
	}

	/** Adds to a monthly histogram row of a set of parties (the key's establishment and component are left aside). */
	void addClockMonthlyParty(ClockKey k, int met, int breached) {
		add("reporting_clock_monthly_party", CLOCK_PARTY_KEYS, partyKeys(k), OUTCOMES, new Object[] { met, breached });
	}

	/** Adds to the openings and closures of a day and set of parties. */
	void addParty(LocalDate day, String parties, int opened, int closed) {
		int updated = jdbc.sql("update reporting_daily_party set opened = opened + ?, closed = closed + ? where stat_day = ? and parties = ?")
			.params(opened, closed, date(day), parties)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into reporting_daily_party (stat_day, parties, opened, closed) values (?, ?, ?, ?)")
				.params(date(day), parties, opened, closed)
				.update();
		}
	}

	/** Inserts new lines in JDBC batches (a rebuild: the table was emptied). */
	void insertLines(List<TicketLine> lines) {
		// Already in identifier order and at most one batch: no sorting.
		template.batchUpdate(INSERT_LINE, lines.stream().map(ReportingStore::values).toList());
	}

	/**
	 * Inserts counters into emptied tables by JDBC batches (a rebuild: one round trip per batch, not per row): the
	 * daily rows, the monthly ones (keys whose day is the month's first), by parties and dimension, and the openings
	 * and closures by parties; the histograms by day, by month, by month and parties.
	 */
	void insertAll(Map<DayKey, int[]> days, Map<DayKey, int[]> months, Map<PartyKey, int[]> monthParties,
			Map<List<Object>, int[]> parties, Map<ClockKey, int[]> clocks, Map<ClockKey, int[]> clockMonths,
			Map<ClockKey, int[]> clockMonthParties) {
		batches(insert("reporting_daily", DAY_KEYS, COUNTERS), rows(days, ReportingStore::keys));
		batches(insert("reporting_monthly", MONTH_KEYS, COUNTERS), rows(months, ReportingStore::keys));
		batches(insert("reporting_monthly_party", PARTY_KEYS, COUNTERS), rows(monthParties, ReportingStore::keys));
		List<Object[]> party = new ArrayList<>();
		parties.forEach((k, p) -> {
			if (p[0] != 0 || p[1] != 0) {
				party.add(new Object[] { date((LocalDate) k.get(0)), k.get(1), p[0], p[1] });
			}
		});
		batches("insert into reporting_daily_party (stat_day, parties, opened, closed) values (?, ?, ?, ?)", party);
		batches(insert("reporting_clock_daily", CLOCK_DAY_KEYS, OUTCOMES), rows(clocks, ReportingStore::keys));
		batches(insert("reporting_clock_monthly", CLOCK_MONTH_KEYS, OUTCOMES), rows(clockMonths, ReportingStore::keys));
		batches(insert("reporting_clock_monthly_party", CLOCK_PARTY_KEYS, OUTCOMES), rows(clockMonthParties, ReportingStore::partyKeys));
	}

	/** The rows of counters that are not all zero: key columns, then counters. */
	private static <K> List<Object[]> rows(Map<K, int[]> counters, java.util.function.Function<K, Object[]> keys) {
		List<Object[]> rows = new ArrayList<>();
		counters.forEach((k, d) -> {
			if (Arrays.stream(d).anyMatch(v -> v != 0)) {
				Object[] key = keys.apply(k);
				Object[] row = Arrays.copyOf(key, key.length + d.length);
				for (int i = 0; i < d.length; i++) {
					row[key.length + i] = d[i];
				}
				rows.add(row);
			}
		});
		return rows;
	}

	/**
	 * Rows in key order (the day first), so that a period's rows sit together on disk: inserted in a hash map's
	 * order, a month of a million tickets' aggregates was spread over the whole table (22,000 pages read, 1 s).
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void batches(String sql, List<Object[]> rows) {
		rows.sort((a, b) -> {
			for (int i = 0; i < Math.min(a.length, b.length); i++) {
				int c = a[i] == null || b[i] == null ? 0 : ((Comparable) a[i]).compareTo(b[i]);
				if (c != 0) {
					return c;
				}
			}
			return 0;
		});
		for (int i = 0; i < rows.size(); i += BATCH) {
			template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
		}
	}

	/**
	 * Deletes the lines of tickets the desk erased (their retention ended); the daily counts they fed stay, they name
	 * no ticket.
	 */
	int forget(List<Long> ticketIds) {
		return ticketIds.isEmpty() ? 0
				: jdbc.sql("delete from reporting_ticket where ticket_id in (:ids)").param("ids", ticketIds).update();
	}

	/** Empties the aggregates before a rebuild (the events applied are kept: a late redelivery stays a no-op). */
	void clear() {
		jdbc.sql("delete from reporting_clock_daily").update();
		jdbc.sql("delete from reporting_clock_monthly").update();
		jdbc.sql("delete from reporting_daily").update();
		jdbc.sql("delete from reporting_monthly").update();
		jdbc.sql("delete from reporting_monthly_party").update();
		jdbc.sql("delete from reporting_clock_monthly_party").update();
		jdbc.sql("delete from reporting_daily_party").update();
		jdbc.sql("delete from reporting_ticket").update();
	}

	static TicketLine map(ResultSet rs, int row) throws SQLException {
		return new TicketLine(rs.getLong("ticket_id"), rs.getString("number"), rs.getString("uai"), rs.getString("parties"),
				rs.getString("component"), rs.getInt("level"), rs.getString("criticality"), rs.getString("status"),
				rs.getTimestamp("status_at").toInstant(), day(rs, "opened_day"), day(rs, "closed_day"),
				rs.getString("at_risk_clocks"), rs.getBoolean("breached"), rs.getObject("take_charge_met", Boolean.class),
				rs.getObject("take_charge_minutes", Integer.class), rs.getObject("restoration_met", Boolean.class),
				rs.getObject("restoration_minutes", Integer.class), rs.getBoolean("indicative"));
	}

	static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
