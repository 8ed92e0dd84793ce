package org.entente.policy.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.policy.RestoreTicketLinks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The backups of one establishment as a page: the compliance of each critical data class (annexe §4) and the desk's
 * restore tickets with the backup record each was linked to (the ticket page links here). The same readers as
 * {@code GET /api/v1/backups/compliance}; out of scope is a 404.
 */
@Controller
class BackupPageController {

	private final Backups backups;
	private final PolicyPermissions permissions;
	private final RestoreTicketLinks restoreLinks;
	private final Establishments establishments;
	private final Conventions conventions;

	BackupPageController(Backups backups, PolicyPermissions permissions, RestoreTicketLinks restoreLinks,
			Establishments establishments, Conventions conventions) {
		this.backups = backups;
		this.permissions = permissions;
		this.restoreLinks = restoreLinks;
		this.establishments = establishments;
		this.conventions = conventions;
	}

	/** The register's « Sauvegardes d'un établissement » form: the UAI typed or kept, then that establishment's page. */
	@GetMapping("/politiques/sauvegardes")
	String pick(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String uai) {
		String code = uai.strip().toUpperCase(Locale.ROOT);
		if (org.entente.directory.Uai.problem(code) != null) {
			return "redirect:/politiques?uai-invalide#sauvegardes";
		}
		return "redirect:/politiques/sauvegardes/" + code;
	}

	@GetMapping("/politiques/sauvegardes/{uai}")
	String backups(@AuthenticationPrincipal EntenteUser user, @PathVariable String uai, Model model) {
		String code = uai.strip().toUpperCase(Locale.ROOT);
		var establishment = establishments.find(code).filter(e -> permissions.readCompliance(user, code))
			.orElseThrow(() -> ProblemException.notFound("Établissement inconnu", "Aucun établissement « " + code + " » dans votre périmètre."));
		model.addAttribute("establishment", establishment);
		model.addAttribute("classes", backups.classes());
		model.addAttribute("compliance", backups.compliance(code, Instant.now()));
		model.addAttribute("restoreTickets", restoreLinks.forEstablishment(code));
		model.addAttribute("zone", ZoneId.of(conventions.current().calendar().zone()));
		return "policy/backups";
	}
}
