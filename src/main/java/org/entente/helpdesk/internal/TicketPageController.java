package org.entente.helpdesk.internal;

import org.entente.directory.EntenteUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ticket page (routing, clocks, asset, timeline, the forms of its actions), gathered by {@link TicketPageModel}.
 * Its actions have their own controllers, by job: {@link TicketWorkflowPageController} (status, escalation,
 * hand-back), {@link TicketClassificationPageController} (criticality, reclassification, assignment) and
 * {@link TicketConversationPageController} (comments, attachments, satisfaction).
 */
@Controller
class TicketPageController {

	private final TicketLookup lookup;
	private final TicketPageModel page;

	TicketPageController(TicketLookup lookup, TicketPageModel page) {
		this.lookup = lookup;
		this.page = page;
	}

	@GetMapping("/tickets/{id}")
	String ticket(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		page.fill(user, lookup.get(user, id), model);
		return "helpdesk/ticket";
	}
}
