package org.entente.policy.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entente.common.FieldReader;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of what the Académie validates (changes of use, services outside the trust framework) and of the BYOD
 * board decision: each list with the form of the one who may ask, each request with the Académie's answer form.
 */
@Controller
class ValidationPageController {

	private final Validations validations;
	private final Byod byod;
	private final PolicyRows rows;
	private final MessageSource messages;

	ValidationPageController(Validations validations, Byod byod, PolicyRows rows, MessageSource messages) {
		this.messages = messages;
		this.validations = validations;
		this.byod = byod;
		this.rows = rows;
	}

	@GetMapping("/politiques/validations")
	String list(@AuthenticationPrincipal EntenteUser user, Model model) {
		return list(user, model, Map.of(), Map.of());
	}

	@PostMapping("/politiques/validations")
	String submit(@AuthenticationPrincipal EntenteUser user, @RequestParam Map<String, String> params, Model model) {
		Map<String, String> form = FormErrors.form(params);
		// The kind follows from who asks, as the annex says: the Département for its services, a collège for itself.
		Validations.Kind kind = submittable(user);
		if (kind == null) {
			throw ProblemException.forbidden("Un agent du Département soumet un changement d'usage ; un compte du collège demande un service hors cadre de confiance.");
		}
		form.put("kind", kind.name());
		try {
			Validations.Validation v = ValidationApiController.submit(validations, user, FieldReader.ofTexts(form::get));
			return "redirect:/politiques/validations/" + v.id() + "?soumise";
		}
		catch (ProblemException e) {
			return list(user, model, form, FormErrors.of(e));
		}
	}

	@GetMapping("/politiques/validations/{id}")
	String show(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		return show(user, id, model, Map.of(), Map.of());
	}

	@PostMapping("/politiques/validations/{id}/reponse")
	String answer(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model) {
		try {
			ValidationApiController.answer(validations, user, id, FieldReader.ofTexts(params::get));
			return "redirect:/politiques/validations/" + id + "?repondue";
		}
		catch (ProblemException e) {
			return show(user, id, model, FormErrors.form(params), FormErrors.of(e));
		}
	}

	@GetMapping("/politiques/byod")
	String byod(@AuthenticationPrincipal EntenteUser user, Model model) {
		return byod(user, model, Map.of(), Map.of(), null);
	}

	@PostMapping("/politiques/byod/decision")
	String decide(@AuthenticationPrincipal EntenteUser user, @RequestParam Map<String, String> params, Model model) {
		try {
			ByodApiController.record(byod, user, FieldReader.ofTexts(params::get));
			return "redirect:/politiques/byod?decision";
		}
		catch (ProblemException e) {
			return byod(user, model, FormErrors.form(params), FormErrors.of(e), null);
		}
	}

	@PostMapping("/politiques/byod/ouverture")
	String open(@AuthenticationPrincipal EntenteUser user, @RequestParam(name = "confirm", required = false) String confirm, Model model) {
		if (!"oui".equals(confirm)) {
			// The form's button sends it: a bare POST (a replayed or forged request) opens nothing.
			return byod(user, model, Map.of(), Map.of(), messages.getMessage("policy.byod.error.unconfirmed", null, LocaleContextHolder.getLocale()));
		}
		try {
			byod.requestOpening(user);
			return "redirect:/politiques/byod?ouverture";
		}
		catch (ProblemException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			// The refusal is the page's answer: the annex's reason, shown where the request was made.
			return byod(user, model, Map.of(), Map.of(), e.getMessage());
		}
	}

	private static Validations.Kind submittable(EntenteUser user) {
		if (user == null) {
			return null;
		}
		return user.role() == Role.CD_AGENT ? Validations.Kind.USE_CHANGE : user.role() == Role.SCHOOL_STAFF ? Validations.Kind.OUTSIDE_TRUST : null;
	}

	private String list(EntenteUser user, Model model, Map<String, String> form, Map<String, String> errors) {
		Map<Validations.Kind, java.util.List<Validations.Validation>> byKind = new LinkedHashMap<>();
		for (Validations.Kind k : Validations.Kind.values()) {
			byKind.put(k, validations.list(k));
		}
		model.addAttribute("byKind", byKind);
		model.addAttribute("submittable", submittable(user));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", zone());
		return "policy/validations";
	}

	private String show(EntenteUser user, long id, Model model, Map<String, String> form, Map<String, String> errors) {
		Validations.Validation v = validations.get(id);
		model.addAttribute("v", v);
		model.addAttribute("canAnswer", user != null && user.role() == Role.ACA_AGENT && "PENDING".equals(v.status()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", zone());
		return "policy/validation";
	}

	private String byod(EntenteUser user, Model model, Map<String, String> form, Map<String, String> errors, String refusal) {
		String uai = user == null ? null : user.establishment();
		boolean college = user != null && user.role() == Role.SCHOOL_STAFF && uai != null;
		model.addAttribute("college", college);
		model.addAttribute("decision", college ? byod.latest(uai).orElse(null) : null);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		return "policy/byod";
	}

	private java.time.ZoneId zone() {
		return java.time.ZoneId.of(rows.convention().calendar().zone());
	}
}
