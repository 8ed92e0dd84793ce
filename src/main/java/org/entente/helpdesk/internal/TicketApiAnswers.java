package org.entente.helpdesk.internal;

import java.time.ZoneId;

import org.entente.common.IfMatch;
import org.entente.worktime.WorkTime;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the tickets API controllers share: the version an update names (If-Match), the ticket as answered with its
 * ETag, clocks and request type, and dates in the convention calendar's zone.
 */
@Component
class TicketApiAnswers {

	private final TicketClocks clocks;
	private final RequestTypes requestTypes;
	private final WorkTime workTime;

	TicketApiAnswers(TicketClocks clocks, RequestTypes requestTypes, WorkTime workTime) {
		this.clocks = clocks;
		this.requestTypes = requestTypes;
		this.workTime = workTime;
	}

	/** The version the client read, from its If-Match: 428 without it, 412 when it names no version of a ticket. */
	static int version(String ifMatch) {
		return IfMatch.version(ifMatch, "GET /api/v1/tickets/{id}", "Ticket modifié entre-temps",
				"ne correspond à aucune version de ce ticket : relisez-le.");
	}

	/** The ticket as read, with its ETag to send back in If-Match. */
	ResponseEntity<TicketViews.Detail> detail(Ticket t) {
		return ResponseEntity.ok().eTag(t.etag()).body(TicketViews.detail(t, clocks.of(t), requestTypes.of(t), zone()));
	}

	/** The ticket just opened, with its ETag. */
	TicketViews.Created created(TicketOpening.Opened opened) {
		Ticket t = opened.ticket();
		return TicketViews.created(t, opened.clocks(), requestTypes.of(t), zone());
	}

	ZoneId zone() {
		return workTime.calendar().zone();
	}
}
