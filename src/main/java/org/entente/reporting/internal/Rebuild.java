package org.entente.reporting.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entente.helpdesk.ServiceLevelOutcome;
import org.entente.helpdesk.TicketFacts;
import org.entente.helpdesk.TicketFacts.ClockAlert;
import org.entente.helpdesk.TicketStatus;
import org.entente.reporting.internal.ReportingStore.ClockKey;
import org.entente.reporting.internal.ReportingStore.DayKey;
import org.entente.worktime.WorkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aggregates rebuilt from scratch from the desk's {@link TicketFacts}, in one transaction under the lock row
 * (the listeners wait): every line and counter is dropped and counted again, so a lost or doubled event is
 * repaired. Run by {@code POST /api/v1/reporting/rebuild} or the start-up option {@code --reporting.rebuild}.
 */
@Service
class Rebuild {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	/** What a rebuild did. */
	record Result(long tickets, long dailyRows, long clockRows, long millis) {
	}

	private final TicketFacts facts;
	private final ReportingStore store;
	private final Aggregates aggregates;
	private final WorkTime workTime;

	Rebuild(TicketFacts facts, ReportingStore store, Aggregates aggregates, WorkTime workTime) {
		this.facts = facts;
		this.store = store;
		this.aggregates = aggregates;
		this.workTime = workTime;
	}

	/**
	 * The line with the clock states its alerts gave it, as the listeners keep them: breached once any clock was
	 * breached (its 75 % alerts then over), else the clocks alerted at 75 % whose step no status change has reached
	 * since, in the order alerted.
	 */
	static TicketLine withAlerts(TicketLine line, List<ClockAlert> alerts) {
		boolean breached = alerts.stream().anyMatch(a -> a.breachedAt() != null);
		String atRisk = breached ? ""
				: String.join(",", alerts.stream().filter(a -> a.atRiskAt() != null && !a.reachedSinceAtRisk())
					.map(ClockAlert::clock).distinct().toList());
		return line.withClocks(atRisk, breached);
	}

	@Transactional
	Result run() {
		long start = System.currentTimeMillis();
		store.lock();
		store.clear();
		Map<DayKey, int[]> days = new HashMap<>();
		Map<ClockKey, int[]> clocks = new HashMap<>();
		long[] tickets = { 0 };
		java.util.List<TicketLine> pending = new java.util.ArrayList<>(ReportingStore.BATCH);
		java.time.ZoneId zone = workTime.calendar().zone();
		facts.forEach(f -> {
			var s = f.ticket();
			boolean closed = f.status() == TicketStatus.CLOSED && f.closedAt() != null;
			boolean indicative = closed && DeskEventListener.indicative(f.serviceLevels());
			ServiceLevelOutcome tc = closed ? DeskEventListener.outcome(f.serviceLevels(), TicketLine.TAKE_CHARGE, indicative) : null;
			ServiceLevelOutcome rest = closed ? DeskEventListener.outcome(f.serviceLevels(), TicketLine.RESTORATION, indicative) : null;
			Instant statusAt = closed ? f.closedAt() : f.openedAt();
			TicketLine line = DeskEventListener.fresh(s, f.status().name(), statusAt)
				.withOpenedDay(f.openedAt().atZone(zone).toLocalDate())
				.with(f.status().name(), statusAt, closed ? f.closedAt().atZone(zone).toLocalDate() : null,
						tc == null ? null : tc.met(), DeskEventListener.minutes(tc), rest == null ? null : rest.met(),
						DeskEventListener.minutes(rest))
				.withIndicative(indicative);
			line = withAlerts(line, f.clockAlerts());
			pending.add(line);
			if (pending.size() == ReportingStore.BATCH) {
				store.insertLines(pending);
				pending.clear();
			}
			Aggregates.count(line, 1, days, clocks);
			String parties = line.parties();
			f.handBacks().forEach(at -> Aggregates.add(days, new DayKey(at.atZone(zone).toLocalDate(), s.uai(), parties,
					s.component()), Aggregates.HAND_BACKS, 1));
			f.reopenings().forEach(at -> Aggregates.add(days, new DayKey(at.atZone(zone).toLocalDate(), s.uai(), parties,
					s.component()), Aggregates.REOPENED, 1));
			if (f.satisfaction() != null && f.satisfiedAt() != null) {
				DayKey k = new DayKey(f.satisfiedAt().atZone(zone).toLocalDate(), s.uai(), parties, s.component());
				Aggregates.add(days, k, Aggregates.ANSWERS, 1);
				Aggregates.add(days, k, Aggregates.RATING_SUM, f.satisfaction());
			}
			tickets[0]++;
		});
		store.insertLines(pending);
		aggregates.insertAll(days, clocks);
		Result r = new Result(tickets[0], days.size(), clocks.size(), System.currentTimeMillis() - start);
		log.info("Indicateurs reconstruits : {} tickets, {} lignes journalières, {} lignes de niveaux de service, {} ms",
				r.tickets(), r.dailyRows(), r.clockRows(), r.millis());
		return r;
	}
}
