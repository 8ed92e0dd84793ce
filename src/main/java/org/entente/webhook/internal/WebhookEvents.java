package org.entente.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.entente.convention.ConventionVersionLoaded;
import org.entente.helpdesk.ClockAtRisk;
import org.entente.helpdesk.ClockBreached;
import org.entente.helpdesk.TicketOpened;
import org.entente.helpdesk.TicketSnapshot;
import org.entente.helpdesk.TicketStatusChanged;
import org.entente.inventory.AssetInventoried;
import org.entente.reporting.MonthlyStatisticsProduced;
import org.entente.security.SecurityIncidentReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each event becomes one delivery row per active endpoint that asked for it and may read it, in the listener's own
 * transaction after the publisher's commit (the event publication registry redelivers it if this fails). The event
 * key, built from the event's own fields, makes a redelivered event the same row: never sent twice. The payload is
 * written now (Standard Webhooks shape: type, timestamp, data) and never holds confidential content.
 */
@Component
class WebhookEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** An event about no establishment in particular that every scope may read (the convention is public). */
	static final String ANY_ESTABLISHMENT = "*";

	private final WebhookRepository repository;

	WebhookEvents(WebhookRepository repository) {
		this.repository = repository;
	}

	@ApplicationModuleListener
	void on(TicketOpened e) {
		Map<String, Object> data = ticket(e.ticket());
		data.put("kind", e.kind().name());
		data.put("toArbitrate", e.toArbitrate());
		data.put("openedAt", e.openedAt().toString());
		enqueue(WebhookEventType.TICKET_OPENED, "ticket:" + e.ticket().ticketId(), e.ticket().uai(),
				"opened:" + e.ticket().ticketId(), e.openedAt(), data);
	}

	@ApplicationModuleListener
	void on(TicketStatusChanged e) {
		Map<String, Object> data = ticket(e.ticket());
		data.put("from", e.from() == null ? null : e.from().name());
		data.put("to", e.to().name());
		data.put("at", e.at().toString());
		enqueue(WebhookEventType.TICKET_STATUS_CHANGED, "ticket:" + e.ticket().ticketId(), e.ticket().uai(),
				"status:" + e.ticket().ticketId() + ":" + e.from() + ":" + e.to() + ":" + e.at(), e.at(), data);
	}

	@ApplicationModuleListener
	void on(ClockAtRisk e) {
		clock(WebhookEventType.CLOCK_AT_RISK, e.ticket(), e.clock(), e.deadline(), e.at());
	}

	@ApplicationModuleListener
	void on(ClockBreached e) {
		clock(WebhookEventType.CLOCK_BREACHED, e.ticket(), e.clock(), e.deadline(), e.at());
	}

	/** The incident's number, handler and date only: its description and personal-data flag stay confidential. */
	@ApplicationModuleListener
	void on(SecurityIncidentReported e) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("incidentId", e.incidentId());
		data.put("number", e.number());
		data.put("handledBy", e.handledBy());
		data.put("reportedAt", e.reportedAt().toString());
		enqueue(WebhookEventType.SECURITY_INCIDENT_REPORTED, "incident:" + e.incidentId(), null,
				"incident:" + e.incidentId(), e.reportedAt(), data);
	}

	@ApplicationModuleListener
	void on(AssetInventoried e) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("assetId", e.assetId());
		data.put("uai", e.uai());
		data.put("component", e.component());
		data.put("created", e.created());
		data.put("changedFields", e.changedFields());
		data.put("managingParty", e.managingParty());
		data.put("conventionVersion", e.conventionVersion());
		data.put("at", e.at().toString());
		enqueue(WebhookEventType.ASSET_INVENTORIED, "asset:" + e.assetId(), e.uai(), "asset:" + e.assetId() + ":" + e.at(),
				e.at(), data);
	}

	/** The month and its production, with no figure: a subscriber reads them through the reporting API. */
	@ApplicationModuleListener
	void on(MonthlyStatisticsProduced e) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("month", e.month());
		data.put("conventionVersion", e.conventionVersion());
		data.put("statisticsId", e.statisticsId());
		data.put("producedBy", e.producedBy());
		data.put("producedAt", e.producedAt().toString());
		enqueue(WebhookEventType.MONTHLY_STATISTICS_PRODUCED, "statistics:" + e.month(), null,
				"statistics:" + e.statisticsId(), e.producedAt(), data);
	}

	/** A version recorded (first start-up or amendment): public, so every webhook that asked for it receives it. */
	@ApplicationModuleListener
	void on(ConventionVersionLoaded e) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conventionId", e.conventionId());
		data.put("version", e.version());
		data.put("title", e.title());
		data.put("amendmentSummary", e.amendmentSummary());
		data.put("loadedBy", e.loadedBy());
		data.put("loadedAt", e.loadedAt().toString());
		enqueue(WebhookEventType.CONVENTION_VERSION_LOADED, "convention:" + e.conventionId(), ANY_ESTABLISHMENT,
				"convention:" + e.conventionId() + ":" + e.version(), e.loadedAt(), data);
	}

	private void clock(WebhookEventType type, TicketSnapshot ticket, String clock, Instant deadline, Instant at) {
		Map<String, Object> data = ticket(ticket);
		data.put("clock", clock);
		data.put("deadline", deadline == null ? null : deadline.toString());
		data.put("at", at.toString());
		enqueue(type, "ticket:" + ticket.ticketId(), ticket.uai(), type.wire + ":" + ticket.ticketId() + ":" + clock + ":" + deadline,
				at, data);
	}

	private static Map<String, Object> ticket(TicketSnapshot t) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("ticketId", t.ticketId());
		data.put("number", t.number());
		data.put("uai", t.uai());
		data.put("parties", t.parties());
		data.put("level", t.level());
		data.put("criticality", t.criticality() == null ? null : t.criticality().name());
		data.put("component", t.component());
		data.put("conventionVersion", t.conventionVersion());
		return data;
	}

	/** One row per endpoint that wants the event and may read its establishment; returns how many were new. */
	int enqueue(WebhookEventType type, String subject, String uai, String eventKey, Instant at, Map<String, Object> data) {
		int created = 0;
		for (Webhook w : repository.subscribedTo(type.wire)) {
			if (!ANY_ESTABLISHMENT.equals(uai) && !w.mayRead(uai)) {
				continue;
			}
			String id = "msg_" + UUID.nameUUIDFromBytes((w.id() + "|" + eventKey).getBytes(StandardCharsets.UTF_8));
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("type", type.wire);
			payload.put("timestamp", at.toString());
			payload.put("data", data);
			if (repository.enqueue(w.id(), id, eventKey, type.wire, subject, at, JSON.writeValueAsString(payload))) {
				created++;
			}
		}
		return created;
	}
}
