package org.entente.helpdesk.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.entente.helpdesk.ClockAtRisk;
import org.entente.helpdesk.ClockBreached;
import org.entente.helpdesk.internal.TicketRepository.StoredClock;
import org.entente.worktime.WorkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The cluster-safe watcher of the service-level clocks and of resolved tickets. ShedLock makes one instance run
 * each job at a time; the «fired» columns make each escalation happen once even if two runs overlap, because the
 * event is published only by the run whose update marked it.
 */
@Component
class ClockWatcher {

	private static final Logger log = LoggerFactory.getLogger(ClockWatcher.class);
	private static final int BATCH = 500;

	private final TicketRepository tickets;
	private final TicketService service;
	private final TicketNotifier notifier;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final WorkTime workTime;
	private final HelpdeskProperties properties;

	ClockWatcher(TicketRepository tickets, TicketService service, TicketNotifier notifier,
			ApplicationEventPublisher events, TransactionTemplate transactions, WorkTime workTime,
			HelpdeskProperties properties) {
		this.tickets = tickets;
		this.service = service;
		this.notifier = notifier;
		this.events = events;
		this.transactions = transactions;
		this.workTime = workTime;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${entente.helpdesk.watch-every:PT1M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "helpdesk-clock-watcher", lockAtMostFor = "PT5M")
	public void watchClocks() {
		int fired = fire(Instant.now());
		if (fired > 0) {
			log.info("Horloges du guichet : {} alerte(s) envoyée(s)", fired);
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@SchedulerLock(name = "helpdesk-auto-close", lockAtMostFor = "PT30M")
	public void autoClose() {
		closeResolved(Instant.now());
	}

	/** Fires the 75 % and 100 % events due at {@code now}; returns how many fired. */
	int fire(Instant now) {
		int fired = 0;
		for (StoredClock c : tickets.clocksBreached(now, BATCH)) {
			Boolean done = transactions.execute(s -> {
				if (!tickets.markBreachedFired(c.ticketId(), c.clock(), now)) {
					return false;
				}
				Ticket t = tickets.find(c.ticketId()).orElseThrow();
				tickets.updateSlaState(t.id(), "BREACHED");
				String what = "Délai dépassé : " + label(c.clock()) + " (échéance " + c.deadline() + ") — escalade";
				tickets.addEvent(t.id(), now, TicketService.SYSTEM, "CLOCK_BREACHED", null, null, what);
				events.publishEvent(new ClockBreached(t.id(), t.number(), c.clock(), c.deadline(), now));
				notifier.step(t, what, TicketService.SYSTEM);
				return true;
			});
			fired += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		for (StoredClock c : tickets.clocksToWarn(now, BATCH)) {
			Boolean done = transactions.execute(s -> {
				if (!tickets.markAtRiskFired(c.ticketId(), c.clock(), now)) {
					return false;
				}
				Ticket t = tickets.find(c.ticketId()).orElseThrow();
				if ("OK".equals(t.slaState())) {
					tickets.updateSlaState(t.id(), "AT_RISK");
				}
				String what = "Délai menacé (75 %) : " + label(c.clock()) + " — échéance " + c.deadline();
				tickets.addEvent(t.id(), now, TicketService.SYSTEM, "CLOCK_AT_RISK", null, null, what);
				events.publishEvent(new ClockAtRisk(t.id(), t.number(), c.clock(), c.deadline(), now));
				notifier.step(t, what, TicketService.SYSTEM);
				return true;
			});
			fired += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return fired;
	}

	/** Closes the tickets resolved at least N working days before {@code now}; returns how many closed. */
	int closeResolved(Instant now) {
		Duration wait = workTime.workingDays(BigDecimal.valueOf(properties.autoCloseWorkingDays()));
		int closed = 0;
		// N working days take at least N calendar days: a cheap bound for the query, the exact test below.
		for (Long id : tickets.resolvedBefore(now.minus(properties.autoCloseWorkingDays(), ChronoUnit.DAYS), BATCH)) {
			Ticket t = tickets.find(id).orElseThrow();
			if (workTime.workingTimeBetween(t.resolvedAt(), now, java.util.List.of()).compareTo(wait) >= 0 && service.autoClose(id)) {
				closed++;
			}
		}
		return closed;
	}

	private static String label(String clock) {
		return ClockChips.label(clock).toLowerCase(java.util.Locale.ROOT);
	}
}
