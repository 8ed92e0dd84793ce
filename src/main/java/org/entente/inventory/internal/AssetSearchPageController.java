package org.entente.inventory.internal;

import java.util.Locale;

import org.entente.convention.Area;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inventory's search page ({@code /inventaire}). */
@Controller
class AssetSearchPageController {

	static final int PAGE_SIZE = 50;

	private final AssetSearch search;
	private final InventoryPermissions permissions;
	private final Conventions conventions;
	private final Establishments establishments;

	AssetSearchPageController(AssetSearch search, InventoryPermissions permissions, Conventions conventions,
			Establishments establishments) {
		this.search = search;
		this.permissions = permissions;
		this.conventions = conventions;
		this.establishments = establishments;
	}

	@GetMapping("/inventaire")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String uai,
			@RequestParam(required = false) String component, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal EntenteUser user, Model model) {
		InventoryPermissions.Scope scope = permissions.requireRead(user);
		String text = blank(q);
		String u = blank(uai) == null ? null : uai.strip().toUpperCase(Locale.ROOT);
		String c = blank(component);
		model.addAttribute("assets", search.find(scope, text, u, c, page, PAGE_SIZE));
		model.addAttribute("q", text);
		model.addAttribute("uai", u);
		model.addAttribute("component", c);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("pageSize", PAGE_SIZE);
		model.addAttribute("components", conventions.current().components().values().stream()
			.filter(k -> k.area() == Area.IN_ESTABLISHMENT)
			.toList());
		model.addAttribute("establishments", scope.all() ? establishments.findAll()
				: establishments.find(scope.uai()).stream().toList());
		model.addAttribute("canImport", permissions.canImport(user));
		return "inventory/search";
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
