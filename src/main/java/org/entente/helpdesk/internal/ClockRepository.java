package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;
import static org.entente.helpdesk.internal.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code ticket_clock}: each ticket's service-level clocks as last computed, which lists read for their
 * chips and the watcher for what is due; the « fired » columns make each alert happen once.
 */
@Repository
class ClockRepository {

	record StoredClock(long ticketId, String clock, int workingMinutes, Instant deadline, Instant atRiskAt,
			Instant stoppedAt, boolean paused, Instant atRiskFired, Instant breachedFired) {
	}

	private final JdbcClient jdbc;

	ClockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the clocks of a new ticket in one batch. */
	void insertAll(long ticketId, List<Clocks.ClockView> views) {
		if (views.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(
				"insert into ticket_clock (ticket_id, clock, working_minutes, deadline, at_risk_at, stopped_at, paused) values ");
		List<Object> params = new ArrayList<>();
		for (Clocks.ClockView v : views) {
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
			params.addAll(Arrays.asList(ticketId, v.code(), (int) v.duration().toMinutes(), ts(v.deadline()),
					ts(v.atRiskAt()), ts(v.stoppedAt()), v.paused()));
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	void save(long ticketId, Clocks.ClockView v) {
		int minutes = (int) v.duration().toMinutes();
		int updated = jdbc.sql("""
				update ticket_clock set working_minutes = ?, deadline = ?, at_risk_at = ?, stopped_at = ?, paused = ?
				where ticket_id = ? and clock = ?""")
			.params(minutes, ts(v.deadline()), ts(v.atRiskAt()), ts(v.stoppedAt()), v.paused(), ticketId, v.code())
			.update();
		if (updated == 0) {
			insertAll(ticketId, List.of(v));
		}
	}

	void deleteExcept(long ticketId, List<String> keep) {
		if (keep.isEmpty()) {
			jdbc.sql("delete from ticket_clock where ticket_id = ?").param(ticketId).update();
			return;
		}
		jdbc.sql("delete from ticket_clock where ticket_id = :id and clock not in (:keep)")
			.param("id", ticketId)
			.param("keep", keep)
			.update();
	}

	List<StoredClock> of(long ticketId) {
		return jdbc.sql("select * from ticket_clock where ticket_id = ?").param(ticketId).query(ClockRepository::clock).list();
	}

	List<StoredClock> ofTickets(Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from ticket_clock where ticket_id in (:ids)")
			.param("ids", ticketIds)
			.query(ClockRepository::clock)
			.list();
	}

	/** Running clocks whose 75 % point has passed and that have not fired it yet. */
	List<StoredClock> toWarn(Instant now, int limit) {
		return due("at_risk_fired", "at_risk_at", now, limit);
	}

	/** Running clocks whose deadline has passed and that have not fired it yet. */
	List<StoredClock> breached(Instant now, int limit) {
		return due("breached_fired", "deadline", now, limit);
	}

	/** Running clocks whose {@code point} (a column) is at or before {@code now} and {@code fired} is still empty. */
	private List<StoredClock> due(String fired, String point, Instant now, int limit) {
		return jdbc.sql("select * from ticket_clock where stopped_at is null and paused = false and " + fired
				+ " is null and " + point + " <= ? order by " + point + " limit ?")
			.params(ts(now), limit)
			.query(ClockRepository::clock)
			.list();
	}

	/** Marks the 75 % event fired; false if another run already did (idempotence in the database). */
	boolean markAtRiskFired(long ticketId, String clock, Instant now) {
		return jdbc.sql("update ticket_clock set at_risk_fired = ? where ticket_id = ? and clock = ? and at_risk_fired is null")
			.params(ts(now), ticketId, clock)
			.update() == 1;
	}

	boolean markBreachedFired(long ticketId, String clock, Instant now) {
		return jdbc.sql("update ticket_clock set breached_fired = ?, at_risk_fired = coalesce(at_risk_fired, ?) where ticket_id = ? and clock = ? and breached_fired is null")
			.params(ts(now), ts(now), ticketId, clock)
			.update() == 1;
	}

	private static StoredClock clock(ResultSet rs, int row) throws SQLException {
		return new StoredClock(rs.getLong("ticket_id"), rs.getString("clock"), rs.getInt("working_minutes"),
				instant(rs, "deadline"), instant(rs, "at_risk_at"), instant(rs, "stopped_at"), rs.getBoolean("paused"),
				instant(rs, "at_risk_fired"), instant(rs, "breached_fired"));
	}
}
