package org.entente.inventory.internal;

import java.time.LocalDate;
import java.util.List;

import org.entente.common.FieldProblem;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetPageLinks;
import org.entente.inventory.Spares;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One asset's page: its fields, history, spares, who manages it, and what other modules link to it. */
@Controller
class AssetPageController {

	record Section(String title, List<AssetPageLinks.Link> links, boolean hiddenWhenEmpty) {
	}

	private final AssetWrites writes;
	private final AssetRepository repository;
	private final InventoryPermissions permissions;
	private final AssetRules rules;
	private final Spares spares;
	private final Conventions conventions;
	private final ObjectProvider<AssetPageLinks> links;

	AssetPageController(AssetWrites writes, AssetRepository repository, InventoryPermissions permissions, AssetRules rules,
			Spares spares, Conventions conventions, ObjectProvider<AssetPageLinks> links) {
		this.writes = writes;
		this.repository = repository;
		this.permissions = permissions;
		this.rules = rules;
		this.spares = spares;
		this.conventions = conventions;
		this.links = links;
	}

	@GetMapping("/inventaire/equipements/{id}")
	String asset(@PathVariable long id, @AuthenticationPrincipal EntenteUser user, Model model) {
		Asset a = writes.readable(id, user);
		model.addAttribute("asset", a);
		model.addAttribute("component", conventions.current().component(a.component()).orElse(null));
		model.addAttribute("history", repository.history(id));
		model.addAttribute("spare", spares.availableFor(a.uai(), a.component()));
		model.addAttribute("manages", permissions.canManage(user, a.data()));
		model.addAttribute("manager", permissions.manager(a.component(), a.data().network(), a.data().funding()));
		model.addAttribute("namingProblem", rules.namingHere(a.data()).map(FieldProblem::message).orElse(null));
		model.addAttribute("sections", links.orderedStream()
			.map(l -> new Section(l.title(), l.linksFor(id, user.getUsername()), l.hiddenWhenEmpty()))
			.filter(s -> !(s.hiddenWhenEmpty() && s.links().isEmpty()))
			.toList());
		model.addAttribute("today", LocalDate.now());
		return "inventory/asset";
	}
}
