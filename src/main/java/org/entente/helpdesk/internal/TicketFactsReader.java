package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Rows.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.entente.helpdesk.TicketFacts;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Clocks.StatusChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's tickets as facts, for reporting's rebuild: tickets by batches of {@value #BATCH} in identifier order,
 * with their hand-backs and reopenings from the history, their survey answer and, once closed, their clocks.
 */
@Component
class TicketFactsReader implements TicketFacts {

	static final int BATCH = 2000;

	private final JdbcClient jdbc;
	private final ServiceLevelOutcomes outcomes;
	private final Clocks clocks;

	TicketFactsReader(JdbcClient jdbc, ServiceLevelOutcomes outcomes, Clocks clocks) {
		this.jdbc = jdbc;
		this.outcomes = outcomes;
		this.clocks = clocks;
	}

	/** A clock row whose alerts fired. */
	private record Fired(String clock, Instant atRisk, Instant breached) {
	}

	private record Step(long ticketId, String type, Instant at) {
	}

	private record Answer(int rating, Instant at) {
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<TicketFact> each) {
		long after = 0;
		while (true) {
			List<Ticket> batch = jdbc.sql("select * from ticket where id > ? order by id limit " + BATCH)
				.param(after)
				.query(TicketRepository::map)
				.list();
			if (batch.isEmpty()) {
				return;
			}
			String ids = batch.stream().map(t -> Long.toString(t.id())).collect(Collectors.joining(","));
			// One read of the batch's history: hand-backs, reopenings and the status changes the clocks need (one
			// query per ticket made a rebuild of a million tickets a million round trips).
			Map<Long, List<Step>> steps = new HashMap<>();
			Map<Long, List<StatusChange>> changes = new HashMap<>();
			jdbc.sql("select ticket_id, type, at, to_status from ticket_event where ticket_id in (" + ids
					+ ") and (type in ('HAND_BACK', 'REOPEN') or to_status is not null) order by id")
				.query(rs -> {
					long id = rs.getLong("ticket_id");
					Instant at = instant(rs, "at");
					String type = rs.getString("type");
					if (type.equals("HAND_BACK") || type.equals("REOPEN")) {
						steps.computeIfAbsent(id, k -> new ArrayList<>()).add(new Step(id, type, at));
					}
					String to = rs.getString("to_status");
					if (to != null) {
						changes.computeIfAbsent(id, k -> new ArrayList<>()).add(new StatusChange(at, TicketStatus.valueOf(to)));
					}
				});
			Map<Long, Answer> answers = new HashMap<>();
			jdbc.sql("select ticket_id, rating, answered_at from ticket_satisfaction where ticket_id in (" + ids + ")")
				.query(rs -> {
					answers.put(rs.getLong("ticket_id"), new Answer(rs.getInt("rating"), instant(rs, "answered_at")));
				});
			// The clocks whose alerts fired (the watcher marks them in the transaction that publishes the event).
			Map<Long, List<Fired>> fired = new HashMap<>();
			jdbc.sql("select ticket_id, clock, at_risk_fired, breached_fired from ticket_clock where ticket_id in (" + ids
					+ ") and (at_risk_fired is not null or breached_fired is not null)")
				.query(rs -> {
					fired.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>())
						.add(new Fired(rs.getString("clock"), instant(rs, "at_risk_fired"), instant(rs, "breached_fired")));
				});
			for (Ticket t : batch) {
				List<Step> own = steps.getOrDefault(t.id(), List.of());
				Answer answer = answers.get(t.id());
				List<StatusChange> statuses = changes.getOrDefault(t.id(), List.of());
				each.accept(new TicketFact(t.snapshot(), t.status(), t.openedAt(), t.closedAt(), at(own, "HAND_BACK"),
						at(own, "REOPEN"), answer == null ? null : answer.rating(), answer == null ? null : answer.at(),
						t.status() == TicketStatus.CLOSED ? outcomes.of(t, statuses) : List.of(),
						alerts(t, fired.getOrDefault(t.id(), List.of()), statuses)));
			}
			after = batch.get(batch.size() - 1).id();
		}
	}

	/**
	 * The alerts the watcher published for the ticket: those of its commitment clocks (an indicative time publishes
	 * none), with the breach marked alone when its 75 % alert was not published before it (the watcher fills
	 * {@code at_risk_fired} with the breach then), in the order raised.
	 */
	private List<ClockAlert> alerts(Ticket t, List<Fired> fired, List<StatusChange> statuses) {
		List<ClockAlert> out = new ArrayList<>();
		for (Fired f : fired) {
			if (!clocks.binding(t, f.clock())) {
				continue;
			}
			Instant atRisk = f.atRisk() != null && f.atRisk().equals(f.breached()) ? null : f.atRisk();
			boolean reached = atRisk != null && statuses.stream()
				.anyMatch(c -> !c.at().isBefore(atRisk) && Clocks.stopsAt(f.clock()).contains(c.to()));
			out.add(new ClockAlert(f.clock(), atRisk, f.breached(), reached));
		}
		out.sort(java.util.Comparator.comparing(a -> a.atRiskAt() != null ? a.atRiskAt() : a.breachedAt()));
		return out;
	}

	private static List<Instant> at(List<Step> steps, String type) {
		List<Instant> out = new ArrayList<>();
		for (Step s : steps) {
			if (s.type().equals(type)) {
				out.add(s.at());
			}
		}
		return out;
	}
}
