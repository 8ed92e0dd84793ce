package org.entente.helpdesk;

import java.time.Instant;
import java.util.List;

/**
 * Tickets were erased at {@code at}, with everything the desk kept on them, because their retention period ended
 * ({@code TICKETS} of the convention file: five years after closure). Published once per batch, in the transaction that
 * deleted them; every module that keeps rows per ticket (reporting's line, the register's restore link, an incident's
 * link, a webhook's deliveries) deletes its own. Monthly and daily aggregates carry no ticket and stay.
 */
public record TicketsErased(List<Long> ticketIds, Instant at) {

	public TicketsErased {
		ticketIds = List.copyOf(ticketIds);
	}
}
