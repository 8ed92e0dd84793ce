package org.entente.webhook.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The webhook pages: the list with the registration form, one webhook with its delivery log, pause and resume. */
@Controller
@PreAuthorize("@webhookPermissions.manage(authentication)")
class WebhookPageController {

	/** The registration form as the page posts it. */
	record WebhookForm(String url, List<String> events, String secret, String establishment, Boolean allowPrivate,
			String description) {
	}

	private final WebhookService service;

	private final WebhookPermissions permissions;

	WebhookPageController(WebhookService service, WebhookPermissions permissions) {
		this.service = service;
		this.permissions = permissions;
	}

	@GetMapping("/webhooks")
	String list(@AuthenticationPrincipal EntenteUser user, Model model) {
		return listPage(user, model, new WebhookForm(null, List.of(), null, null, false, null), Map.of());
	}

	@PostMapping("/webhooks")
	String register(@ModelAttribute WebhookForm form, @AuthenticationPrincipal EntenteUser user, Model model) {
		try {
			Webhook w = service.register(new WebhookService.Registration(form.url(), form.events(), form.secret(),
					form.establishment(), form.allowPrivate(), form.description()), user);
			// The secret is shown this once, on the answer to the registration itself (never kept in a session).
			model.addAttribute("secret", w.secret());
			return detail(w.id(), user, model);
		}
		catch (ProblemException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : e.errors()) {
				errors.putIfAbsent(p.field().replaceAll("\\[\\d+]$", ""), p.message());
			}
			return listPage(user, model, form, errors);
		}
	}

	private String listPage(EntenteUser user, Model model, WebhookForm form, Map<String, String> errors) {
		model.addAttribute("webhooks", service.visible(user));
		model.addAttribute("eventTypes", Arrays.asList(WebhookEventType.values()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("mayAllowPrivate", permissions.allowPrivateAddresses(user));
		return "webhook/list";
	}

	@GetMapping("/webhooks/{id}")
	String detail(@PathVariable long id, @AuthenticationPrincipal EntenteUser user, Model model) {
		model.addAttribute("webhook", service.get(id, user));
		model.addAttribute("deliveries", service.deliveries(id, user));
		return "webhook/detail";
	}

	@PostMapping("/webhooks/{id}/pause")
	String pause(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		service.pause(id, user);
		return "redirect:/webhooks/" + id;
	}

	@PostMapping("/webhooks/{id}/resume")
	String resume(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		service.resume(id, user);
		return "redirect:/webhooks/" + id;
	}
}
