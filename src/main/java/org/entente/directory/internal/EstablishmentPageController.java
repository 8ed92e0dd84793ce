package org.entente.directory.internal;

import org.entente.directory.Establishments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class EstablishmentPageController {

	private final Establishments establishments;

	EstablishmentPageController(Establishments establishments) {
		this.establishments = establishments;
	}

	@GetMapping("/etablissements")
	String list(Model model) {
		model.addAttribute("establishments", establishments.findAll());
		return "directory/establishments";
	}
}
