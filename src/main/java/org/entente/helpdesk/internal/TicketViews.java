package org.entente.helpdesk.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.entente.helpdesk.internal.Clocks.ClockView;
import org.entente.worktime.WorkTime;

/** The JSON shapes of the tickets API. */
final class TicketViews {

	private TicketViews() {
	}

	record Routing(List<String> parties, String explanation, String clause, String conventionVersion) {
	}

	/**
	 * The deadlines of a critical ticket; {@code binding}: whether they are a commitment of the responsible party
	 * under the convention (false: indicative times, e.g. the Département, who « intervient au plus tôt »).
	 */
	record Deadlines(OffsetDateTime takeCharge, OffsetDateTime restoration, OffsetDateTime dataRestore, Boolean binding,
			Conditional conditional) {
	}

	/**
	 * The conditions of the one-day restoration (null: unknown); {@code committed}: the clock runs; otherwise the
	 * party sets up a temporary solution in degraded mode where possible (annexe §4).
	 */
	record Conditional(Boolean spareAvailable, Boolean partyControlsElement, boolean committed) {
	}

	/** What POST /api/v1/tickets answers. */
	record Created(long id, String number, String status, String criticality, Routing routing, Deadlines deadlines) {
	}

	record ClockJson(String code, String label, OffsetDateTime deadline, long remainingMinutes, String state,
			boolean paused, OffsetDateTime stoppedAt, boolean binding) {
	}

	/** A ticket in full, as GET /api/v1/tickets/{id} answers. */
	record Detail(long id, String number, String kind, String status, String waitingReason, String establishment,
			String requester, String title, String description, String component, String assetId, String intervention,
			String network, String funding, String criticality, boolean criticalityOverridden, Integer priorityClass,
			boolean dataInvolved, String dataConcerned, Boolean sharedBetweenNetworks, int level, boolean degraded, String temporarySolution, Routing routing,
			boolean toArbitrate, int handBacks, String assignee, String slaState, Deadlines deadlines,
			List<ClockJson> clocks, OffsetDateTime openedAt, OffsetDateTime updatedAt, int version) {
	}

	/** A ticket in a list ({@code closedAt}: null while not closed, for counts by month such as reporting's). */
	record Summary(long id, String number, String title, String establishment, String status, String criticality,
			Integer priorityClass, List<String> parties, boolean toArbitrate, int level, String slaState,
			OffsetDateTime openedAt, OffsetDateTime closedAt) {
	}

	static Created created(Ticket t, List<ClockView> clocks, ZoneId zone) {
		return new Created(t.id(), t.number(), t.status().name(), t.criticality().name(), routing(t), deadlines(t, clocks, zone));
	}

	static Detail detail(Ticket t, List<ClockView> clocks, ZoneId zone) {
		return new Detail(t.id(), t.number(), t.kind().name(), t.status().name(),
				t.waitingReason() == null ? null : t.waitingReason().name(), t.establishment(), t.requester(), t.title(),
				t.description(), t.component(), t.assetId(), t.intervention().name(),
				t.network() == null ? null : t.network().name(), t.funding() == null ? null : t.funding().name(),
				t.criticality().name(), t.criticalityOverridden(), t.priorityClass(), t.dataInvolved(), t.dataConcerned(), t.sharedBetweenNetworks(), t.level(),
				t.degraded(), t.temporarySolution(), routing(t), t.toArbitrate(), t.handBacks(), t.assignee(),
				t.slaState(), deadlines(t, clocks, zone),
				clocks.stream().map(c -> new ClockJson(c.code(), c.label(), at(c.deadline(), zone), c.remaining().toMinutes(),
						c.state().name(), c.paused(), at(c.stoppedAt(), zone), c.binding())).toList(),
				at(t.openedAt(), zone), at(t.updatedAt(), zone), t.version());
	}

	static Summary summary(Ticket t, ZoneId zone) {
		return new Summary(t.id(), t.number(), t.title(), t.establishment(), t.status().name(), t.criticality().name(),
				t.priorityClass(), t.parties(), t.toArbitrate(), t.level(), t.slaState(), at(t.openedAt(), zone),
				at(t.closedAt(), zone));
	}

	static Routing routing(Ticket t) {
		return new Routing(t.parties(), t.routingExplanation(), t.routingClause(), t.conventionVersion());
	}

	static Deadlines deadlines(Ticket t, List<ClockView> clocks, ZoneId zone) {
		return new Deadlines(deadline(clocks, WorkTime.TAKE_CHARGE, zone), deadline(clocks, WorkTime.RESTORATION, zone),
				deadline(clocks, WorkTime.DATA_RESTORE, zone),
				clocks.isEmpty() ? null : clocks.stream().anyMatch(ClockView::binding),
				t.critical() ? new Conditional(t.spareAvailable(), t.partyControlsElement(), t.restorationCommitted()) : null);
	}

	private static OffsetDateTime deadline(List<ClockView> clocks, String code, ZoneId zone) {
		return clocks.stream().filter(c -> c.code().equals(code)).findFirst().map(c -> at(c.deadline(), zone)).orElse(null);
	}

	static OffsetDateTime at(Instant i, ZoneId zone) {
		return i == null ? null : i.atZone(zone).toOffsetDateTime();
	}
}
