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

	TicketFactsReader(JdbcClient jdbc, ServiceLevelOutcomes outcomes) {
		this.jdbc = jdbc;
		this.outcomes = outcomes;
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
			for (Ticket t : batch) {
				List<Step> own = steps.getOrDefault(t.id(), List.of());
				Answer answer = answers.get(t.id());
				each.accept(new TicketFact(t.snapshot(), t.status(), t.openedAt(), t.closedAt(), at(own, "HAND_BACK"),
						at(own, "REOPEN"), answer == null ? null : answer.rating(), answer == null ? null : answer.at(),
						t.status() == TicketStatus.CLOSED ? outcomes.of(t, changes.getOrDefault(t.id(), List.of())) : List.of()));
			}
			after = batch.get(batch.size() - 1).id();
		}
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
