package org.entente.helpdesk.internal;

import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
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
 * The ticket page's workflow actions: a status (the agents' steps, and the collège's own confirm and reopen, which
 * {@link TicketWorkflow} checks by role), escalation to level 2 and hand-back. Each form carries the {@code version} read.
 */
@Controller
class TicketWorkflowPageController {

	record TransitionForm(@NotNull(message = "{helpdesk.error.version}") Integer version, TicketStatus to,
			@Size(max = 2000, message = "{helpdesk.error.tooLong}") String reason, WaitingReason waitingReason,
			Boolean degraded, @Size(max = 2000, message = "{helpdesk.error.tooLong}") String temporarySolution) {
	}

	/** Escalation and hand-back: the version read and the reason. */
	record ReasonForm(@NotNull(message = "{helpdesk.error.version}") Integer version,
			@Size(max = 2000, message = "{helpdesk.error.tooLong}") String reason) {
	}

	private final TicketWorkflow workflow;
	private final TicketEscalation escalation;
	private final DeskPages pages;

	TicketWorkflowPageController(TicketWorkflow workflow, TicketEscalation escalation, DeskPages pages) {
		this.workflow = workflow;
		this.escalation = escalation;
		this.pages = pages;
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
}
