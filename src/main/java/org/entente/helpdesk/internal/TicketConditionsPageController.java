package org.entente.helpdesk.internal;

import org.entente.directory.EntenteUser;
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

/** The ticket page's form for the restoration conditions (spare, control of the failed element) after opening. */
@Controller
class TicketConditionsPageController {

	/** {@code spare} and {@code controls}: « oui », « non » or empty (unknown). */
	record ConditionsForm(@NotNull(message = "{helpdesk.error.version}") Integer version, String spare, String controls,
			@Size(max = 2000, message = "{helpdesk.error.tooLong}") String reason) {
	}

	private final RestorationConditions conditions;
	private final DeskPages pages;

	TicketConditionsPageController(RestorationConditions conditions, DeskPages pages) {
		this.conditions = conditions;
		this.pages = pages;
	}

	@PostMapping("/tickets/{id}/conditions")
	String record(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@Valid @ModelAttribute ConditionsForm f, BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.conditions",
				() -> conditions.record(user, id, f.version(), answer(f.spare()), answer(f.controls()), f.reason()));
	}

	private static Boolean answer(String s) {
		return "oui".equals(s) ? Boolean.TRUE : "non".equals(s) ? Boolean.FALSE : null;
	}
}
