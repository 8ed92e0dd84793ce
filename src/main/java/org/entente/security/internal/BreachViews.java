package org.entente.security.internal;

import static org.entente.security.internal.IncidentViews.at;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The JSON shapes of the breaches API; every instant an ISO offset date-time in Europe/Paris (the convention's zone). */
final class BreachViews {

	private BreachViews() {
	}

	record ReminderJson(long afterHours, OffsetDateTime sentAt) {
	}

	record AttachmentJson(long id, String filename, String contentType, int size, OffsetDateTime uploadedAt) {
	}

	/**
	 * A breach: {@code notifyAcademyBy} is awareness + the convention's delay (48 elapsed hours), {@code notifyCnilBy}
	 * the controller's 72 hours, for information; {@code late} stays true once a late notification is sent.
	 */
	record BreachJson(long id, Long incidentId, OffsetDateTime awareAt, OffsetDateTime notifyAcademyBy,
			OffsetDateTime notifyCnilBy, OffsetDateTime notifiedAt, boolean late, String lateReason, long elapsedMinutes,
			long remainingMinutes, String academyAddress, String notifiedBy, String nature, Integer people,
			Integer records, String categories, String consequences, String measures, String contact,
			OffsetDateTime recordedAt, String recordedBy, String clause, String conventionVersion,
			List<ReminderJson> reminders, List<AttachmentJson> attachments, int version) {
	}

	record Register(List<BreachJson> items, int page, int size, boolean hasNext) {
	}

	static BreachJson json(Breach b, BreachService service, Instant now) {
		ZoneId zone = service.zone();
		long remaining = b.notifiedAt() != null ? 0 : java.time.Duration.between(now, b.notifyBy()).toMinutes();
		return new BreachJson(b.id(), b.incidentId(), at(b.awareAt(), zone), at(b.notifyBy(), zone), at(b.authorityBy(), zone),
				at(b.notifiedAt(), zone), b.late(now), b.lateReason(), b.elapsed(now).toMinutes(), remaining,
				b.notifiedTo() != null ? b.notifiedTo() : service.rules().to(), b.notifiedBy(), b.nature(), b.people(),
				b.records(), b.categories(), b.consequences(), b.measures(), b.contact(), at(b.recordedAt(), zone),
				b.recordedBy(), b.clause(), b.conventionVersion(),
				service.reminders(b).stream().map(r -> new ReminderJson(r.afterMinutes() / 60, at(r.sentAt(), zone))).toList(),
				service.attachments(b).stream().map(a -> new AttachmentJson(a.id(), a.filename(), a.contentType(), a.size(),
						at(a.uploadedAt(), zone))).toList(),
				b.version());
	}
}
