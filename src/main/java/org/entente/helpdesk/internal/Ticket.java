package org.entente.helpdesk.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
import org.entente.worktime.Criticality;

/** One ticket as stored, with its routing (parties, clause, explanation, convention version). */
record Ticket(long id, String number, TicketKind kind, String establishment, String requester, String title,
		String description, String component, String assetId, InterventionKind intervention, Network network,
		Funding funding, Criticality criticality, boolean criticalityOverridden, Integer priorityClass,
		boolean dataInvolved, TicketStatus status, WaitingReason waitingReason, boolean degraded,
		String temporarySolution, int level, List<String> parties, boolean toArbitrate, String routingExplanation,
		String routingClause, String conventionVersion, String assignee, int handBacks, String slaState,
		Instant openedAt, Instant resolvedAt, Instant closedAt, Instant updatedAt, int version) {

	public boolean critical() {
		return criticality == Criticality.CRITICAL;
	}

	public boolean routedTo(String party) {
		return party != null && parties.contains(party);
	}

	/** The same ticket once stored: with its identifier and number. */
	Ticket stored(long newId, String newNumber) {
		return new Ticket(newId, newNumber, kind, establishment, requester, title, description, component, assetId,
				intervention, network, funding, criticality, criticalityOverridden, priorityClass, dataInvolved, status,
				waitingReason, degraded, temporarySolution, level, parties, toArbitrate, routingExplanation, routingClause,
				conventionVersion, assignee, handBacks, slaState, openedAt, resolvedAt, closedAt, updatedAt, version);
	}

	/** The ETag of this version of the ticket. */
	String etag() {
		return "\"" + version + "\"";
	}

	static String partiesColumn(List<String> parties) {
		return "," + String.join(",", parties) + ",";
	}

	static List<String> partiesOf(String column) {
		return Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).toList();
	}
}
