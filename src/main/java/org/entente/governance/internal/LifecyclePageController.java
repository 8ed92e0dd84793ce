package org.entente.governance.internal;

import java.security.Principal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.entente.convention.Conventions;
import org.entente.governance.GovernanceInputException;
import org.entente.governance.LifecycleStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where the partnership stands (article 7): the home-page banner, the lifecycle page, recording a notice. */
@Controller
class LifecyclePageController {

	/** The termination notice form; a field error is shown next to its field. */
	record NoticeForm(@NotNull(message = "{gov.error.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@NotBlank(message = "{gov.error.required}") String sender,
			@NotBlank(message = "{gov.error.required}") @Size(max = 4000, message = "{gov.error.tooLong}") String reason) {
	}

	private final ConventionLifecycle lifecycle;
	private final Conventions conventions;
	private final MessageSource messages;

	LifecyclePageController(ConventionLifecycle lifecycle, Conventions conventions, MessageSource messages) {
		this.lifecycle = lifecycle;
		this.conventions = conventions;
		this.messages = messages;
	}

	@GetMapping("/gouvernance/bandeau")
	String banner(Model model) {
		model.addAttribute("status", lifecycle.status());
		return "governance/banner :: banner";
	}

	@GetMapping("/gouvernance")
	String page(Model model) {
		if (!model.containsAttribute("noticeForm")) {
			model.addAttribute("noticeForm", new NoticeForm(null, null, null));
		}
		LifecycleStatus status = lifecycle.status();
		model.addAttribute("status", status);
		model.addAttribute("convention", lifecycle.convention());
		model.addAttribute("versions", conventions.versions());
		model.addAttribute("reminders", LifecycleCalculator.reminders(lifecycle.convention().lifecycle(),
				LifecycleCalculator.DEFAULT_REMINDERS));
		return "governance/lifecycle";
	}

	@PostMapping("/gouvernance/preavis")
	@PreAuthorize("@governancePermissions.recordNotices(authentication)")
	String recordNotice(@Valid @ModelAttribute("noticeForm") NoticeForm form, BindingResult errors, Principal principal,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				LocalDate effective = lifecycle.recordNotice(form.receivedOn(), form.sender(), form.reason(), principal.getName());
				redirect.addFlashAttribute("recordedEffectiveOn", effective);
				return "redirect:/gouvernance#preavis";
			}
			catch (GovernanceInputException e) {
				errors.rejectValue(e.parameter(), "invalid", e.in(messages));
			}
		}
		return page(model);
	}
}
