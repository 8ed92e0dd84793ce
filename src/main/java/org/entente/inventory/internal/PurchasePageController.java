package org.entente.inventory.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.inventory.InventoryNetwork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Own-funds purchases on pages: the list, a collège's request, the CD's or ACA's decision. */
@Controller
class PurchasePageController {

	/** The request form; what it means (référentiel, catalogue, quantities) is checked by {@link Purchases}. */
	record PurchaseForm(@Size(max = 100, message = "{inv.error.tooLong}") String component, InventoryNetwork network,
			Integer quantity, @Size(max = 100, message = "{inv.error.tooLong}") String catalogueItem,
			@Size(max = 500, message = "{inv.error.tooLong}") String description) {

		Purchases.NewRequest request() {
			return new Purchases.NewRequest(blank(component), network, quantity == null ? 0 : quantity, blank(catalogueItem),
					blank(description));
		}

		private static String blank(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}
	}

	private final Purchases purchases;
	private final Referentiel referentiel;
	private final InventoryPermissions permissions;
	private final MessageSource messages;

	PurchasePageController(Purchases purchases, Referentiel referentiel, InventoryPermissions permissions,
			MessageSource messages) {
		this.purchases = purchases;
		this.referentiel = referentiel;
		this.permissions = permissions;
		this.messages = messages;
	}

	@GetMapping("/inventaire/achats")
	String purchases(@AuthenticationPrincipal EntenteUser user, Model model) {
		permissions.requirePurchases(user);
		List<Purchases.Request> list = purchases.list(user);
		model.addAttribute("requests", list);
		model.addAttribute("deciding", list.stream().filter(r -> purchases.decides(r, user)).map(Purchases.Request::id).toList());
		model.addAttribute("canSubmit", permissions.isCollege(user));
		model.addAttribute("referentiel", referentiel.current().orElse(null));
		model.addAttribute("catalogue", referentiel.catalogue().orElse(null));
		model.addAttribute("networks", InventoryNetwork.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PurchaseForm(null, null, 1, null, null));
		}
		return "inventory/purchases";
	}

	@PostMapping("/inventaire/achats")
	String submit(@Valid @ModelAttribute("form") PurchaseForm form, BindingResult binding,
			@AuthenticationPrincipal EntenteUser user, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(f -> errors.merge(f.getField(), text(f), (a, b) -> a + " ; " + b));
		if (errors.isEmpty()) {
			try {
				var r = purchases.submit(form.request(), user);
				redirect.addFlashAttribute("message", message("inv.purchase.sent." + r.routedTo(), r.id()));
				return "redirect:/inventaire/achats";
			}
			catch (ProblemException e) {
				model.addAttribute("formError", e.getMessage());
				e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + " ; " + b));
			}
		}
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("formError")) {
			model.addAttribute("formError", message("inv.purchase.invalid"));
		}
		return purchases(user, model);
	}

	@PostMapping("/inventaire/achats/{id}/decision")
	String decide(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String comment,
			@AuthenticationPrincipal EntenteUser user, RedirectAttributes redirect) {
		try {
			purchases.decide(id, approved, comment, user);
			redirect.addFlashAttribute("message", message(approved ? "inv.purchase.approved" : "inv.purchase.rejected", id));
		}
		catch (ProblemException e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			String reason = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
			redirect.addFlashAttribute("message", message("inv.purchase.notDecided", id, reason));
		}
		return "redirect:/inventaire/achats";
	}

	private String text(org.springframework.validation.FieldError f) {
		return messages.getMessage(f, LocaleContextHolder.getLocale());
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
