package org.entente.governance.internal;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.entente.governance.EntContribution;
import org.entente.governance.GovernanceInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The financial annex: the computation of each year, a what-if that stores nothing, the payment schedule. */
@Controller
class ContributionPageController {

	/** What-if inputs; blank fields keep the convention's values. The index accepts a decimal comma. */
	record WhatIfForm(Integer year, Integer pupils, String syntecIndex, Integer months) {

		boolean isEmpty() {
			return pupils == null && (syntecIndex == null || syntecIndex.isBlank()) && months == null;
		}
	}

	record PaymentForm(@NotNull(message = "{gov.error.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@Size(max = 200, message = "{gov.error.tooLong}") String reference) {
	}

	private final EntContributions contributions;
	private final MessageSource messages;

	ContributionPageController(EntContributions contributions, MessageSource messages) {
		this.contributions = contributions;
		this.messages = messages;
	}

	@GetMapping("/gouvernance/contribution-ent")
	String page(@ModelAttribute("whatIf") WhatIfForm whatIf, BindingResult errors, Model model) {
		model.addAttribute("schedule", contributions.schedule());
		model.addAttribute("finance", contributions.finance());
		model.addAttribute("points", contributions.compute(contributions.finance().years().get(0).year(), null, null, null).pointsToClarify());
		if (!model.containsAttribute("paymentForm")) {
			model.addAttribute("paymentForm", new PaymentForm(null, null));
		}
		if (whatIf != null && !whatIf.isEmpty() && !errors.hasErrors()) {
			try {
				BigDecimal index = whatIf.syntecIndex() == null || whatIf.syntecIndex().isBlank() ? null
						: parseIndex(whatIf.syntecIndex());
				int year = whatIf.year() == null ? contributions.finance().years().get(contributions.finance().years().size() - 1).year()
						: whatIf.year();
				EntContribution result = contributions.compute(year, whatIf.pupils(), index, whatIf.months());
				model.addAttribute("whatIfResult", result);
			}
			catch (GovernanceInputException e) {
				errors.rejectValue(e.parameter(), "invalid", e.in(messages));
			}
		}
		return "governance/contribution";
	}

	private static BigDecimal parseIndex(String text) {
		try {
			return new BigDecimal(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new GovernanceInputException("syntecIndex", "Indice Syntec invalide : « " + text + " » (ex. 313,3).",
					"gov.refused.syntecFormat", text);
		}
	}

	@PostMapping("/gouvernance/contribution-ent/{year}/paiement")
	@PreAuthorize("@governancePermissions.recordPayments(authentication)")
	String markPaid(@PathVariable int year, @Valid @ModelAttribute("paymentForm") PaymentForm form, BindingResult errors,
			Principal principal, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				contributions.markPaid(year, form.paidOn(), form.reference(), principal.getName());
				redirect.addFlashAttribute("paidYear", year);
				return "redirect:/gouvernance/contribution-ent#echeancier";
			}
			catch (GovernanceInputException e) {
				errors.rejectValue("year".equals(e.parameter()) ? "paidOn" : e.parameter(), "invalid", e.in(messages));
			}
		}
		model.addAttribute("paymentYear", year);
		model.addAttribute("whatIf", new WhatIfForm(null, null, null, null));
		return page(new WhatIfForm(null, null, null, null), new org.springframework.validation.BeanPropertyBindingResult(
				new WhatIfForm(null, null, null, null), "whatIf"), model);
	}
}
