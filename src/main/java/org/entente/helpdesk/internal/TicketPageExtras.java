package org.entente.helpdesk.internal;

import java.util.List;

import org.entente.helpdesk.internal.Clocks.ClockView;
import org.springframework.stereotype.Component;

/**
 * What the ticket page's convention fragment ({@code helpdesk/ticket-convention.html}) reads of a ticket beyond its
 * controller's model: its request type's response time (« à fixer par le comité » and the point to clarify while
 * the file leaves it open). Public for the templates' {@code @ticketPageExtras} calls.
 */
@Component("ticketPageExtras")
public class TicketPageExtras {

	private final RequestTypes requestTypes;
	private final DeskPages pages;

	TicketPageExtras(RequestTypes requestTypes, DeskPages pages) {
		this.requestTypes = requestTypes;
		this.pages = pages;
	}

	/** The request type's response time, or null. */
	public TicketViews.Response response(Ticket t, List<ClockView> clocks) {
		return TicketViews.response(clocks, requestTypes.of(t), pages.zone());
	}

	/** The request type's label, or null. */
	public String requestTypeLabel(Ticket t) {
		var type = requestTypes.of(t);
		return type == null ? null : type.label();
	}
}
