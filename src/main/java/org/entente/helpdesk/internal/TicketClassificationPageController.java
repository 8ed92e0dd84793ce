package org.entente.helpdesk.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entente.common.ProblemException;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.UnknownComponentException;
import org.entente.directory.EntenteUser;
import org.entente.worktime.Criticality;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The ticket page's classification actions: criticality, reclassification (component, kind, network, funding, asset)
 * and assignment to a contractor. Each form carries the {@code version} read.
 */
@Controller
class TicketClassificationPageController {

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
	private final TicketRouting routing;
	private final TicketEscalation escalation;
	private final DeskPages pages;

	TicketClassificationPageController(TicketLookup lookup, TicketRouting routing, TicketEscalation escalation,
			DeskPages pages) {
		this.lookup = lookup;
		this.routing = routing;
		this.escalation = escalation;
		this.pages = pages;
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
					flash.addFlashAttribute("failure", pages.failure(e));
					return "redirect:/tickets/" + id;
				}
				errors.put(field, pages.failure(e));
			}
		}
		flash.addFlashAttribute("failure", pages.text("helpdesk.error.reclassify"));
		flash.addFlashAttribute("classifyErrors", errors);
		flash.addFlashAttribute("classifyForm", Map.of("component", f.component() == null ? "" : f.component(), "assetId",
				f.assetId() == null ? "" : f.assetId()));
		return "redirect:/tickets/" + id;
	}
}
