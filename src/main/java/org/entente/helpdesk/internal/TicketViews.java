package org.entente.helpdesk.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.entente.convention.RequestType;
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
			Conditional conditional, Response response) {
	}

	/**
	 * The response time of a request type the convention names (enrolment): its {@code deadline} when the file sets
	 * a figure, else {@code toBeSet} « à fixer par le comité » with the point to clarify that asks for it.
	 */
	record Response(String requestType, String label, OffsetDateTime deadline, Boolean binding, String toBeSet,
			String pointToClarify, String pointToClarifyHref, String clause) {
	}

	/**
	 * The conditions of the one-day restoration (null: unknown); {@code committed}: the clock runs; otherwise the
	 * party sets up a temporary solution in degraded mode where possible (annexe §4).
	 */
	record Conditional(Boolean spareAvailable, Boolean partyControlsElement, boolean committed,
			OffsetDateTime runsFrom) {
	}

	/** What POST /api/v1/tickets answers. */
	record Created(long id, String number, String status, String criticality, Routing routing, Deadlines deadlines,
			String requestType) {
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
			List<ClockJson> clocks, OffsetDateTime openedAt, OffsetDateTime updatedAt, int version, String requestType) {
	}

	/** A ticket in a list ({@code closedAt}: null while not closed, for counts by month such as reporting's). */
	record Summary(long id, String number, String title, String establishment, String status, String criticality,
			Integer priorityClass, List<String> parties, boolean toArbitrate, int level, String slaState,
			OffsetDateTime openedAt, OffsetDateTime closedAt) {
	}

	static Created created(Ticket t, List<ClockView> clocks, RequestType type, ZoneId zone) {
		return new Created(t.id(), t.number(), t.status().name(), t.criticality().name(), routing(t),
				deadlines(t, clocks, type, zone), t.requestType());
	}

	static Detail detail(Ticket t, List<ClockView> clocks, RequestType type, ZoneId zone) {
		return new Detail(t.id(), t.number(), t.kind().name(), t.status().name(),
				t.waitingReason() == null ? null : t.waitingReason().name(), t.establishment(), t.requester(), t.title(),
				t.description(), t.component(), t.assetId(), t.intervention().name(),
				t.network() == null ? null : t.network().name(), t.funding() == null ? null : t.funding().name(),
				t.criticality().name(), t.criticalityOverridden(), t.priorityClass(), t.dataInvolved(), t.dataConcerned(), t.sharedBetweenNetworks(), t.level(),
				t.degraded(), t.temporarySolution(), routing(t), t.toArbitrate(), t.handBacks(), t.assignee(),
				t.slaState(), deadlines(t, clocks, type, zone),
				clocks.stream().map(c -> new ClockJson(c.code(), c.label(), at(c.deadline(), zone), c.remaining().toMinutes(),
						c.state().name(), c.paused(), at(c.stoppedAt(), zone), c.binding())).toList(),
				at(t.openedAt(), zone), at(t.updatedAt(), zone), t.version(), t.requestType());
	}

	static Summary summary(Ticket t, ZoneId zone) {
		return new Summary(t.id(), t.number(), t.title(), t.establishment(), t.status().name(), t.criticality().name(),
				t.priorityClass(), t.parties(), t.toArbitrate(), t.level(), t.slaState(), at(t.openedAt(), zone),
				at(t.closedAt(), zone));
	}

	static Routing routing(Ticket t) {
		return new Routing(t.parties(), t.routingExplanation(), t.routingClause(), t.conventionVersion());
	}

	static Deadlines deadlines(Ticket t, List<ClockView> clocks, RequestType type, ZoneId zone) {
		return new Deadlines(deadline(clocks, WorkTime.TAKE_CHARGE, zone), deadline(clocks, WorkTime.RESTORATION, zone),
				deadline(clocks, WorkTime.DATA_RESTORE, zone),
				clocks.isEmpty() ? null : clocks.stream().anyMatch(ClockView::binding),
				t.critical() ? new Conditional(t.spareAvailable(), t.partyControlsElement(), t.restorationCommitted(),
						t.restorationCommitted() ? at(t.restorationStart(), zone) : null) : null,
				response(clocks, type, zone));
	}

	/** The request type's response time, or null when the ticket has no type or its type no deadline. */
	static Response response(List<ClockView> clocks, RequestType type, ZoneId zone) {
		if (type == null || type.deadline() == null) {
			return null;
		}
		var d = type.deadline();
		ClockView clock = clocks.stream().filter(c -> c.code().equals(type.code())).findFirst().orElse(null);
		return new Response(type.code(), d.label(), clock == null ? null : at(clock.deadline(), zone),
				clock == null ? null : clock.binding(), d.set() ? null : RequestTypes.TO_BE_SET, d.pointToClarify(),
				d.pointToClarify() == null ? null : RequestTypes.pointHref(d.pointToClarify()), type.clause());
	}

	private static OffsetDateTime deadline(List<ClockView> clocks, String code, ZoneId zone) {
		return clocks.stream().filter(c -> c.code().equals(code)).findFirst().map(c -> at(c.deadline(), zone)).orElse(null);
	}

	static OffsetDateTime at(Instant i, ZoneId zone) {
		return i == null ? null : i.atZone(zone).toOffsetDateTime();
	}
}
