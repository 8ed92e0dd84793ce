package org.entente.security.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.convention.Area;
import org.entente.convention.ConventionLabels;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Signaler un incident de sécurité » in plain words: what happened in the collège's terms, on what, since when,
 * whether personal data or pupils are at stake. Errors are said next to their field.
 */
@Controller
class IncidentReportPageController {

	/**
	 * What happened, in the collège's words ({@code sec.report.kind.<key>} and {@code .hint} in the security bundles):
	 * the title it gives the incident (French, the register's), and its category.
	 */
	record Kind(String key, String title, IncidentCategory category) {
	}

	static final List<Kind> KINDS = List.of(
			new Kind("message", "Message suspect", IncidentCategory.PHISHING),
			new Kind("poste", "Poste au comportement anormal", IncidentCategory.MALWARE),
			new Kind("donnees", "Données perdues ou volées", IncidentCategory.DATA_LOSS),
			new Kind("compte", "Compte utilisé par un tiers", IncidentCategory.ACCOUNT_COMPROMISE),
			new Kind("contenu", "Contenu inapproprié vu par des élèves", IncidentCategory.MINORS_PROTECTION),
			new Kind("autre", "Incident de sécurité", IncidentCategory.OTHER));

	/** The components a collège meets most, first in the list. */
	static final List<String> COMMON = List.of("STATIONS_PEDAGOGIQUES", "STATIONS_ADMINISTRATIVES", "TABLETTES",
			"TOUTATICE_PORTAIL", "MYTOUTATICE", "SERVEUR_HORUS", "BORNES_WIFI", "ADDUCTION_INTERNET");

	record Option(String code, String label) {
	}

	record Group(String label, List<Option> options) {
	}

	private final IncidentService incidents;
	private final Conventions conventions;
	private final Establishments establishments;
	private final ConventionLabels labels;
	private final MessageSource messages;

	IncidentReportPageController(IncidentService incidents, Conventions conventions, Establishments establishments,
			ConventionLabels labels, MessageSource messages) {
		this.incidents = incidents;
		this.conventions = conventions;
		this.establishments = establishments;
		this.labels = labels;
		this.messages = messages;
	}

	@GetMapping("/securite/signaler")
	String reportForm(@AuthenticationPrincipal EntenteUser user, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("detectedAt", LocalDateTime.now(incidents.zone()).truncatedTo(ChronoUnit.MINUTES).toString());
		form.put("personalData", "");
		return reportPage(user, model, form, Map.of());
	}

	@PostMapping("/securite/signaler")
	String report(@AuthenticationPrincipal EntenteUser user, @RequestParam Map<String, String> params, Model model) {
		Map<String, String> form = new LinkedHashMap<>(params);
		form.remove("_csrf");
		Map<String, String> errors = new LinkedHashMap<>();
		Kind kind = KINDS.stream().filter(k -> k.key().equals(params.get("kind"))).findFirst().orElse(null);
		if (kind == null) {
			errors.put("kind", text("sec.report.error.kind"));
		}
		String component = blank(params.get("component"));
		if (component == null) {
			errors.put("component", text("sec.report.error.component"));
		}
		String description = blank(params.get("description"));
		if (description == null) {
			errors.put("description", text("sec.report.error.description"));
		}
		else if (description.length() > 10_000) {
			errors.put("description", text("sec.report.error.descriptionLength"));
		}
		Instant detectedAt = null;
		try {
			String at = blank(params.get("detectedAt"));
			if (at == null) {
				errors.put("detectedAt", text("sec.report.error.detectedAt"));
			}
			else {
				detectedAt = LocalDateTime.parse(at).atZone(incidents.zone()).toInstant();
			}
		}
		catch (DateTimeParseException e) {
			errors.put("detectedAt", text("sec.report.error.detectedAtFormat"));
		}
		String personal = params.getOrDefault("personalData", "");
		if (!List.of("oui", "non", "nsp").contains(personal)) {
			errors.put("personalData", text("sec.report.error.personalData"));
		}
		String minors = params.getOrDefault("minors", "");
		boolean academy = "on".equals(params.get("academyLevel")) && user.role() != Role.SCHOOL_STAFF;
		String uai = user.role() == Role.SCHOOL_STAFF ? user.establishment() : blank(params.get("establishment"));
		if (uai == null && !academy) {
			errors.put("establishment", text("sec.report.error.establishment"));
		}
		if (!errors.isEmpty()) {
			return reportPage(user, model, form, errors);
		}
		String given = params.get("title") == null || params.get("title").isBlank() ? null : params.get("title").strip();
		String title = kind.title() + (given == null ? "" : " : " + given);
		StoredText kindWords = StoredText.message("sec.incident.kind." + kind.key());
		StoredText titleWords = title.length() > 200 ? null : given == null ? kindWords : StoredText.message("sec.incident.titled", kindWords, given);
		try {
			Incident i = incidents.report(user, new IncidentService.NewIncident(uai == null ? List.of() : List.of(uai), academy,
					"NSP".equals(component) ? "STATIONS_PEDAGOGIQUES" : component, List.of(), null, null,
					title.length() > 200 ? title.substring(0, 200) : title, description, detectedAt,
					!"non".equals(personal), "oui".equals(minors) ? Boolean.TRUE : "non".equals(minors) ? Boolean.FALSE : null),
					titleWords);
			return "redirect:/securite/incidents/" + i.id() + "?signale";
		}
		catch (ProblemException e) {
			for (FieldProblem p : e.errors()) {
				String field = p.field().startsWith("establishments") ? "establishment" : p.field();
				errors.put(field, p.message());
			}
			if (errors.isEmpty()) {
				throw e;
			}
			return reportPage(user, model, form, errors);
		}
	}

	private String reportPage(EntenteUser user, Model model, Map<String, String> form, Map<String, String> errors) {
		if (!IncidentAccess.REPORTERS.contains(user.role())) {
			throw ProblemException.forbidden("Votre rôle ne permet pas de signaler un incident de sécurité.");
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", KINDS);
		model.addAttribute("staff", user.role() == Role.SCHOOL_STAFF);
		model.addAttribute("establishments", establishments.findAll());
		model.addAttribute("groups", groups());
		return "security/report";
	}

	private List<Group> groups() {
		var convention = conventions.current();
		List<Group> groups = new ArrayList<>();
		groups.add(new Group(text("sec.report.where.common"), COMMON.stream().map(c -> convention.component(c).orElse(null))
			.filter(c -> c != null).map(c -> new Option(c.code(), labels.component(c))).toList()));
		for (var d : convention.domains()) {
			if (d.area() == Area.POLICY) {
				continue;
			}
			groups.add(new Group(labels.domain(d), d.components().stream().map(c -> new Option(c.code(), labels.component(c))).toList()));
		}
		return groups;
	}

	/** A text of the security bundles in the page's language. */
	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
