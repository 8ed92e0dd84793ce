package org.entente.helpdesk.internal;

import java.util.List;

import org.entente.helpdesk.ServiceLevelOutcome;
import org.springframework.stereotype.Component;

/** How a ticket's clocks ended, as {@link org.entente.helpdesk.TicketClosed} and {@link TicketFactsReader} say it. */
@Component
class ServiceLevelOutcomes {

	private final TicketClocks clocks;

	ServiceLevelOutcomes(TicketClocks clocks) {
		this.clocks = clocks;
	}

	/** The stopped clocks of the ticket, computed from its history: met or not, working minutes to the step. */
	List<ServiceLevelOutcome> of(Ticket t) {
		return outcomes(clocks.of(t));
	}

	/** The same from status changes already read (the facts reader reads a batch's history in one query). */
	List<ServiceLevelOutcome> of(Ticket t, List<Clocks.StatusChange> changes) {
		return outcomes(clocks.of(t, changes));
	}

	private static List<ServiceLevelOutcome> outcomes(List<Clocks.ClockView> views) {
		return views.stream()
			.filter(v -> v.stoppedAt() != null)
			.map(v -> new ServiceLevelOutcome(v.code(), v.binding(), v.state() == Clocks.State.MET,
					Math.max(0, v.duration().minus(v.remaining()).toMinutes())))
			.toList();
	}
}
