package org.entente.inventory.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetPageLinks;
import org.entente.inventory.Spares;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The inventory's pages: search, asset, CSV import with preview, naming, warranty, spares, exports. */
@Controller
class InventoryPageController {

	static final int PAGE_SIZE = 50;

	private final AssetRepository repository;
	private final AssetAccess access;
	private final AssetWrites writes;
	private final AssetImport assetImport;
	private final InventoryExport export;
	private final InventoryReports reports;
	private final Spares spares;
	private final Conventions conventions;
	private final Establishments establishments;
	private final ObjectProvider<AssetPageLinks> links;
	private final AssetRules rules;
	private final Referentiel referentiel;
	private final SoftwareCatalogues software;
	private final Purchases purchases;

	InventoryPageController(AssetRepository repository, AssetAccess access, AssetWrites writes, AssetImport assetImport,
			InventoryExport export, InventoryReports reports, Spares spares, Conventions conventions,
			Establishments establishments, ObjectProvider<AssetPageLinks> links, AssetRules rules, Referentiel referentiel,
			SoftwareCatalogues software, Purchases purchases) {
		this.purchases = purchases;
		this.referentiel = referentiel;
		this.software = software;
		this.rules = rules;
		this.repository = repository;
		this.access = access;
		this.writes = writes;
		this.assetImport = assetImport;
		this.export = export;
		this.reports = reports;
		this.spares = spares;
		this.conventions = conventions;
		this.establishments = establishments;
		this.links = links;
	}

	private AssetAccess.Scope scope(EntenteUser user) {
		return access.requireRead(user);
	}

	@GetMapping("/inventaire")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String uai,
			@RequestParam(required = false) String component, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal EntenteUser user, Model model) {
		AssetAccess.Scope scope = scope(user);
		String text = q == null || q.isBlank() ? null : q.strip();
		String u = uai == null || uai.isBlank() ? null : uai.strip().toUpperCase(java.util.Locale.ROOT);
		String c = component == null || component.isBlank() ? null : component;
		List<Asset> found;
		if (text != null) {
			found = repository.lookup(scope.all() ? u : scope.uai(), text, PAGE_SIZE);
			if (!scope.all() && u != null && !u.equals(scope.uai())) {
				found = List.of();
			}
			if (c != null) {
				found = found.stream().filter(a -> c.equals(a.component())).toList();
			}
		}
		else {
			found = repository.search(new AssetRepository.Filter(u, null, null, c, null, scope.uai()),
					(int) Math.min(Math.max(0, page) * (long) PAGE_SIZE, AssetApiController.MAX_OFFSET), PAGE_SIZE);
		}
		model.addAttribute("assets", found);
		model.addAttribute("q", text);
		model.addAttribute("uai", u);
		model.addAttribute("component", c);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("pageSize", PAGE_SIZE);
		model.addAttribute("components", components());
		model.addAttribute("establishments", scope.all() ? establishments.findAll()
				: establishments.find(scope.uai()).stream().toList());
		model.addAttribute("canImport", List.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT, Role.SCHOOL_STAFF).contains(user.role()));
		return "inventory/search";
	}

	private List<org.entente.convention.Component> components() {
		return conventions.current().components().values().stream()
			.filter(c -> c.area() == org.entente.convention.Area.IN_ESTABLISHMENT)
			.toList();
	}

	@GetMapping("/inventaire/equipements/{id}")
	String asset(@PathVariable long id, @AuthenticationPrincipal EntenteUser user, Model model) {
		Asset a = writes.readable(id, user);
		model.addAttribute("asset", a);
		model.addAttribute("component", conventions.current().component(a.component()).orElse(null));
		model.addAttribute("history", repository.history(id));
		model.addAttribute("spare", spares.availableFor(a.uai(), a.component()));
		model.addAttribute("manages", access.canManage(user, a.data()));
		model.addAttribute("manager", access.manager(a.component(), a.data().network(), a.data().funding()));
		model.addAttribute("namingProblem", rules.naming(a.data()).map(AssetRules.FieldProblem::message).orElse(null));
		model.addAttribute("sections", links.orderedStream()
			.map(l -> new Section(l.title(), l.linksFor(id, user.getUsername()), l.hiddenWhenEmpty()))
			.filter(s -> !(s.hiddenWhenEmpty() && s.links().isEmpty()))
			.toList());
		model.addAttribute("today", java.time.LocalDate.now());
		return "inventory/asset";
	}

	record Section(String title, List<AssetPageLinks.Link> links, boolean hiddenWhenEmpty) {
	}

	@GetMapping("/inventaire/import")
	String importForm(@AuthenticationPrincipal EntenteUser user, Model model) {
		scope(user);
		model.addAttribute("header", String.join(",", AssetImport.REQUIRED));
		return "inventory/import";
	}

	@PostMapping("/inventaire/import")
	String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean commit,
			@AuthenticationPrincipal EntenteUser user, Model model) throws IOException {
		scope(user);
		model.addAttribute("header", String.join(",", AssetImport.REQUIRED));
		if (file.isEmpty()) {
			model.addAttribute("fileError", "Choisissez un fichier CSV.");
			return "inventory/import";
		}
		if (!List.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT, Role.SCHOOL_STAFF).contains(user.role())) {
			throw Problems.forbidden("Votre rôle ne permet pas d'importer des équipements.");
		}
		AssetImport.ImportResult result = assetImport.importCsv(
				new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), user, !commit);
		model.addAttribute("result", result);
		model.addAttribute("fileName", file.getOriginalFilename());
		return "inventory/import";
	}

	@GetMapping("/inventaire/nommage")
	String naming(@AuthenticationPrincipal EntenteUser user, Model model) {
		model.addAttribute("violations", reports.namingViolations(scope(user)));
		model.addAttribute("rules", reports.namingRules());
		model.addAttribute("max", InventoryReports.MAX_ROWS);
		return "inventory/naming";
	}

	@GetMapping("/inventaire/garanties")
	String warranty(@RequestParam(defaultValue = "6") int mois, @AuthenticationPrincipal EntenteUser user, Model model) {
		if (mois < 0 || mois > 120) {
			throw new IllegalArgumentException("Le nombre de mois doit être compris entre 0 et 120.");
		}
		model.addAttribute("assets", reports.warrantyEnding(scope(user), mois));
		model.addAttribute("mois", mois);
		model.addAttribute("max", InventoryReports.MAX_ROWS);
		return "inventory/warranty";
	}

	@GetMapping("/inventaire/rechange")
	String spares(@AuthenticationPrincipal EntenteUser user, Model model) {
		model.addAttribute("stock", reports.spares(scope(user)));
		return "inventory/spares";
	}

	@GetMapping("/inventaire/referentiel")
	String referentiel(@AuthenticationPrincipal EntenteUser user, Model model) {
		AssetAccess.Scope scope = scope(user);
		model.addAttribute("referentiel", referentiel.current().orElse(null));
		model.addAttribute("catalogue", referentiel.catalogue().orElse(null));
		model.addAttribute("equity", referentiel.equity(scope));
		return "inventory/referentiel";
	}

	@GetMapping("/inventaire/logiciels")
	String software(Model model) {
		model.addAttribute("software", software.list(null));
		return "inventory/software";
	}

	@GetMapping("/inventaire/achats")
	String purchases(@AuthenticationPrincipal EntenteUser user, Model model) {
		if (!List.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT, Role.SCHOOL_STAFF).contains(user.role())) {
			throw Problems.forbidden("Votre rôle ne donne pas accès aux achats sur fonds propres.");
		}
		List<Purchases.Request> list = purchases.list(user);
		model.addAttribute("requests", list);
		model.addAttribute("deciding", list.stream().filter(r -> purchases.decides(r, user)).map(Purchases.Request::id).toList());
		model.addAttribute("canSubmit", user.role() == Role.SCHOOL_STAFF);
		model.addAttribute("referentiel", referentiel.current().orElse(null));
		model.addAttribute("catalogue", referentiel.catalogue().orElse(null));
		model.addAttribute("networks", org.entente.inventory.InventoryNetwork.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Purchases.NewRequest(null, null, 1, null, null));
		}
		return "inventory/purchases";
	}

	@PostMapping("/inventaire/achats")
	String submitPurchase(@RequestParam(required = false) String component,
			@RequestParam(required = false) org.entente.inventory.InventoryNetwork network,
			@RequestParam(defaultValue = "0") int quantity, @RequestParam(required = false) String catalogueItem,
			@RequestParam(required = false) String description, @AuthenticationPrincipal EntenteUser user, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		var form = new Purchases.NewRequest(blank(component), network, quantity, blank(catalogueItem), blank(description));
		try {
			var r = purchases.submit(form, user);
			redirect.addFlashAttribute("message", "Demande n° " + r.id() + " envoyée " + (r.routedTo().equals("ACA") ? "à l'Académie." : "au Département."));
			return "redirect:/inventaire/achats";
		}
		catch (org.springframework.web.ErrorResponseException e) {
			model.addAttribute("form", form);
			model.addAttribute("errors", fieldErrors(e));
			model.addAttribute("formError", e.getBody().getDetail());
			return purchases(user, model);
		}
	}

	@PostMapping("/inventaire/achats/{id}/decision")
	String decide(@PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String comment,
			@AuthenticationPrincipal EntenteUser user, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			purchases.decide(id, approved, comment, user);
			redirect.addFlashAttribute("message", "Demande n° " + id + (approved ? " validée." : " refusée."));
		}
		catch (org.springframework.web.ErrorResponseException e) {
			if (e.getStatusCode().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("message", "Demande n° " + id + " : " + e.getBody().getDetail());
		}
		return "redirect:/inventaire/achats";
	}

	@SuppressWarnings("unchecked")
	private static java.util.Map<String, String> fieldErrors(org.springframework.web.ErrorResponseException e) {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		Object list = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
		if (list instanceof List<?> l) {
			for (Object o : l) {
				var m = (java.util.Map<String, String>) o;
				errors.merge(m.get("field"), m.get("message"), (a, b) -> a + " ; " + b);
			}
		}
		return errors;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	@GetMapping("/inventaire/export.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@AuthenticationPrincipal EntenteUser user) {
		return AssetApiController.exportResponse(export, access.requireRead(user), "csv");
	}

	@GetMapping("/inventaire/export.xlsx")
	ResponseEntity<StreamingResponseBody> exportXlsx(@AuthenticationPrincipal EntenteUser user) {
		return AssetApiController.exportResponse(export, access.requireRead(user), "xlsx");
	}
}
