package org.entente.directory.internal;

import java.io.IOException;
import java.util.Map;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.entente.common.LimitedInputStream;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The establishments over the API: the list, and the académie's CSV import (administrators). */
@RestController
@RequestMapping("/api/v1/establishments")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Annuaire", description = "Établissements, contacts, plan d'adressage et comptes")
class EstablishmentApiController {

	/** The establishment as the API exposes it. */
	record EstablishmentView(String uai, String name, String commune, String kind) {
	}

	static final long MAX_CSV_BYTES = 5L * 1024 * 1024;

	private final Establishments establishments;
	private final EstablishmentImport establishmentImport;

	EstablishmentApiController(Establishments establishments, EstablishmentImport establishmentImport) {
		this.establishments = establishments;
		this.establishmentImport = establishmentImport;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lister les établissements",
			description = "Les collèges connus (UAI, nom, commune, type).")
	@GetMapping
	List<EstablishmentView> list() {
		return establishments.findAll().stream()
			.map(e -> new EstablishmentView(e.uai().value(), e.name(), e.commune(), e.kind().name()))
			.toList();
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Importer les établissements (CSV)",
			description = "Le fichier de l'Académie (uai,name,commune,kind) ; dryRun=true par défaut montre ce qui changerait sans écrire.")
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	ResponseEntity<EstablishmentImport.Result> importCsv(@RequestParam(defaultValue = "true") boolean dryRun,
			HttpServletRequest request, @AuthenticationPrincipal EntenteUser user) throws IOException {
		if (user.role() != Role.ADMIN) {
			throw ProblemException.forbidden("Seul un administrateur importe les établissements.");
		}
		var r = establishmentImport.importCsv(org.entente.common.CsvReader.utf8(new LimitedInputStream(request.getInputStream(), MAX_CSV_BYTES)), dryRun);
		if (!r.errors().isEmpty()) {
			var first = r.errors().get(0);
			Map<String, Object> report = new java.util.LinkedHashMap<>();
			report.put("created", r.created());
			report.put("updated", r.updated());
			report.put("errors", r.errors());
			report.put("dryRun", r.dryRun());
			throw org.entente.common.CsvReader.refused(report, first.line(), first.column(), first.message(), r.errors().size());
		}
		return ResponseEntity.ok(r);
	}
}
