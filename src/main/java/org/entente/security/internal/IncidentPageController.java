package org.entente.security.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.common.FieldProblem;
import org.entente.common.Labels;
import org.entente.common.ProblemException;
import org.entente.common.StoredTexts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.security.internal.IncidentAccess.View;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The RSSI's board by status and perimeter, and the incident page: timeline, duties to inform, remediation plan,
 * the next steps its handler may take. Confidentiality as on the API (404 outside the need to know).
 */
@Controller
class IncidentPageController {

	record Row(IncidentStatus status, Map<String, List<Incident>> byColumn) {
	}

	private final IncidentService incidents;
	private final IncidentRepository repository;
	private final BreachRepository breaches;
	private final RemediationPlan plan;
	private final MessageSource messages;
	private final StoredTexts texts;

	IncidentPageController(IncidentService incidents, IncidentRepository repository, BreachRepository breaches,
			RemediationPlan plan, MessageSource messages) {
		this.messages = messages;
		this.texts = new StoredTexts(messages);
		this.plan = plan;
		this.incidents = incidents;
		this.repository = repository;
		this.breaches = breaches;
	}

	@GetMapping("/securite/incidents")
	String board(@AuthenticationPrincipal EntenteUser user, Model model) {
		List<Incident> visible = incidents.list(user, null, null, 0, 500);
		List<Incident> full = visible.stream().filter(i -> incidents.view(user, i) == View.FULL).toList();
		List<Incident> mine = visible.stream().filter(i -> i.reportedBy().equals(user.getUsername())).toList();
		List<Row> rows = new ArrayList<>();
		for (IncidentStatus s : IncidentStatus.values()) {
			Map<String, List<Incident>> byColumn = new LinkedHashMap<>();
			for (String column : List.of("ACA", "CD", "POINT")) {
				byColumn.put(column, full.stream().filter(i -> i.status() == s).filter(i -> column.equals(column(i))).toList());
			}
			rows.add(new Row(s, byColumn));
		}
		model.addAttribute("rows", rows);
		// Each title in the reader's language (an incident reported before V51: its French).
		Map<Long, String> words = repository.titleWords(visible.stream().map(Incident::id).toList());
		model.addAttribute("titles", visible.stream().collect(java.util.stream.Collectors.toMap(Incident::id,
				i -> texts.shown(i.title(), words.get(i.id())), (a, b) -> a)));
		model.addAttribute("zone", incidents.zone());
		model.addAttribute("staff", !full.isEmpty() || user.role() == Role.RSSI || IncidentAccess.staffParty(user) != null || user.role() == Role.DPO);
		model.addAttribute("mine", mine);
		model.addAttribute("canReport", IncidentAccess.REPORTERS.contains(user.role()));
		model.addAttribute("breachReader", BreachService.READERS.contains(user.role()));
		return "security/board";
	}

	private String column(Incident i) {
		return repository.hasPoints(i.id()) ? "POINT" : i.handledBy();
	}

	@GetMapping("/securite/incidents/{id}")
	String incident(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		Incident i = incidents.get(user, id);
		View view = incidents.view(user, i);
		model.addAttribute("incident", i);
		// The default title and the decision in the reader's language (an incident reported before V51: its French).
		IncidentRepository.Words words = repository.words(id);
		model.addAttribute("incidentTitle", texts.shown(i.title(), words.title()));
		model.addAttribute("explanation", texts.shown(i.explanation(), words.explanation()));
		model.addAttribute("full", view == View.FULL);
		model.addAttribute("zone", incidents.zone());
		if (view == View.FULL) {
			model.addAttribute("informs", repository.informs(id));
			model.addAttribute("points", repository.points(id));
			model.addAttribute("actions", repository.actions(id));
			model.addAttribute("links", repository.links(id));
			model.addAttribute("events", repository.events(id).stream().map(e -> e.shown(texts.shown(e.text(), e.textWords()))).toList());
			boolean canHandle = IncidentAccess.canHandle(user, i, repository.hasPoints(id));
			model.addAttribute("canHandle", canHandle);
			model.addAttribute("next", canHandle ? i.status().next() : List.of());
			model.addAttribute("rssi", user.role() == Role.RSSI);
			model.addAttribute("categories", IncidentCategory.values());
			model.addAttribute("severities", Severity.values());
			model.addAttribute("breach", breachOf(id));
			model.addAttribute("today", LocalDate.now(incidents.zone()));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "security/incident";
	}

	private Breach breachOf(long incidentId) {
		return breaches.ofIncident(incidentId).orElse(null);
	}

	@PostMapping("/securite/incidents/{id}/etape")
	String step(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam Map<String, String> p,
			RedirectAttributes redirect) {
		try {
			IncidentStatus to = IncidentStatus.valueOf(p.getOrDefault("to", ""));
			List<IncidentService.NewAction> actions = new ArrayList<>();
			if (IncidentReportPageController.blank(p.get("actionDescription")) != null || IncidentReportPageController.blank(p.get("actionOwner")) != null || IncidentReportPageController.blank(p.get("actionDue")) != null) {
				actions.add(action(p));
			}
			incidents.transition(user, id, version(p), new IncidentService.Step(to, choice(IncidentCategory.class, p.get("category")),
					choice(Severity.class, p.get("severity")), p.get("personalDataBreach") == null ? null : "oui".equals(p.get("personalDataBreach")),
					null, IncidentReportPageController.blank(p.get("note")), actions, IncidentReportPageController.blank(p.get("lessonsLearned"))));
			redirect.addFlashAttribute("done", text("sec.incident.done.step", new Labels(messages).of(to)));
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			redirect.addFlashAttribute("errors", errorsOf(e));
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("errors", Map.of("to", text("sec.incident.error.step")));
		}
		return "redirect:/securite/incidents/" + id;
	}

	@PostMapping("/securite/incidents/{id}/actions")
	String addAction(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam Map<String, String> p,
			RedirectAttributes redirect) {
		try {
			plan.addAction(user, id, version(p), action(p));
			redirect.addFlashAttribute("done", text("sec.incident.done.action"));
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			redirect.addFlashAttribute("errors", errorsOf(e));
		}
		return "redirect:/securite/incidents/" + id;
	}

	/** A text of the security bundles in the page's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
	}

	private IncidentService.NewAction action(Map<String, String> p) {
		List<FieldProblem> problems = new ArrayList<>();
		String description = IncidentReportPageController.blank(p.get("actionDescription"));
		String owner = IncidentReportPageController.blank(p.get("actionOwner"));
		LocalDate due = null;
		if (description == null || description.length() > 2000) {
			problems.add(new FieldProblem("actionDescription", text("sec.incident.error.actionDescription")));
		}
		if (owner == null || owner.length() > 200) {
			problems.add(new FieldProblem("actionOwner", text("sec.incident.error.actionOwner")));
		}
		try {
			due = LocalDate.parse(p.getOrDefault("actionDue", ""));
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem("actionDue", text("sec.incident.error.actionDue")));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return new IncidentService.NewAction(description, owner, due);
	}

	private static int version(Map<String, String> p) {
		try {
			return Integer.parseInt(p.getOrDefault("version", ""));
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid("version", "Version de la fiche manquante : rechargez la page.");
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Map<String, String> errorsOf(ProblemException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.errors().forEach(f -> errors.put(f.field().startsWith("actions[") ? "action" + capitalize(f.field().replaceAll(".*\\.", "")) : f.field(), f.message()));
		return errors;
	}

	private static String capitalize(String s) {
		String name = s.equals("dueDate") ? "due" : s;
		return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}
}
