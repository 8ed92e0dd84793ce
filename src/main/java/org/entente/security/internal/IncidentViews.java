package org.entente.security.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;


/** The JSON shapes of the security incidents API; every instant an ISO offset date-time in the convention's zone. */
final class IncidentViews {

	private IncidentViews() {
	}

	record InformJson(String party, String address, String reason, String status, String due, OffsetDateTime sentAt) {
	}

	record PointJson(String id, String title, String explanation) {
	}

	/** What POST /api/v1/security/incidents answers (the decision, as the contract writes it). */
	record Created(long id, String number, String status, String handledBy, String perimeter, List<InformJson> inform,
			String clause, String explanation, String conventionVersion, List<PointJson> pointsToClarify) {
	}

	record EventJson(OffsetDateTime at, String actor, String type, String from, String to, String text) {
	}

	record ActionJson(long id, String description, String owner, LocalDate dueDate, OffsetDateTime doneAt, String doneBy) {
	}

	record LinkJson(String kind, long id, boolean compromised, OffsetDateTime addedAt) {
	}

	/** The whole incident, for the RSSI, the handling party's staff and the DPOs. */
	record Detail(long id, String number, String view, String status, String title, String description,
			List<String> establishments, boolean academyLevel, String component, List<String> otherComponents,
			Long assetId, String network, OffsetDateTime detectedAt, boolean personalData, Boolean minors,
			OffsetDateTime reportedAt, String reportedBy, String handledBy, String perimeter, List<InformJson> inform,
			String clause, String explanation, String conventionVersion, List<PointJson> pointsToClarify,
			String category, String severity, Boolean personalDataBreach, Long breachId, String lessonsLearned,
			OffsetDateTime closedAt, List<ActionJson> remediationPlan, List<LinkJson> links, List<EventJson> history,
			List<String> allowedTransitions, OffsetDateTime updatedAt, int version) {
	}

	/** What the reporter sees of their own report: its status, not the investigation. */
	record StatusOnly(long id, String number, String view, String status, String statusLabel, String title,
			OffsetDateTime reportedAt, OffsetDateTime updatedAt, int version) {
	}

	record Summary(long id, String number, String status, String title, String handledBy, boolean personalData,
			String severity, boolean pointToClarify, OffsetDateTime reportedAt) {
	}

	static OffsetDateTime at(Instant i, ZoneId zone) {
		return i == null ? null : i.atZone(zone).toOffsetDateTime();
	}

	static List<InformJson> informs(List<IncidentRepository.InformRow> rows, ZoneId zone) {
		return rows.stream().map(r -> new InformJson(r.party(), r.address(), r.reason(), r.status(), r.dueOn(), at(r.sentAt(), zone))).toList();
	}

	static List<PointJson> points(List<IncidentRepository.PointRow> rows) {
		return rows.stream().map(p -> new PointJson(p.id(), p.title(), p.explanation())).toList();
	}
}
