package org.entente.helpdesk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entente.helpdesk.internal.ClockRepository.StoredClock;
import org.entente.worktime.WorkTime;
import org.springframework.stereotype.Component;

/**
 * The clock chip of each ticket in a list: the first running clock, its remaining working time and its state in
 * words (and colour), read from the stored clocks in one query for the whole page.
 */
@Component
class ClockChips {

	/** {@code state}: RUNNING, PAUSED, AT_RISK, BREACHED, or INDICATIVE (a time no responsible party is bound to). */
	record Chip(String clock, String state, String text) {

		public String css() {
			return switch (state) {
				case "BREACHED" -> "text-bg-danger";
				case "AT_RISK" -> "text-bg-warning";
				case "PAUSED" -> "text-bg-secondary";
				case "INDICATIVE" -> "text-bg-light border";
				default -> "text-bg-success";
			};
		}
	}

	private final ClockRepository stored;
	private final WorkTime workTime;
	private final Clocks clocks;
	private final DeskPages pages;

	ClockChips(ClockRepository stored, WorkTime workTime, Clocks clocks, DeskPages pages) {
		this.stored = stored;
		this.workTime = workTime;
		this.clocks = clocks;
		this.pages = pages;
	}

	/** The chips of these tickets; a clock no responsible party is bound to says « indicatif », never « dépassé ». */
	Map<Long, Chip> forTickets(Collection<Ticket> tickets, Instant now) {
		Map<Long, Ticket> byId = new HashMap<>();
		tickets.forEach(t -> byId.put(t.id(), t));
		Map<Long, Chip> chips = new HashMap<>();
		List<StoredClock> running = stored.ofTickets(byId.keySet()).stream().filter(c -> c.stoppedAt() == null)
			.sorted(Comparator.comparing(StoredClock::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		for (StoredClock c : running) {
			Ticket t = byId.get(c.ticketId());
			chips.putIfAbsent(c.ticketId(), t == null || clocks.binding(t, c.clock()) ? chip(c, now) : indicative(c, now));
		}
		return chips;
	}

	Chip chip(StoredClock c, Instant now) {
		String label = shortLabel(c.clock());
		if (c.paused() || c.deadline() == null) {
			return new Chip(label, "PAUSED", pages.text("helpdesk.chip.paused", label));
		}
		Duration remaining = workTime.workingTimeBetween(now, c.deadline(), List.of());
		if (!now.isBefore(c.deadline())) {
			return new Chip(label, "BREACHED", remaining.isNegative() ? pages.text("helpdesk.chip.overdue", label, Clocks.hm(remaining))
					: pages.text("helpdesk.chip.breached", label));
		}
		String left = pages.text("helpdesk.clock.remaining", Clocks.text(remaining));
		return !now.isBefore(c.atRiskAt()) ? new Chip(label, "AT_RISK", pages.text("helpdesk.chip.atRisk", label, left))
				: new Chip(label, "RUNNING", pages.text("helpdesk.chip.running", label, left));
	}

	/** A time no responsible party is bound to: the time left, or « écoulé », never « menacé » or « dépassé ». */
	Chip indicative(StoredClock c, Instant now) {
		String label = shortLabel(c.clock());
		String left = c.paused() || c.deadline() == null ? pages.text("helpdesk.clock.PAUSED")
				: now.isBefore(c.deadline())
						? pages.text("helpdesk.clock.remaining", Clocks.text(workTime.workingTimeBetween(now, c.deadline(), List.of())))
						: pages.text("helpdesk.chip.elapsed");
		return new Chip(label, "INDICATIVE", pages.text("helpdesk.chip.indicative", label, left));
	}

	/** A clock's short name in the page's language (the French one of {@link #label} as fallback). */
	private String shortLabel(String clock) {
		return pages.textOr("helpdesk.chip." + clock, label(clock));
	}

	/** A clock's short French name, for the history the watcher writes. */
	static String label(String clock) {
		return switch (clock) {
			case WorkTime.TAKE_CHARGE -> "Prise en charge";
			case WorkTime.RESTORATION -> "Rétablissement";
			case WorkTime.DATA_RESTORE -> "Restauration des données";
			default -> clock;
		};
	}
}
