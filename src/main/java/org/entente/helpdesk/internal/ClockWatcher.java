package org.entente.helpdesk.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.entente.common.StoredText;
import org.entente.helpdesk.ClockAtRisk;
import org.entente.helpdesk.ClockBreached;
import org.entente.helpdesk.internal.ClockRepository.StoredClock;
import org.entente.worktime.WorkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
	private final ClockRepository clocks;
	private final TicketHistory history;
	private final TicketWorkflow workflow;
	private final TicketNotifier notifier;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final WorkTime workTime;
	private final HelpdeskProperties properties;
	private final Clocks rules;

	ClockWatcher(TicketRepository tickets, ClockRepository clocks, TicketHistory history, TicketWorkflow workflow,
			TicketNotifier notifier, ApplicationEventPublisher events, TransactionTemplate transactions,
			WorkTime workTime, HelpdeskProperties properties, Clocks rules) {
		this.rules = rules;
		this.tickets = tickets;
		this.clocks = clocks;
		this.history = history;
		this.workflow = workflow;
		this.notifier = notifier;
		this.events = events;
		this.transactions = transactions;
		this.workTime = workTime;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${entente.helpdesk.watch-every:PT1M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "helpdesk-clock-watcher", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
	public void watchClocks() {
		int fired = fire(Instant.now());
		if (fired > 0) {
			log.info("Horloges du guichet : {} alerte(s) envoyée(s)", fired);
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@SchedulerLock(name = "helpdesk-auto-close", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void autoClose() {
		closeResolved(Instant.now());
	}

	/** Fires the 75 % and 100 % events due at {@code now}; returns how many fired. */
	int fire(Instant now) {
		int fired = 0;
		for (StoredClock c : clocks.breached(now, BATCH)) {
			fired += alert(c, now, true) ? 1 : 0;
		}
		for (StoredClock c : clocks.toWarn(now, BATCH)) {
			fired += alert(c, now, false) ? 1 : 0;
		}
		return fired;
	}

	/** One alert in its own transaction, by the run whose update marks it fired; false if another run did. */
	private boolean alert(StoredClock c, Instant now, boolean breached) {
		return Boolean.TRUE.equals(transactions.execute(s -> {
			boolean marked = breached ? clocks.markBreachedFired(c.ticketId(), c.clock(), now)
					: clocks.markAtRiskFired(c.ticketId(), c.clock(), now);
			if (!marked) {
				return false;
			}
			Ticket t = tickets.find(c.ticketId()).orElseThrow();
			StoredText what;
			if (!rules.binding(t, c.clock())) {
				// An indicative time (the convention binds no responsible party to it): said once, never escalated.
				if (breached) {
					history.add(t.id(), now, TicketSteps.SYSTEM, "CLOCK_INDICATIVE", null, null,
							StoredText.message("helpdesk.event.clockIndicative", label(c.clock())));
				}
				return true;
			}
			if (breached) {
				tickets.updateSlaState(t.id(), "BREACHED");
				what = StoredText.message("helpdesk.event.clockBreached", label(c.clock()), String.valueOf(c.deadline()));
				history.add(t.id(), now, TicketSteps.SYSTEM, "CLOCK_BREACHED", null, null, what);
				events.publishEvent(new ClockBreached(t.snapshot(), c.clock(), c.deadline(), now));
			}
			else {
				if ("OK".equals(t.slaState())) {
					tickets.updateSlaState(t.id(), "AT_RISK");
				}
				what = StoredText.message("helpdesk.event.clockAtRisk", label(c.clock()), String.valueOf(c.deadline()));
				history.add(t.id(), now, TicketSteps.SYSTEM, "CLOCK_AT_RISK", null, null, what);
				events.publishEvent(new ClockAtRisk(t.snapshot(), c.clock(), c.deadline(), now));
			}
			notifier.step(t, what, TicketSteps.SYSTEM);
			return true;
		}));
	}

	/** Closes the tickets resolved at least N working days before {@code now}; returns how many closed. */
	int closeResolved(Instant now) {
		Duration wait = workTime.workingDays(BigDecimal.valueOf(properties.autoCloseWorkingDays()));
		int closed = 0;
		// N working days take at least N calendar days: a cheap bound for the query, the exact test below.
		for (Long id : tickets.resolvedBefore(now.minus(properties.autoCloseWorkingDays(), ChronoUnit.DAYS), BATCH)) {
			Ticket t = tickets.find(id).orElseThrow();
			if (workTime.workingTimeBetween(t.resolvedAt(), now, List.of()).compareTo(wait) >= 0 && workflow.autoClose(id)) {
				closed++;
			}
		}
		return closed;
	}

	/** A clock's name in a history line: « prise en charge » (its French, lower case, when the bundle has no words). */
	private static StoredText label(String clock) {
		return StoredText.word("helpdesk.event.clock." + clock, ClockChips.label(clock).toLowerCase(Locale.ROOT));
	}
}
