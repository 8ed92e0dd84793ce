package org.entente.helpdesk;

import java.time.Instant;

/** The requester answered a ticket's satisfaction survey, {@code rating} from 1 to 5, at {@code at}. */
public record SatisfactionRated(TicketSnapshot ticket, int rating, Instant at) {
}
