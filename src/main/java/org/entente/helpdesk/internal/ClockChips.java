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

	ClockChips(ClockRepository stored, WorkTime workTime, Clocks clocks) {
		this.stored = stored;
		this.workTime = workTime;
		this.clocks = clocks;
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

	/** A time no responsible party is bound to: the time left, or « écoulé », never « menacé » or « dépassé ». */
	Chip indicative(StoredClock c, Instant now) {
		String label = label(c.clock());
		String left = c.paused() || c.deadline() == null ? "en pause"
				: now.isBefore(c.deadline()) ? Clocks.text(workTime.workingTimeBetween(now, c.deadline(), List.of())) + " ouvrées restantes"
						: "temps écoulé";
		return new Chip(label, "INDICATIVE", label + " (temps indicatif, pas un engagement) : " + left);
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
