package org.entente.webhook.internal;

import org.entente.helpdesk.TicketsErased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The deliveries about tickets erased at the end of their retention period go with them (their payloads named them). */
@Component
class ErasedTicketDeliveries {

	private final WebhookRepository repository;

	ErasedTicketDeliveries(WebhookRepository repository) {
		this.repository = repository;
	}

	@ApplicationModuleListener
	void on(TicketsErased e) {
		repository.forgetSubjects(e.ticketIds().stream().map(id -> "ticket:" + id).toList());
	}
}
