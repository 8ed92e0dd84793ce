package org.entente.helpdesk.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.UnknownComponentException;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
import org.entente.inventory.Asset;
import org.entente.inventory.Spares;
import org.entente.worktime.Criticality;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The ticket page (routing, clocks, asset, timeline, actions) and its workflow and routing actions: status,
 * escalation, hand-back, criticality, reclassification, assignment. Each form carries the {@code version} read.
 */
@Controller
class TicketPageController {

	record TransitionForm(@NotNull(message = "{helpdesk.error.version}") Integer version, TicketStatus to,
			@Size(max = 2000, message = "{helpdesk.error.tooLong}") String reason, WaitingReason waitingReason,
			Boolean degraded, @Size(max = 2000, message = "{helpdesk.error.tooLong}") String temporarySolution) {
	}

	/** Escalation and hand-back: the version read and the reason. */
	record ReasonForm(@NotNull(message = "{helpdesk.error.version}") Integer version,
			@Size(max = 2000, message = "{helpdesk.error.tooLong}") String reason) {
	}

	record CriticalityForm(@NotNull(message = "{helpdesk.error.version}") Integer version, Criticality criticality,
			@Size(max = 2000, message = "{helpdesk.error.tooLong}") String reason) {
	}

	/** {@code assetId}: empty takes the named asset off; the preselected one (or no field at all) keeps it. */
	record ClassificationForm(@NotNull(message = "{helpdesk.error.version}") Integer version,
			@Size(max = 60, message = "{helpdesk.error.tooLong}") String component, InterventionKind intervention,
			Network network, Funding funding, Boolean dataInvolved,
			@Size(max = 2000, message = "{helpdesk.error.tooLong}") String reason,
			@Size(max = 100, message = "{helpdesk.error.tooLong}") String assetId) {
	}

	record AssigneeForm(@NotNull(message = "{helpdesk.error.version}") Integer version,
			@Size(max = 100, message = "{helpdesk.error.tooLong}") String assignee) {
	}

	private final TicketLookup lookup;
	private final TicketWorkflow workflow;
	private final TicketRouting routing;
	private final TicketEscalation escalation;
	private final TicketConversation conversation;
	private final TicketSatisfaction satisfaction;
	private final TicketClocks clocks;
	private final TicketHistory history;
	private final TicketAccess access;
	private final AssetChoices assetChoices;
	private final Conventions conventions;
	private final Establishments establishments;
	private final Accounts accounts;
	private final Spares spares;
	private final DeskPages pages;
	private final TicketRepository contacts;

	TicketPageController(TicketLookup lookup, TicketWorkflow workflow, TicketRouting routing, TicketEscalation escalation,
			TicketConversation conversation, TicketSatisfaction satisfaction, TicketClocks clocks, TicketHistory history,
			TicketAccess access, AssetChoices assetChoices, Conventions conventions, Establishments establishments,
			Accounts accounts, Spares spares, DeskPages pages, TicketRepository contacts) {
		this.contacts = contacts;
		this.lookup = lookup;
		this.workflow = workflow;
		this.routing = routing;
		this.escalation = escalation;
		this.conversation = conversation;
		this.satisfaction = satisfaction;
		this.clocks = clocks;
		this.history = history;
		this.access = access;
		this.assetChoices = assetChoices;
		this.conventions = conventions;
		this.establishments = establishments;
		this.accounts = accounts;
		this.spares = spares;
		this.pages = pages;
	}

	@GetMapping("/tickets/{id}")
	String ticket(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		Ticket t = lookup.get(user, id);
		model.addAttribute("t", t);
		model.addAttribute("clocks", clocks.of(t));
		model.addAttribute("events", history.of(t.id()));
		model.addAttribute("comments", conversation.comments(t));
		model.addAttribute("attachments", conversation.attachments(t));
		model.addAttribute("satisfaction", satisfaction.of(t).orElse(null));
		model.addAttribute("establishment", establishments.find(t.establishment()).orElse(null));
		model.addAttribute("component", conventions.current().component(t.component()).orElse(null));
		Asset asset = routing.namedAsset(t).orElse(null);
		model.addAttribute("asset", asset);
		if (asset != null) {
			model.addAttribute("underWarranty", asset.underWarranty(LocalDate.now(pages.zone())));
			model.addAttribute("spare", spares.availableFor(asset.uai(), asset.component()));
			String location = Stream.of(asset.data().building(), asset.data().room(), asset.data().socket())
				.filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" · "));
			model.addAttribute("assetLocation", location.isEmpty() ? "—" : location);
		}
		boolean readOnly = access.readsOnly(user, t);
		model.addAttribute("readOnly", readOnly);
		model.addAttribute("readingClause", readOnly ? conventions.current().serviceLevels().allRequestsClause(user.party()) : null);
		model.addAttribute("next", readOnly ? java.util.Set.of() : t.status().next());
		model.addAttribute("waitingReasons", WaitingReason.values());
		model.addAttribute("criticalities", Criticality.values());
		model.addAttribute("kinds", InterventionKind.values());
		model.addAttribute("networks", Network.values());
		model.addAttribute("fundings", Funding.values());
		model.addAttribute("zone", pages.zone());
		boolean agent = access.isAgent(user) && !readOnly;
		model.addAttribute("isDesk", access.isDesk(user));
		model.addAttribute("isCollege", access.isCollege(user));
		model.addAttribute("whoHandles", whoHandles(t));
		// The requester as a person: their name, and where to find them when they said so (V38).
		model.addAttribute("requesterName", accounts.find(t.requester()).map(a -> a.displayName() + " (" + a.username() + ")")
			.orElse(t.requester()));
		model.addAttribute("requesterContact", contacts.requesterContact(t.id()).orElse(null));
		if (model.containsAttribute("reported")) {
			model.addAttribute("partyNames", partyNames(t));
			model.addAttribute("requesterEmail", accounts.find(user.getUsername()).map(a -> a.email())
				.filter(e -> e != null && !e.isBlank()).orElse(null));
		}
		model.addAttribute("isAgent", agent);
		model.addAttribute("isPartyAgent", access.isPartyAgent(user, t));
		model.addAttribute("canSurvey", access.offersSurvey(user, t));
		model.addAttribute("contractors", agent ? accounts.enabledAmong(List.of(), TicketAccess.ASSIGNABLE, null) : List.of());
		model.addAttribute("assetGroups", agent ? assetChoices.forReclassifying(t, asset) : List.of());
		if (!model.containsAttribute("classifyErrors")) {
			model.addAttribute("classifyErrors", Map.of());
		}
		if (!model.containsAttribute("classifyForm")) {
			model.addAttribute("classifyForm", Map.of("component", t.component() == null ? "" : t.component(), "assetId",
					t.assetId() == null ? "" : t.assetId()));
		}
		return "helpdesk/ticket";
	}

	/** Who handles it, in a sentence: « Le Département répare « Vidéoprojecteurs ». » (the clause is on demand). */
	private String whoHandles(Ticket t) {
		if (t.parties().isEmpty()) {
			return pages.text("helpdesk.who.nobody");
		}
		List<String> names = t.parties().stream().map(code -> pages.textOr("helpdesk.party." + code, code)).toList();
		String who = names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " " + pages.text("helpdesk.and") + " " + names.get(names.size() - 1);
		String component = conventions.current().component(t.component()).map(c -> c.label()).orElse(t.component());
		String sentence = pages.textOr("helpdesk.who." + t.intervention().name(), null, who, component, names.size());
		if (sentence == null) {
			sentence = pages.text("helpdesk.who", who, component, names.size(), t.intervention().label().toLowerCase(java.util.Locale.ROOT));
		}
		return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
	}

	/** The routed parties by their names, « le Département d'Ille-et-Vilaine et l'Académie de Rennes ». */
	private String partyNames(Ticket t) {
		var parties = conventions.current().parties();
		List<String> names = t.parties().stream()
			.map(code -> parties.stream().filter(p -> p.code().equals(code)).map(p -> p.name()).findFirst().orElse(code))
			.toList();
		if (names.isEmpty()) {
			return pages.text("helpdesk.confirm.nobody");
		}
		return names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " " + pages.text("helpdesk.and") + " " + names.get(names.size() - 1);
	}

	@PostMapping("/tickets/{id}/transition")
	String transition(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@Valid @ModelAttribute TransitionForm f, BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.status", () -> workflow.transition(user, id, f.version(),
				new Ticket.Transition(f.to(), f.reason(), f.waitingReason(), Boolean.TRUE.equals(f.degraded()), f.temporarySolution())));
	}

	@PostMapping("/tickets/{id}/escalade")
	String escalate(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @Valid @ModelAttribute ReasonForm f,
			BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.escalated", () -> escalation.escalate(user, id, f.version(), f.reason()));
	}

	@PostMapping("/tickets/{id}/renvoi")
	String handBack(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @Valid @ModelAttribute ReasonForm f,
			BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.handedBack", () -> escalation.handBack(user, id, f.version(), f.reason()));
	}

	@PostMapping("/tickets/{id}/criticite")
	String criticality(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@Valid @ModelAttribute CriticalityForm f, BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.criticality",
				() -> routing.changeCriticality(user, id, f.version(), f.criticality(), f.reason()));
	}

	@PostMapping("/tickets/{id}/affectation")
	String assign(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @Valid @ModelAttribute AssigneeForm f,
			BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.assigned", () -> escalation.assign(user, id, f.version(), f.assignee()));
	}

	/** Reclassifying: the service checks the asset (establishment, component); its errors come back next to the field. */
	@PostMapping("/tickets/{id}/classement")
	String reclassify(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@Valid @ModelAttribute ClassificationForm f, BindingResult binding, RedirectAttributes flash) {
		Ticket t = lookup.get(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), pages.text(e)));
		if (errors.isEmpty()) {
			String asset = Inputs.blank(f.assetId());
			if (asset != null && asset.equals(t.assetId())) {
				asset = null; // the asset the ticket already names, preselected: nothing new to name
			}
			String named = asset != null ? asset : f.assetId() != null && f.assetId().isBlank() ? "" : null;
			try {
				routing.reclassify(user, id, f.version(), f.component(), f.intervention(), f.network(), f.funding(),
						Boolean.TRUE.equals(f.dataInvolved()), null, f.reason(), named);
				flash.addFlashAttribute("success", pages.text("helpdesk.done.reclassified"));
				return "redirect:/tickets/" + id;
			}
			catch (UnknownComponentException e) {
				errors.put("component", e.getMessage());
			}
			catch (ProblemException e) {
				if (e.status() == HttpStatus.NOT_FOUND) {
					throw e;
				}
				String field = DeskPages.field(e, null);
				if (!"assetId".equals(field) && !"component".equals(field)) {
					flash.addFlashAttribute("failure", e.getMessage());
					return "redirect:/tickets/" + id;
				}
				errors.put(field, e.getMessage());
			}
		}
		flash.addFlashAttribute("failure", pages.text("helpdesk.error.reclassify"));
		flash.addFlashAttribute("classifyErrors", errors);
		flash.addFlashAttribute("classifyForm", Map.of("component", f.component() == null ? "" : f.component(), "assetId",
				f.assetId() == null ? "" : f.assetId()));
		return "redirect:/tickets/" + id;
	}
}
