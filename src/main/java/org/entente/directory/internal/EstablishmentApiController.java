package org.entente.directory.internal;

import java.util.List;

import org.entente.directory.Establishments;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/establishments")
class EstablishmentApiController {

	/** The establishment as the API exposes it. */
	record EstablishmentView(String uai, String name, String commune, String kind) {
	}

	private final Establishments establishments;

	EstablishmentApiController(Establishments establishments) {
		this.establishments = establishments;
	}

	@GetMapping
	List<EstablishmentView> list() {
		return establishments.findAll().stream()
			.map(e -> new EstablishmentView(e.uai().value(), e.name(), e.commune(), e.kind().name()))
			.toList();
	}
}
