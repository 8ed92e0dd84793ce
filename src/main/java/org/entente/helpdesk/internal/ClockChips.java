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

	/** {@code state}: RUNNING, PAUSED, AT_RISK or BREACHED. */
	record Chip(String clock, String state, String text) {

		public String css() {
			return switch (state) {
				case "BREACHED" -> "text-bg-danger";
				case "AT_RISK" -> "text-bg-warning";
				case "PAUSED" -> "text-bg-secondary";
				default -> "text-bg-success";
			};
		}
	}

	private final ClockRepository stored;
	private final WorkTime workTime;

	ClockChips(ClockRepository stored, WorkTime workTime) {
		this.stored = stored;
		this.workTime = workTime;
	}

	Map<Long, Chip> forTickets(Collection<Long> ids, Instant now) {
		Map<Long, Chip> chips = new HashMap<>();
		List<StoredClock> running = stored.ofTickets(ids).stream().filter(c -> c.stoppedAt() == null)
			.sorted(Comparator.comparing(StoredClock::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		for (StoredClock c : running) {
			chips.putIfAbsent(c.ticketId(), chip(c, now));
		}
		return chips;
	}

	Chip chip(StoredClock c, Instant now) {
		String label = label(c.clock());
		if (c.paused() || c.deadline() == null) {
			return new Chip(label, "PAUSED", label + " : en pause");
		}
		Duration remaining = workTime.workingTimeBetween(now, c.deadline(), List.of());
		if (!now.isBefore(c.deadline())) {
			// Clocks.text already says « dépassé de … » for the time past the deadline.
			return new Chip(label, "BREACHED", label + " : " + (remaining.isNegative() ? Clocks.text(remaining) : "dépassé"));
		}
		String left = Clocks.text(remaining) + " ouvrées restantes";
		return !now.isBefore(c.atRiskAt()) ? new Chip(label, "AT_RISK", label + " : menacé, " + left)
				: new Chip(label, "RUNNING", label + " : " + left);
	}

	static String label(String clock) {
		return switch (clock) {
			case WorkTime.TAKE_CHARGE -> "Prise en charge";
			case WorkTime.RESTORATION -> "Rétablissement";
			case WorkTime.DATA_RESTORE -> "Restauration des données";
			default -> clock;
		};
	}
}
