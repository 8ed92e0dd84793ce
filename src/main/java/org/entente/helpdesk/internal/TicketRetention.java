package org.entente.helpdesk.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.convention.RetentionRule;
import org.entente.helpdesk.TicketsErased;
import org.entente.policy.RestoreTicketLinks;
import org.entente.privacy.PeriodRetention;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tickets' own retention: a ticket closed longer ago than the period of the convention file's {@code TICKETS} row
 * (five years after {@code CLOSURE}, the register's period) is erased with everything the desk keeps on it — history,
 * clocks, comments, attachments, survey answer, party index. Counted in days of the convention's zone: on day D, the
 * tickets closed before D minus the period, at midnight. The period is read at each run, so a new version of the
 * convention applies from the next one; a convention without the row erases nothing. Erased in batches of
 * {@link #BATCH}, one transaction each, so that a backlog never holds one huge transaction; each batch publishes
 * {@link TicketsErased} for the modules that keep rows per ticket, and the register's restore links (the desk calls
 * the register, not the other way round) go in the same transaction. Open and reopened tickets are never due.
 */
@Component
class TicketRetention implements PeriodRetention {

	static final String CATEGORY = "TICKETS";

	static final int BATCH = 500;

	/** The desk's tables that hang on a ticket, children first (their foreign keys name {@code ticket (id)}). */
	static final List<String> CHILDREN = List.of("ticket_event", "ticket_clock", "ticket_comment", "ticket_attachment",
			"ticket_satisfaction", "ticket_party");

	private final Conventions conventions;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final RestoreTicketLinks restoreLinks;
	private final Clock clock;

	TicketRetention(Conventions conventions, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
			RestoreTicketLinks restoreLinks, Clock clock) {
		this.conventions = conventions;
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.restoreLinks = restoreLinks;
		this.clock = clock;
	}

	@Override
	public String category() {
		return CATEGORY;
	}

	/**
	 * The period of the convention's {@code TICKETS} row, when it has one that is positive and counted from the
	 * closure (the only start the desk knows for a ticket's end; another {@code after} erases nothing).
	 */
	Optional<Period> period() {
		return period(conventions.current().retention());
	}

	static Optional<Period> period(List<RetentionRule> rules) {
		return rules == null ? Optional.empty()
				: rules.stream()
					.filter(r -> r != null && CATEGORY.equals(r.category()) && "CLOSURE".equals(r.after()) && r.period() != null && !r.period().isNegative()
							&& !r.period().isZero())
					.map(RetentionRule::period)
					.findFirst();
	}

	ZoneId zone() {
		Convention c = conventions.current();
		return ZoneId.of(c.calendar().zone());
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone()));
	}

	/** Tickets closed before this instant are due on {@code on}. */
	Optional<Instant> closedBefore(LocalDate on) {
		return period().map(p -> on.minus(p).atStartOfDay(zone()).toInstant());
	}

	@Override
	public long due(LocalDate on) {
		return closedBefore(on).map(limit -> jdbc.sql("select count(*) from ticket where status = 'CLOSED' and closed_at < ?")
			.param(Timestamp.from(limit)).query(Long.class).single()).orElse(0L);
	}

	/** Erases every ticket due on {@code on}, batch by batch; returns how many. */
	long erase(LocalDate on) {
		Optional<Instant> limit = closedBefore(on);
		if (limit.isEmpty()) {
			return 0;
		}
		long erased = 0;
		while (true) {
			Integer n = tx.execute(status -> eraseBatch(limit.get()));
			if (n == null || n == 0) {
				return erased;
			}
			erased += n;
		}
	}

	private int eraseBatch(Instant limit) {
		// Locked: a ticket reopened while its batch is erased would otherwise lose its history under it.
		List<Long> ids = jdbc.sql("select id from ticket where status = 'CLOSED' and closed_at < ? order by closed_at, id limit "
				+ BATCH + " for update")
			.param(Timestamp.from(limit)).query(Long.class).list();
		if (ids.isEmpty()) {
			return 0;
		}
		for (String table : CHILDREN) {
			jdbc.sql("delete from " + table + " where ticket_id in (:ids)").param("ids", ids).update();
		}
		jdbc.sql("delete from ticket where id in (:ids)").param("ids", ids).update();
		restoreLinks.forget(ids);
		events.publishEvent(new TicketsErased(ids, clock.instant()));
		return ids.size();
	}
}
