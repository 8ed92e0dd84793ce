package org.entente.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.convention.Area;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.security.internal.IncidentAccess.View;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security pages: « Signaler un incident de sécurité » in plain words, the RSSI's board by status and
 * perimeter, the incident page (timeline, duties to inform, remediation plan), the breach page with its 48-hour
 * clock, the breach register. Errors are said next to their field; confidentiality as on the API (404).
 */
@Controller
class SecurityPageController {

	/** What happened, in the collège's words: the title it suggests, and whether personal data are likely at stake. */
	record Kind(String key, String label, String hint, String title, IncidentCategory category) {
	}

	static final List<Kind> KINDS = List.of(
			new Kind("message", "Un message suspect", "Un courriel, un SMS ou un appel qui demande un mot de passe, un paiement ou d'ouvrir une pièce jointe.", "Message suspect", IncidentCategory.PHISHING),
			new Kind("poste", "Un poste qui se comporte bizarrement", "Lent d'un coup, des fenêtres qui s'ouvrent seules, des fichiers renommés ou illisibles, l'antivirus qui alerte.", "Poste au comportement anormal", IncidentCategory.MALWARE),
			new Kind("donnees", "Des données perdues ou volées", "Une clé USB ou un ordinateur perdu, un fichier envoyé à la mauvaise personne, des fichiers disparus.", "Données perdues ou volées", IncidentCategory.DATA_LOSS),
			new Kind("compte", "Un compte utilisé par quelqu'un d'autre", "Des messages envoyés en votre nom, un mot de passe changé sans vous.", "Compte utilisé par un tiers", IncidentCategory.ACCOUNT_COMPROMISE),
			new Kind("contenu", "Un contenu choquant vu par des élèves", "Un site ou un contenu qui aurait dû être filtré.", "Contenu inapproprié vu par des élèves", IncidentCategory.MINORS_PROTECTION),
			new Kind("autre", "Autre chose", "Tout autre doute sur la sécurité.", "Incident de sécurité", IncidentCategory.OTHER));

	/** The components a collège meets most, first in the list. */
	static final List<String> COMMON = List.of("STATIONS_PEDAGOGIQUES", "STATIONS_ADMINISTRATIVES", "TABLETTES",
			"TOUTATICE_PORTAIL", "MYTOUTATICE", "SERVEUR_HORUS", "BORNES_WIFI", "ADDUCTION_INTERNET");

	record Option(String code, String label) {
	}

	record Group(String label, List<Option> options) {
	}

	record Row(IncidentStatus status, Map<String, List<Incident>> byColumn) {
	}

	private final IncidentService incidents;
	private final IncidentRepository repository;
	private final BreachService breaches;
	private final Conventions conventions;
	private final Establishments establishments;
	private final BreachRepository repositoryBreaches;

	SecurityPageController(IncidentService incidents, IncidentRepository repository, BreachService breaches,
			Conventions conventions, Establishments establishments, BreachRepository repositoryBreaches) {
		this.repositoryBreaches = repositoryBreaches;
		this.incidents = incidents;
		this.repository = repository;
		this.breaches = breaches;
		this.conventions = conventions;
		this.establishments = establishments;
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
			errors.put("kind", "Choisissez ce qui se passe.");
		}
		String component = blank(params.get("component"));
		if (component == null) {
			errors.put("component", "Choisissez sur quoi porte l'incident (« Je ne sais pas » convient).");
		}
		String description = blank(params.get("description"));
		if (description == null) {
			errors.put("description", "Décrivez ce que vous avez vu, même en quelques mots.");
		}
		else if (description.length() > 10_000) {
			errors.put("description", "10 000 caractères au plus.");
		}
		Instant detectedAt = null;
		try {
			String at = blank(params.get("detectedAt"));
			if (at == null) {
				errors.put("detectedAt", "Indiquez quand vous l'avez remarqué.");
			}
			else {
				detectedAt = LocalDateTime.parse(at).atZone(incidents.zone()).toInstant();
			}
		}
		catch (DateTimeParseException e) {
			errors.put("detectedAt", "Date et heure attendues, par exemple 14/03/2026 09:30.");
		}
		String personal = params.getOrDefault("personalData", "");
		if (!List.of("oui", "non", "nsp").contains(personal)) {
			errors.put("personalData", "Répondez oui, non ou je ne sais pas.");
		}
		String minors = params.getOrDefault("minors", "");
		boolean academy = "on".equals(params.get("academyLevel")) && user.role() != Role.SCHOOL_STAFF;
		String uai = user.role() == Role.SCHOOL_STAFF ? user.establishment() : blank(params.get("establishment"));
		if (uai == null && !academy) {
			errors.put("establishment", "Choisissez l'établissement, ou cochez « plusieurs établissements ou niveau académique ».");
		}
		if (!errors.isEmpty()) {
			return reportPage(user, model, form, errors);
		}
		String title = kind.title() + (params.get("title") == null || params.get("title").isBlank() ? "" : " : " + params.get("title").strip());
		try {
			Incident i = incidents.report(user, new IncidentService.NewIncident(uai == null ? List.of() : List.of(uai), academy,
					"NSP".equals(component) ? "STATIONS_PEDAGOGIQUES" : component, List.of(), null, null,
					title.length() > 200 ? title.substring(0, 200) : title, description, detectedAt,
					!"non".equals(personal), "oui".equals(minors) ? Boolean.TRUE : "non".equals(minors) ? Boolean.FALSE : null));
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
		groups.add(new Group("Le plus souvent", COMMON.stream().map(c -> convention.component(c).orElse(null))
			.filter(c -> c != null).map(c -> new Option(c.code(), c.label())).toList()));
		for (var d : convention.domains()) {
			if (d.area() == Area.POLICY) {
				continue;
			}
			groups.add(new Group(d.name(), d.components().stream().map(c -> new Option(c.code(), c.label())).toList()));
		}
		return groups;
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
		model.addAttribute("full", view == View.FULL);
		model.addAttribute("zone", incidents.zone());
		if (view == View.FULL) {
			model.addAttribute("informs", repository.informs(id));
			model.addAttribute("points", repository.points(id));
			model.addAttribute("actions", repository.actions(id));
			model.addAttribute("links", repository.links(id));
			model.addAttribute("events", repository.events(id));
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
		return repositoryBreaches.ofIncident(incidentId).orElse(null);
	}

	@PostMapping("/securite/incidents/{id}/etape")
	String step(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam Map<String, String> p,
			RedirectAttributes redirect) {
		try {
			IncidentStatus to = IncidentStatus.valueOf(p.getOrDefault("to", ""));
			List<IncidentService.NewAction> actions = new ArrayList<>();
			if (blank(p.get("actionDescription")) != null || blank(p.get("actionOwner")) != null || blank(p.get("actionDue")) != null) {
				actions.add(action(p));
			}
			incidents.transition(user, id, version(p), new IncidentService.Step(to, choice(IncidentCategory.class, p.get("category")),
					choice(Severity.class, p.get("severity")), p.get("personalDataBreach") == null ? null : "oui".equals(p.get("personalDataBreach")),
					null, blank(p.get("note")), actions, blank(p.get("lessonsLearned"))));
			redirect.addFlashAttribute("done", "L'incident est passé à l'étape « " + to.label() + " ».");
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			redirect.addFlashAttribute("errors", errorsOf(e));
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("errors", Map.of("to", "Étape inconnue."));
		}
		return "redirect:/securite/incidents/" + id;
	}

	@PostMapping("/securite/incidents/{id}/actions")
	String addAction(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam Map<String, String> p,
			RedirectAttributes redirect) {
		try {
			incidents.addAction(user, id, version(p), action(p));
			redirect.addFlashAttribute("done", "Action ajoutée au plan de remédiation.");
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			redirect.addFlashAttribute("errors", errorsOf(e));
		}
		return "redirect:/securite/incidents/" + id;
	}

	private static IncidentService.NewAction action(Map<String, String> p) {
		List<FieldProblem> problems = new ArrayList<>();
		String description = blank(p.get("actionDescription"));
		String owner = blank(p.get("actionOwner"));
		LocalDate due = null;
		if (description == null || description.length() > 2000) {
			problems.add(new FieldProblem("actionDescription", "Décrivez l'action (2 000 caractères au plus)."));
		}
		if (owner == null || owner.length() > 200) {
			problems.add(new FieldProblem("actionOwner", "Nommez qui la mène (200 caractères au plus)."));
		}
		try {
			due = LocalDate.parse(p.getOrDefault("actionDue", ""));
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem("actionDue", "Indiquez l'échéance (une date)."));
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

	@GetMapping("/securite/violations")
	String register(@AuthenticationPrincipal EntenteUser user, Model model) {
		Instant now = breaches.now();
		model.addAttribute("breaches", breaches.register(user, 0, 500).stream().limit(500).toList());
		model.addAttribute("now", now);
		model.addAttribute("zone", breaches.zone());
		return "security/breaches";
	}

	@GetMapping("/securite/violations/registre.csv")
	ResponseEntity<byte[]> registerCsv(@AuthenticationPrincipal EntenteUser user) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		BreachRegisterExport.csv(breaches.register(user, 0, 100_000), breaches.zone(), breaches.now(), out);
		return file(out.toByteArray(), "registre-violations.csv", org.entente.common.CsvWriter.MEDIA_TYPE);
	}

	@GetMapping("/securite/violations/registre.xlsx")
	ResponseEntity<byte[]> registerXlsx(@AuthenticationPrincipal EntenteUser user) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		BreachRegisterExport.xlsx(breaches.register(user, 0, 100_000), breaches.zone(), breaches.now(), out);
		return file(out.toByteArray(), "registre-violations.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	private static ResponseEntity<byte[]> file(byte[] content, String name, String type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(MediaType.parseMediaType(type))
			.body(content);
	}

	@GetMapping("/securite/violations/{id}")
	String breach(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		Breach b = breaches.get(user, id);
		Instant now = breaches.now();
		model.addAttribute("breach", b);
		model.addAttribute("zone", breaches.zone());
		model.addAttribute("late", b.late(now));
		Duration left = b.notifiedAt() == null ? Duration.between(now, b.notifyBy()) : Duration.ZERO;
		model.addAttribute("hoursLeft", Math.abs(left.toHours()));
		model.addAttribute("minutesLeft", Math.abs(left.toMinutesPart()));
		Duration elapsed = b.elapsed(now);
		model.addAttribute("elapsedHours", elapsed.toHours());
		model.addAttribute("elapsedMinutes", elapsed.toMinutesPart());
		model.addAttribute("within", breaches.rules().within().toHours());
		model.addAttribute("rules", breaches.rules());
		model.addAttribute("mail", breaches.notificationText(b));
		model.addAttribute("attachments", breaches.attachments(b));
		model.addAttribute("reminders", breaches.reminders(b));
		model.addAttribute("canNotify", user.role() == Role.DPO && b.notifiedAt() == null);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "security/breach";
	}

	@PostMapping("/securite/violations/{id}/notification")
	String notifyAcademy(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestParam(required = false) String lateReason,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws IOException {
		List<BreachService.Attachment> attachments = new ArrayList<>();
		for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
			if (!f.isEmpty()) {
				attachments.add(new BreachService.Attachment(BreachApiController.filename(f.getOriginalFilename()),
						f.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : f.getContentType(), f.getBytes()));
			}
		}
		try {
			breaches.notifyAcademy(user, id, lateReason, attachments);
			redirect.addFlashAttribute("done", "Notification envoyée à " + breaches.rules().to() + ".");
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(f -> errors.put(f.field().startsWith("files") ? "files" : f.field(), f.message()));
			redirect.addFlashAttribute("errors", errors);
		}
		return "redirect:/securite/violations/" + id;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
