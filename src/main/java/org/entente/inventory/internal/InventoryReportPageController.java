package org.entente.inventory.internal;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inventory's reading pages: naming rules, warranties ending, spares, référentiel and equity, software. */
@Controller
class InventoryReportPageController {

	private final InventoryReports reports;
	private final Referentiel referentiel;
	private final SoftwareCatalogues software;
	private final InventoryPermissions permissions;
	private final org.springframework.beans.factory.ObjectProvider<org.entente.inventory.SparesPageLinks> spareLinks;

	InventoryReportPageController(InventoryReports reports, Referentiel referentiel, SoftwareCatalogues software,
			InventoryPermissions permissions,
			org.springframework.beans.factory.ObjectProvider<org.entente.inventory.SparesPageLinks> spareLinks) {
		this.spareLinks = spareLinks;
		this.reports = reports;
		this.referentiel = referentiel;
		this.software = software;
		this.permissions = permissions;
	}

	@GetMapping("/inventaire/nommage")
	String naming(@AuthenticationPrincipal EntenteUser user, Model model) {
		model.addAttribute("violations", reports.namingViolations(permissions.requireRead(user)));
		model.addAttribute("rules", reports.namingRules());
		model.addAttribute("max", InventoryReports.MAX_ROWS);
		return "inventory/naming";
	}

	@GetMapping("/inventaire/garanties")
	String warranty(@RequestParam(defaultValue = "6") int mois, @AuthenticationPrincipal EntenteUser user, Model model) {
		if (mois < 0 || mois > 120) {
			throw ProblemException.invalidParameter("mois", "Le nombre de mois doit être compris entre 0 et 120.");
		}
		model.addAttribute("assets", reports.warrantyEnding(permissions.requireRead(user), mois));
		model.addAttribute("mois", mois);
		model.addAttribute("max", InventoryReports.MAX_ROWS);
		return "inventory/warranty";
	}

	@GetMapping("/inventaire/rechange")
	String spares(@AuthenticationPrincipal EntenteUser user, Model model) {
		model.addAttribute("stock", reports.spares(permissions.requireRead(user)));
		// What other modules say of the spares (the desk: the Académie's open spare orders to the Département).
		model.addAttribute("sections", spareLinks.orderedStream()
			.map(l -> new AssetPageController.Section(l.title(), l.links(user.getUsername()), false)).toList());
		return "inventory/spares";
	}

	@GetMapping("/inventaire/referentiel")
	String referentiel(@AuthenticationPrincipal EntenteUser user, Model model) {
		InventoryPermissions.Scope scope = permissions.requireRead(user);
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
}
