package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Inputs.blank;

import java.time.Instant;

import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.directory.EntenteUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conditions of the one-day restoration after opening (annexe §4: « lorsque le matériel de secours (spare) le
 * permet et que l'Académie maîtrise les éléments en défaut »): the responsible agent (or level 1) records whether a
 * spare is available and whether the party controls the failed element, written as a line of history. Either known
 * false stops the commitment (the degraded-mode duty instead); both holding again restarts it from that moment.
 * « Unknown » counts as holding: the text states the commitment as the rule and its conditions as exceptions, so an
 * unrecorded exception never lifts it (docs/helpdesk.md).
 */
@Service
class RestorationConditions {

	private final TicketLookup lookup;
	private final TicketAccess access;
	private final TicketRepository tickets;
	private final TicketSteps steps;

	RestorationConditions(TicketLookup lookup, TicketAccess access, TicketRepository tickets, TicketSteps steps) {
		this.lookup = lookup;
		this.access = access;
		this.tickets = tickets;
		this.steps = steps;
	}

	/** Records both conditions (null: unknown); 403 for anyone but level 1 and the responsible parties' agents. */
	@Transactional
	Ticket record(EntenteUser user, long id, Integer expectedVersion, Boolean spareAvailable,
			Boolean partyControlsElement, String reason) {
		Ticket t = lookup.locked(user, id, expectedVersion);
		access.requireMayChange(user, t);
		if (!t.critical()) {
			throw ProblemException.conflict("Ticket non critique",
					"Les conditions du rétablissement en une journée ne concernent que les indisponibilités critiques (annexe §4).");
		}
		Instant now = Instant.now();
		boolean before = t.restorationCommitted();
		boolean after = !Boolean.FALSE.equals(spareAvailable) && !Boolean.FALSE.equals(partyControlsElement);
		// Stopped then holding again: the commitment restarts now; otherwise it keeps its start.
		Instant from = after && !before ? now : t.restorationFrom();
		tickets.updateConditions(id, spareAvailable, partyControlsElement, from, now);
		String outcome = after == before ? (after ? "kept" : "stillDegraded") : after ? "restarted" : "suspended";
		StoredText detail = StoredText.concat(StoredText.message("helpdesk.event.conditions", said(spareAvailable),
				said(partyControlsElement), StoredText.message("helpdesk.event.conditions." + outcome)),
				blank(reason) != null ? " — " + blank(reason) : null);
		return steps.record(id, now, user.getUsername(), "CONDITIONS", detail, true);
	}

	private static StoredText said(Boolean b) {
		return StoredText.message("helpdesk.event.said." + (b == null ? "unknown" : b ? "yes" : "no"));
	}
}
