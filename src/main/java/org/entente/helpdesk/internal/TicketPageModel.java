package org.entente.helpdesk.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.WaitingReason;
import org.entente.inventory.Asset;
import org.entente.policy.RestoreTicketLinks;
import org.entente.worktime.Criticality;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the ticket page shows, gathered in one place so that the controllers of its actions stay small: the ticket's
 * clocks, history, conversation and survey here, its people and words in {@link TicketPageWords}, its asset in
 * {@link TicketPageAsset}, the backup record a restore ticket is linked to from the policy register
 * ({@link RestoreTicketLinks}, for those who may read the establishment's backups).
 */
@Component
class TicketPageModel {

	private final TicketClocks clocks;
	private final TicketHistory history;
	private final TicketConversation conversation;
	private final TicketSatisfaction satisfaction;
	private final TicketAccess access;
	private final TicketPageWords words;
	private final TicketPageAsset assets;
	private final RestoreTicketLinks restoreLinks;

	TicketPageModel(TicketClocks clocks, TicketHistory history, TicketConversation conversation,
			TicketSatisfaction satisfaction, TicketAccess access, TicketPageWords words, TicketPageAsset assets,
			RestoreTicketLinks restoreLinks) {
		this.restoreLinks = restoreLinks;
		this.clocks = clocks;
		this.history = history;
		this.conversation = conversation;
		this.satisfaction = satisfaction;
		this.access = access;
		this.words = words;
		this.assets = assets;
	}

	/** Fills the model of {@code helpdesk/ticket} for ticket {@code t} as {@code user} sees it. */
	void fill(EntenteUser user, Ticket t, Model model) {
		model.addAttribute("t", t);
		model.addAttribute("clocks", clocks.of(t));
		model.addAttribute("events", history.shown(t.id()));
		model.addAttribute("comments", conversation.comments(t));
		model.addAttribute("attachments", conversation.attachments(t));
		model.addAttribute("satisfaction", satisfaction.of(t).orElse(null));
		model.addAttribute("establishment", words.establishment(t));
		model.addAttribute("component", words.component(t));
		boolean readOnly = access.readsOnly(user, t);
		boolean agent = access.isAgent(user) && !readOnly;
		Asset asset = assets.fill(t, agent, model);
		model.addAttribute("readOnly", readOnly);
		model.addAttribute("readingClause", readOnly ? words.readingClause(user) : null);
		model.addAttribute("next", readOnly ? Set.of() : t.status().next());
		model.addAttribute("waitingReasons", WaitingReason.values());
		model.addAttribute("criticalities", Criticality.values());
		model.addAttribute("kinds", InterventionKind.values());
		model.addAttribute("networks", Network.values());
		model.addAttribute("fundings", Funding.values());
		model.addAttribute("zone", assets.zone());
		model.addAttribute("backupLink", restoreLinks.seenBy(user, t.id()).orElse(null));
		model.addAttribute("isDesk", access.isDesk(user));
		model.addAttribute("isCollege", access.isCollege(user));
		model.addAttribute("whoHandles", words.whoHandles(t));
		model.addAttribute("routingExplanation", words.routingExplanation(t));
		model.addAttribute("requesterName", words.requesterName(t));
		model.addAttribute("requesterContact", words.requesterContact(t));
		if (model.containsAttribute("reported")) {
			model.addAttribute("partyNames", words.partyNames(t));
			model.addAttribute("requesterEmail", words.email(user));
		}
		model.addAttribute("isAgent", agent);
		model.addAttribute("isPartyAgent", access.isPartyAgent(user, t));
		model.addAttribute("canSurvey", access.offersSurvey(user, t));
		model.addAttribute("contractors", agent ? words.contractors() : List.of());
		model.addAttribute("assetGroups", agent ? assets.groups(t, asset) : List.of());
		if (!model.containsAttribute("classifyErrors")) {
			model.addAttribute("classifyErrors", Map.of());
		}
		if (!model.containsAttribute("classifyForm")) {
			model.addAttribute("classifyForm", Map.of("component", t.component() == null ? "" : t.component(), "assetId",
					t.assetId() == null ? "" : t.assetId()));
		}
	}
}
