package org.entente.helpdesk.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.entente.common.ProblemException;
import org.entente.common.Wording;
import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketSnapshot;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.TicketStatusChanged;
import org.entente.helpdesk.WaitingReason;
import org.entente.worktime.Criticality;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;

/**
 * One ticket as stored, with its routing (parties, clause, explanation, convention version), and the workflow's
 * rules on it: {@link #moveTo} checks that the status may follow (with {@link TicketStatus#next()}) and what the
 * target status needs, and returns the ticket after the move with the past-tense event it registers, as
 * restbucks' {@code Order.markPaid()} does. Who may move it is {@link TicketAccess}'s business.
 * {@code sharedBetweenNetworks}: whether the device (a printer) is used from both the administrative and the
 * pedagogical networks, null when nobody said (routing passes it to the convention's conditions);
 * {@code dataConcerned}: the class of data lost or unreachable (a code of the convention's criticalData or
 * nonCriticalData, null when none or unsaid); {@code dataInvolved}: critical data are concerned (the data-restore clock);
 * {@code requestType}: a request type of the convention file (serviceLevels.requestTypes), null for the others.
 */
record Ticket(long id, String number, TicketKind kind, String establishment, String requester, String title,
		String description, String component, String assetId, InterventionKind intervention, Network network,
		Funding funding, Criticality criticality, boolean criticalityOverridden, Integer priorityClass,
		boolean dataInvolved, TicketStatus status, WaitingReason waitingReason, boolean degraded,
		String temporarySolution, int level, List<String> parties, boolean toArbitrate, String routingExplanation,
		String routingClause, String conventionVersion, String assignee, int handBacks, String slaState,
		Instant openedAt, Instant resolvedAt, Instant closedAt, Instant updatedAt, int version,
		Boolean sharedBetweenNetworks, String dataConcerned, Boolean spareAvailable, Boolean partyControlsElement,
		String requestType, Instant restorationFrom) {

	/** When the restoration commitment runs from: the opening, or when its conditions were last recorded as holding. */
	Instant restorationStart() {
		return restorationFrom != null && restorationFrom.isAfter(openedAt) ? restorationFrom : openedAt;
	}

	/**
	 * Whether the one-day restoration commitment holds (annexe §4: « lorsque le matériel de secours (spare) le permet
	 * et que l'Académie maîtrise les éléments en défaut »): not when either is known not to hold; otherwise the party
	 * sets up a temporary solution in degraded mode where possible.
	 */
	public boolean restorationCommitted() {
		return !Boolean.FALSE.equals(spareAvailable) && !Boolean.FALSE.equals(partyControlsElement);
	}

	/** A requested status change with what the target status needs. */
	record Transition(TicketStatus to, String reason, WaitingReason waitingReason, Boolean degraded,
			String temporarySolution) {
	}

	/**
	 * A move of the workflow: the ticket after it (to store), the line of history it writes ({@code type} REOPEN or
	 * STATUS, {@code detailWords}), what the people concerned are told ({@code noticeWords}) and the event it registers.
	 */
	record Moved(Ticket after, String type, StoredText detailWords, StoredText noticeWords, TicketStatusChanged event) {

		/** The line's French, as the history stores it. */
		String detail() {
			return FRENCH.french(detailWords);
		}
	}

	/** The French of a move's words, from the desk's bundle (the ticket is pure: no Spring context). */
	private static final StoredTexts FRENCH;

	static {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasenames("i18n/helpdesk", "i18n/messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		FRENCH = new StoredTexts(bundles);
	}

	public boolean critical() {
		return criticality == Criticality.CRITICAL;
	}

	public boolean routedTo(String party) {
		return party != null && parties.contains(party);
	}

	/** What the desk's events say of this ticket. */
	TicketSnapshot snapshot() {
		return new TicketSnapshot(id, number, establishment, parties, level, criticality, component, conventionVersion);
	}

	/**
	 * Whether the ticket may go to {@code to} from its status: 400 without a target, 409 (with the allowed
	 * transitions) when the workflow does not allow it. True when the move reopens a resolved or closed ticket.
	 */
	boolean checkMove(TicketStatus to) {
		if (to == null) {
			throw ProblemException.invalid("to", "Le statut visé « to » est obligatoire.").worded("helpdesk.refused.to");
		}
		if (!status.canGoTo(to)) {
			throw new ProblemException(HttpStatus.CONFLICT, "transition-not-allowed", "Transition impossible",
					"Un ticket « " + status.label() + " » ne peut pas passer à « " + to.label() + " » ; transitions permises : "
							+ String.join(", ", status.next().stream().map(s -> s.name() + " (" + s.label() + ")").toList()) + ".",
					null, List.of(), Map.of("from", status.name(), "to", to.name(),
							"allowed", status.next().stream().map(Enum::name).toList()))
				.worded("helpdesk.refused.transition", status, to,
						status.next().stream().map(s -> Wording.of("helpdesk.refused.allowed", s.name(), s)).toList());
		}
		return !status.isOpen() && to == TicketStatus.IN_PROGRESS;
	}

	/**
	 * Moves the ticket as {@code tr} asks, by {@code actor} at {@code now}: a reopening says why, waiting says who is
	 * waited for, a degraded restoration describes its temporary solution; resolving ends the degraded mode.
	 */
	Moved moveTo(Transition tr, String actor, Instant now) {
		boolean reopen = checkMove(tr.to());
		TicketStatus to = tr.to();
		String reason = tr.reason() == null || tr.reason().isBlank() ? null : tr.reason().trim();
		if (reopen && reason == null) {
			throw ProblemException.invalid("reason", "Une réouverture doit dire pourquoi (« reason »).").worded("helpdesk.refused.reopenReason");
		}
		WaitingReason waiting = null;
		if (to == TicketStatus.WAITING) {
			if (tr.waitingReason() == null) {
				throw ProblemException.invalid("waitingReason", "La mise en attente doit dire qui est attendu (« waitingReason » : "
						+ Arrays.toString(WaitingReason.values()) + ").")
					.worded("helpdesk.refused.waitingReason", Arrays.toString(WaitingReason.values()));
			}
			waiting = tr.waitingReason();
		}
		boolean degradedNow = degraded;
		String solution = temporarySolution;
		if (to == TicketStatus.RESTORED) {
			degradedNow = Boolean.TRUE.equals(tr.degraded());
			solution = tr.temporarySolution() == null || tr.temporarySolution().isBlank() ? null : tr.temporarySolution().trim();
			if (degradedNow && solution == null) {
				throw ProblemException.invalid("temporarySolution",
						"Un rétablissement en mode dégradé décrit la solution temporaire (« temporarySolution »).")
					.worded("helpdesk.refused.temporarySolution");
			}
		}
		else if (to == TicketStatus.RESOLVED) {
			degradedNow = false;
		}
		Instant resolved = to == TicketStatus.RESOLVED ? now : reopen ? null : resolvedAt;
		Instant closed = to == TicketStatus.CLOSED ? now : reopen ? null : closedAt;
		StoredText detail = StoredText.concat(reopen ? StoredText.message("helpdesk.event.reopened") : StoredText.label(to),
				waiting != null ? StoredText.concat(" — ", StoredText.message("helpdesk.event.waiting", waiting)) : null,
				to == TicketStatus.RESTORED && degradedNow ? StoredText.concat(" — ", StoredText.message("helpdesk.event.degraded", solution)) : null,
				reason != null ? " — " + reason : null);
		return moved(to, waiting, degradedNow, solution, resolved, closed, now, reopen ? "REOPEN" : "STATUS", detail, detail,
				actor, reason);
	}

	/** The closure of a resolved ticket whose requester did not confirm in time; null if it is no longer resolved. */
	Moved autoClose(String actor, Instant now) {
		if (status != TicketStatus.RESOLVED) {
			return null;
		}
		return moved(TicketStatus.CLOSED, null, false, temporarySolution, resolvedAt, now, now, "STATUS",
				StoredText.message("helpdesk.event.autoClosed"), StoredText.message("helpdesk.notice.autoClosed"), actor,
				"clôture automatique");
	}

	private Moved moved(TicketStatus to, WaitingReason waiting, boolean degradedNow, String solution, Instant resolved,
			Instant closed, Instant now, String type, StoredText detail, StoredText notice, String actor, String reason) {
		Ticket after = new Ticket(id, number, kind, establishment, requester, title, description, component, assetId,
				intervention, network, funding, criticality, criticalityOverridden, priorityClass, dataInvolved, to, waiting,
				degradedNow, solution, level, parties, toArbitrate, routingExplanation, routingClause, conventionVersion,
				assignee, handBacks, slaState, openedAt, resolved, closed, now, version + 1, sharedBetweenNetworks,
				dataConcerned, spareAvailable, partyControlsElement, requestType, restorationFrom);
		return new Moved(after, type, detail, notice, new TicketStatusChanged(snapshot(), status, to, actor, reason, now));
	}

	/** The same ticket once stored: with its identifier and number. */
	Ticket stored(long newId, String newNumber) {
		return new Ticket(newId, newNumber, kind, establishment, requester, title, description, component, assetId,
				intervention, network, funding, criticality, criticalityOverridden, priorityClass, dataInvolved, status,
				waitingReason, degraded, temporarySolution, level, parties, toArbitrate, routingExplanation, routingClause,
				conventionVersion, assignee, handBacks, slaState, openedAt, resolvedAt, closedAt, updatedAt, version,
				sharedBetweenNetworks, dataConcerned, spareAvailable, partyControlsElement, requestType, restorationFrom);
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
