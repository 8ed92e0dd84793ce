package org.entente.webhook.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook may ask for, by their name in the payload's {@code type}. {@code published} stays in the API
 * ({@code GET /api/v1/webhooks/events}) for a type announced before its module publishes it; every type is published.
 */
enum WebhookEventType {

	TICKET_OPENED("ticket.opened", "Ticket ouvert", true),
	TICKET_STATUS_CHANGED("ticket.status-changed", "Statut de ticket changé", true),
	CLOCK_AT_RISK("ticket.clock-at-risk", "Délai en risque (75 %)", true),
	CLOCK_BREACHED("ticket.clock-breached", "Délai dépassé", true),
	SECURITY_INCIDENT_REPORTED("security.incident-reported", "Incident de sécurité signalé (sans contenu confidentiel)", true),
	ASSET_INVENTORIED("inventory.asset-inventoried", "Équipement inventorié", true),
	CONVENTION_VERSION_LOADED("convention.version-loaded", "Version de la convention chargée (démarrage ou avenant)", true),
	MONTHLY_STATISTICS_PRODUCED("reporting.monthly-statistics-produced", "Statistiques mensuelles produites", true);

	final String wire;

	final String label;

	/** False while the module that owns the event does not publish it yet. */
	final boolean published;

	WebhookEventType(String wire, String label, boolean published) {
		this.wire = wire;
		this.label = label;
		this.published = published;
	}

	static Optional<WebhookEventType> ofWire(String name) {
		return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
	}

	public String wire() {
		return wire;
	}

	public String label() {
		return label;
	}
}
