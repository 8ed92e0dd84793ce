package org.entente.helpdesk.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.inventory.Assets;
import org.entente.inventory.Spares;

import org.entente.convention.Component;
import org.entente.convention.Conventions;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.WaitingReason;
import org.entente.worktime.Criticality;
import org.entente.worktime.WorkTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The desk's pages: «Signaler un problème» in the collège's words, the queues with their clock chips, filters,
 * saved filters and CSV export, the ticket page with timeline, routing, clocks and actions, the satisfaction survey.
 */
@Controller
class TicketPageController {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH);
	private static final int PAGE_SIZE = 25;

	private final TicketService service;
	private final TicketRepository tickets;
	private final Conventions conventions;
	private final Establishments establishments;
	private final Accounts accounts;
	private final ClockChips chips;
	private final WorkTime workTime;
	private final Spares spares;
	private final Assets assets;

	TicketPageController(TicketService service, TicketRepository tickets, Conventions conventions,
			Establishments establishments, Accounts accounts, ClockChips chips, WorkTime workTime, Spares spares,
			Assets assets) {
		this.spares = spares;
		this.assets = assets;
		this.service = service;
		this.tickets = tickets;
		this.conventions = conventions;
		this.establishments = establishments;
		this.accounts = accounts;
		this.chips = chips;
		this.workTime = workTime;
	}

	/** Formats instants for the pages, in the convention calendar's zone. */
	record Dates(ZoneId zone) {

		public String format(Instant i) {
			return i == null ? "" : WHEN.format(i.atZone(zone));
		}
	}

	@org.springframework.web.bind.annotation.ModelAttribute("dates")
	Dates dates() {
		return new Dates(workTime.calendar().zone());
	}

	// Reporting

	@GetMapping("/signaler")
	String reportForm(@AuthenticationPrincipal EntenteUser user, @RequestParam(required = false) String q, Model model) {
		prepareReport(user, q, model);
		return "helpdesk/report";
	}

	@GetMapping("/signaler/composants")
	String searchComponents(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("results", search(q));
		model.addAttribute("q", q);
		return "helpdesk/report :: results";
	}

	@PostMapping("/signaler")
	String report(@AuthenticationPrincipal EntenteUser user, @RequestParam(required = false) String problem,
			@RequestParam(required = false) String component, @RequestParam(required = false) InterventionKind intervention,
			@RequestParam(required = false) String establishment, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(defaultValue = "false") boolean dataInvolved,
			@RequestParam(required = false) String assetId, @RequestParam(required = false) MultipartFile file, Model model)
			throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		String code = null;
		InterventionKind kind = intervention;
		Network network = null;
		var choice = ProblemChoices.find(problem == null ? "" : problem);
		if (choice.isPresent()) {
			code = choice.get().component();
			kind = choice.get().intervention();
			network = choice.get().network();
		}
		else if ("autre".equals(problem) && component != null && !component.isBlank()) {
			code = component;
			kind = kind == null ? InterventionKind.REPAIR : kind;
		}
		else {
			errors.put("problem", "Choisissez ce qui ne va pas (ou « autre chose » puis un élément trouvé).");
		}
		if (title == null || title.isBlank()) {
			errors.put("title", "Donnez un titre court.");
		}
		else if (title.length() > 200) {
			errors.put("title", "200 caractères au plus.");
		}
		if (description == null || description.isBlank()) {
			errors.put("description", "Décrivez ce qui se passe.");
		}
		else if (description.length() > 10_000) {
			errors.put("description", "10 000 caractères au plus.");
		}
		String uai = user.role() == Role.SCHOOL_STAFF ? user.establishment() : establishment;
		if (uai == null || uai.isBlank()) {
			errors.put("establishment", "Choisissez l'établissement.");
		}
		String asset = TicketService.blank(assetId);
		if (asset != null && uai != null && !uai.isBlank()) {
			try {
				String assetComponent = service.asset(uai, asset).orElseThrow().component();
				if (code != null && !code.equals(assetComponent)) {
					errors.put("assetId", "Cet équipement n'est pas du type choisi : choisissez-en un autre ou aucun.");
				}
			}
			catch (HelpdeskException e) {
				errors.put("assetId", e.getMessage());
			}
		}
		if (errors.isEmpty()) {
			try {
				Ticket t = service.open(user, new TicketService.NewTicket(uai, title, description, code, kind, network, null,
						null, null, dataInvolved, asset, null)).ticket();
				if (file != null && !file.isEmpty()) {
					try {
						service.attach(user, t.id(), file.getOriginalFilename(), file.getBytes());
					}
					catch (HelpdeskException e) {
						return "redirect:/tickets/" + t.id() + "?piece=refusee";
					}
				}
				return "redirect:/tickets/" + t.id();
			}
			catch (HelpdeskException e) {
				// Next to the field the service names; its « component » is the form's « problem ».
				String field = field(e, String.valueOf(e.properties().getOrDefault("field", "establishment")));
				errors.put("component".equals(field) ? "problem" : field, e.getMessage());
			}
			catch (org.entente.convention.UnknownComponentException e) {
				errors.put("problem", e.getMessage());
			}
		}
		prepareReport(user, null, model);
		model.addAttribute("errors", errors);
		model.addAttribute("form", Map.of("problem", problem == null ? "" : problem, "title", title == null ? "" : title,
				"description", description == null ? "" : description, "establishment", uai == null ? "" : uai,
				"assetId", assetId == null ? "" : assetId));
		return "helpdesk/report";
	}

	private void prepareReport(EntenteUser user, String q, Model model) {
		model.addAttribute("choices", ProblemChoices.ALL);
		model.addAttribute("kinds", List.of(InterventionKind.REPAIR, InterventionKind.ASSISTANCE,
				InterventionKind.INSTALLATION, InterventionKind.SUPPLY));
		model.addAttribute("establishments", establishments.findAll().stream().filter(e -> e.kind().coveredByConvention()).toList());
		model.addAttribute("staff", user.role() == Role.SCHOOL_STAFF);
		model.addAttribute("assetGroups", user.role() != Role.SCHOOL_STAFF ? List.of() : assetGroups(user.establishment()));
		model.addAttribute("q", q);
		model.addAttribute("results", search(q));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("form", Map.of("problem", q == null ? "" : "autre", "title", "", "description", "",
					"establishment", "", "assetId", ""));
		}
	}

	/** The collège's assets, grouped by the kinds of problem it can report, to name the one concerned. */
	record AssetGroup(String label, List<org.entente.inventory.Asset> assets) {
	}

	private List<AssetGroup> assetGroups(String uai) {
		return assetGroups(uai, ProblemChoices.ALL.stream().map(ProblemChoices.Choice::component).toList());
	}

	/** The establishment's assets of these components, one group per component that has some. */
	private List<AssetGroup> assetGroups(String uai, List<String> components) {
		return components.stream().distinct()
			.map(code -> new AssetGroup(conventions.current().component(code).map(Component::label).orElse(code),
					assets.ofComponent(uai, code, 100)))
			.filter(g -> !g.assets().isEmpty())
			.toList();
	}

		private List<Component> search(String q) {
		return q == null || q.isBlank() ? List.of() : conventions.search(q).stream().limit(8).toList();
	}

	// Lists

	@GetMapping("/tickets")
	String list(@AuthenticationPrincipal EntenteUser user, TicketFilterForm f, Model model) {
		TicketQuery query = f.query();
		int page = Math.max(0, f.pageNumber());
		List<Ticket> rows = service.list(user, query, page, PAGE_SIZE);
		boolean hasNext = rows.size() > PAGE_SIZE;
		rows = rows.stream().limit(PAGE_SIZE).toList();
		model.addAttribute("tickets", rows);
		model.addAttribute("chips", chips.forTickets(rows.stream().map(Ticket::id).toList(), Instant.now()));
		model.addAttribute("filter", f);
		model.addAttribute("queryString", query.queryString());
		model.addAttribute("page", page);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("criticalities", Criticality.values());
		model.addAttribute("parties", conventions.current().parties());
		model.addAttribute("saved", tickets.savedFilters(user.getUsername()));
		model.addAttribute("queues", queues(user));
		return "helpdesk/list";
	}

	/**
	 * The queues of this account: the team's own work first. Each query is written in the order of
	 * {@link TicketQuery#queryString()}, so that the list marks the queue it shows as current.
	 */
	private List<Map.Entry<String, String>> queues(EntenteUser user) {
		List<Map.Entry<String, String>> q = new ArrayList<>();
		switch (user.role()) {
			case ADMIN, LEVEL1_AGENT -> {
				q.add(Map.entry("File du niveau 1", "level=1&openOnly=true"));
				q.add(Map.entry("Niveau 2 — CD", "party=CD&level=2&openOnly=true"));
				q.add(Map.entry("Niveau 2 — ACA", "party=ACA&level=2&openOnly=true"));
			}
			case CD_AGENT, ACA_AGENT -> {
				q.add(Map.entry("File de l'équipe " + user.party() + " (niveau 2)", "party=" + user.party() + "&level=2&openOnly=true"));
				q.add(Map.entry("Incidents critiques en cours", "criticality=CRITICAL&openOnly=true"));
			}
			case CONTRACTOR -> q.add(Map.entry("Mes interventions", "assignee=" + user.getUsername() + "&openOnly=true"));
			default -> q.add(Map.entry("Tickets en cours", "openOnly=true"));
		}
		q.add(Map.entry("Délais menacés", "sla=AT_RISK&openOnly=true"));
		q.add(Map.entry("Délais dépassés", "sla=BREACHED"));
		return q;
	}

	@PostMapping("/tickets/filtres")
	String saveFilter(@AuthenticationPrincipal EntenteUser user, @RequestParam String name, @RequestParam String query) {
		String n = name == null ? "" : name.trim();
		if (!n.isEmpty() && n.length() <= 100 && query.length() <= 1000) {
			tickets.saveFilter(user.getUsername(), n, query);
		}
		return "redirect:/tickets" + (query.isBlank() ? "" : "?" + query);
	}

	@PostMapping("/tickets/filtres/{id}/suppression")
	String deleteFilter(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		tickets.deleteFilter(user.getUsername(), id);
		return "redirect:/tickets";
	}

	/** CSV for French spreadsheets: UTF-8 with BOM, «;» separator, at most 50,000 rows. */
	@GetMapping("/tickets/export.csv")
	void export(@AuthenticationPrincipal EntenteUser user, TicketFilterForm f, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"tickets.csv\"");
		ZoneId zone = workTime.calendar().zone();
		try (PrintWriter out = new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
			out.write('\uFEFF');
			out.print("Numéro;Type;Établissement;Titre;Composant;Intervention;Statut;Criticité;Classe de priorité;Parties;À arbitrer;Niveau;Délais;Renvois;Ouvert le;Résolu le\r\n");
			int page = 0;
			List<Ticket> rows;
			do {
				rows = service.list(user, f.query(), page, 1000);
				for (Ticket t : rows.stream().limit(1000).toList()) {
					out.print(String.join(";", List.of(t.number(), t.kind().label(), t.establishment(), csv(t.title()),
							t.component(), t.intervention().label(), t.status().label(), t.criticality().label(),
							t.priorityClass() == null ? "" : t.priorityClass().toString(), String.join(" ", t.parties()),
							t.toArbitrate() ? "oui" : "non", String.valueOf(t.level()), t.slaState(),
							String.valueOf(t.handBacks()), WHEN.format(t.openedAt().atZone(zone)),
							t.resolvedAt() == null ? "" : WHEN.format(t.resolvedAt().atZone(zone)))) + "\r\n");
				}
				page++;
			}
			while (rows.size() > 1000 && page < 50);
		}
	}

	static String csv(String s) {
		String v = s == null ? "" : s;
		if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v; // no formula injection in spreadsheets
		}
		return v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
	}

	// The ticket page

	@GetMapping("/tickets/{id}")
	String ticket(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		Ticket t = service.get(user, id);
		model.addAttribute("t", t);
		model.addAttribute("clocks", service.clocks(t));
		model.addAttribute("events", service.events(t));
		model.addAttribute("comments", service.comments(t));
		model.addAttribute("attachments", service.attachments(t));
		model.addAttribute("satisfaction", service.satisfaction(t).orElse(null));
		model.addAttribute("establishment", establishments.find(t.establishment()).orElse(null));
		model.addAttribute("component", conventions.current().component(t.component()).orElse(null));
		var asset = service.namedAsset(t).orElse(null);
		model.addAttribute("asset", asset);
		if (asset != null) {
			java.time.LocalDate today = java.time.LocalDate.now(workTime.calendar().zone());
			model.addAttribute("underWarranty", asset.underWarranty(today));
			model.addAttribute("spare", spares.availableFor(asset.uai(), asset.component()));
			String location = java.util.stream.Stream.of(asset.data().building(), asset.data().room(), asset.data().socket())
				.filter(x -> x != null && !x.isBlank()).collect(java.util.stream.Collectors.joining(" · "));
			model.addAttribute("assetLocation", location.isEmpty() ? "—" : location);
		}
		model.addAttribute("next", t.status().next());
		model.addAttribute("waitingReasons", WaitingReason.values());
		model.addAttribute("criticalities", Criticality.values());
		model.addAttribute("kinds", InterventionKind.values());
		model.addAttribute("networks", Network.values());
		model.addAttribute("fundings", Funding.values());
		model.addAttribute("zone", workTime.calendar().zone());
		model.addAttribute("isDesk", user.role() == Role.ADMIN || user.role() == Role.LEVEL1_AGENT);
		model.addAttribute("isAgent", TicketService.isAgent(user));
		model.addAttribute("isPartyAgent", (user.role() == Role.CD_AGENT || user.role() == Role.ACA_AGENT) && t.routedTo(user.party()));
		model.addAttribute("canSurvey", (t.status() == TicketStatus.CLOSED || t.status() == TicketStatus.RESOLVED)
				&& (user.getUsername().equals(t.requester()) || user.role() == Role.SCHOOL_STAFF));
		model.addAttribute("contractors", TicketService.isAgent(user)
				? accounts.enabledAmong(List.of(), List.of(Role.CONTRACTOR), null) : List.of());
		model.addAttribute("assetGroups", TicketService.isAgent(user) ? classifiableAssets(t, asset) : List.of());
		if (!model.containsAttribute("classifyErrors")) {
			model.addAttribute("classifyErrors", Map.of());
		}
		if (!model.containsAttribute("classifyForm")) {
			model.addAttribute("classifyForm", Map.of("component", t.component() == null ? "" : t.component(), "assetId", t.assetId() == null ? "" : t.assetId()));
		}
		return "helpdesk/ticket";
	}

	@PostMapping("/tickets/{id}/transition")
	String transition(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) TicketStatus to, @RequestParam(required = false) String reason,
			@RequestParam(required = false) WaitingReason waitingReason,
			@RequestParam(defaultValue = "false") boolean degraded, @RequestParam(required = false) String temporarySolution,
			RedirectAttributes flash) {
		return act(id, flash, "Statut mis à jour.", () -> service.transition(user, id, version,
				new TicketService.Transition(to, reason, waitingReason, degraded, temporarySolution)));
	}

	@PostMapping("/tickets/{id}/escalade")
	String escalate(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return act(id, flash, "Ticket escaladé au niveau 2.", () -> service.escalate(user, id, version, reason));
	}

	@PostMapping("/tickets/{id}/renvoi")
	String handBack(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return act(id, flash, "Ticket renvoyé au niveau 1.", () -> service.handBack(user, id, version, reason));
	}

	@PostMapping("/tickets/{id}/criticite")
	String criticality(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) Criticality criticality, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		return act(id, flash, "Criticité modifiée.", () -> service.changeCriticality(user, id, version, criticality, reason));
	}

	@PostMapping("/tickets/{id}/classement")
	String reclassify(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String component, @RequestParam(required = false) InterventionKind intervention,
			@RequestParam(required = false) Network network, @RequestParam(required = false) Funding funding,
			@RequestParam(defaultValue = "false") boolean dataInvolved, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String assetId, RedirectAttributes flash) {
		Map<String, String> errors = new LinkedHashMap<>();
		String asset = TicketService.blank(assetId);
		Ticket t = service.get(user, id);
		if (asset != null && asset.equals(t.assetId())) {
			asset = null; // the asset the ticket already names, preselected: nothing new to name
		}
		// The service checks the asset (establishment, component); its errors come back next to the field below.
		try {
			// « Aucun » (empty) takes the named asset off; the preselected one (or no field at all) keeps it.
			String named = asset != null ? asset : assetId != null && assetId.isBlank() ? "" : null;
			service.reclassify(user, id, version, component, intervention, network, funding, dataInvolved, reason,
					named);
			flash.addFlashAttribute("success", "Ticket reclassé ; routage recalculé.");
			return "redirect:/tickets/" + id;
		}
		catch (HelpdeskException e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			String field = field(e, null);
			if (!"assetId".equals(field) && !"component".equals(field)) {
				flash.addFlashAttribute("failure", e.getMessage());
				return "redirect:/tickets/" + id;
			}
			errors.put(field, e.getMessage());
		}
		catch (org.entente.convention.UnknownComponentException e) {
			errors.put("component", e.getMessage());
		}
		flash.addFlashAttribute("failure", "Le ticket n'a pas été reclassé : corrigez le champ signalé dans le formulaire « Reclasser ».");
		flash.addFlashAttribute("classifyErrors", errors);
		flash.addFlashAttribute("classifyForm", Map.of("component", component == null ? "" : component, "assetId",
				assetId == null ? "" : assetId));
		return "redirect:/tickets/" + id;
	}

	/**
	 * The assets an agent may name when reclassifying: the one the ticket names first (so that the form, submitted
	 * unchanged, keeps it even when it is retired or beyond the lists), then the ticket's component, then those a
	 * collège reports.
	 */
	private List<AssetGroup> classifiableAssets(Ticket t, org.entente.inventory.Asset named) {
		List<String> components = new ArrayList<>();
		components.add(t.component());
		ProblemChoices.ALL.forEach(c -> components.add(c.component()));
		List<AssetGroup> groups = new ArrayList<>();
		if (named != null) {
			groups.add(new AssetGroup("Équipement nommé sur le ticket", List.of(named)));
		}
		groups.addAll(assetGroups(t.establishment(), components));
		return groups;
	}

	/** The form field a desk error is about (its first « errors » entry), or {@code fallback}. */
	private static String field(HelpdeskException e, String fallback) {
		if (e.properties().get("errors") instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m
				&& m.get("field") instanceof String f) {
			return f;
		}
		return fallback;
	}

	@PostMapping("/tickets/{id}/affectation")
	String assign(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String assignee, RedirectAttributes flash) {
		return act(id, flash, "Affectation enregistrée.", () -> service.assign(user, id, version, assignee));
	}

	@PostMapping("/tickets/{id}/commentaires")
	String comment(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam(required = false) String body,
			RedirectAttributes flash) {
		return act(id, flash, "Commentaire ajouté.", () -> service.comment(user, id, body));
	}

	@PostMapping("/tickets/{id}/pieces-jointes")
	String attach(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		byte[] content = file == null ? new byte[0] : file.getBytes();
		String name = file == null ? null : file.getOriginalFilename();
		return act(id, flash, "Pièce jointe ajoutée.", () -> service.attach(user, id, name, content));
	}

	@GetMapping("/tickets/{id}/pieces-jointes/{attachmentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return TicketApiController.download(service, user, id, attachmentId);
	}

	@GetMapping("/tickets/{id}/satisfaction")
	String surveyForm(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		Ticket t = service.get(user, id);
		model.addAttribute("t", t);
		model.addAttribute("satisfaction", service.satisfaction(t).orElse(null));
		return "helpdesk/satisfaction";
	}

	@PostMapping("/tickets/{id}/satisfaction")
	String survey(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int rating,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		return act(id, flash, "Merci pour votre avis.", () -> service.satisfaction(user, id, rating, comment));
	}

	/** Runs an action; a refused one comes back to the ticket page with its reason, a ticket out of scope is a 404. */
	private String act(long id, RedirectAttributes flash, String done, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("success", done);
		}
		catch (HelpdeskException e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			flash.addFlashAttribute("failure", e.getMessage());
		}
		catch (org.entente.convention.UnknownComponentException e) {
			flash.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/tickets/" + id;
	}

	@ExceptionHandler(HelpdeskException.class)
	ModelAndView failure(HelpdeskException e, HttpServletResponse response) {
		response.setStatus(e.status().value());
		ModelAndView mv = new ModelAndView("error");
		mv.setStatus(e.status());
		mv.addObject("status", e.status().value());
		return mv;
	}
}
