package org.entente.directory.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.entente.directory.NetworkRange;
import org.entente.directory.NetworkRanges;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** The académie's addressing plan: read it, replace it from CSV (administrators). */
@RestController
@RequestMapping("/api/v1/establishments/network-ranges")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Annuaire", description = "Établissements, contacts, plan d'adressage et comptes")
class NetworkRangeApiController {

	private final NetworkRanges ranges;

	NetworkRangeApiController(NetworkRanges ranges) {
		this.ranges = ranges;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lire le plan d'adressage",
			description = "Les réseaux de chaque collège (UAI, réseau, libellé).")
	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN','JOURNAL_OPERATOR','CD_AGENT','ACA_AGENT','RSSI')")
	List<NetworkRange> list() {
		return ranges.findAll();
	}

	/** Body: the CSV file (text/csv), {@code uai;reseau;libelle}. */
	@io.swagger.v3.oas.annotations.Operation(summary = "Remplacer le plan d'adressage (CSV)",
			description = "Le fichier uai;reseau;libelle remplace le plan ; réservé aux administrateurs.")
	@PostMapping(consumes = { "text/csv", "text/plain", "application/octet-stream" })
	@PreAuthorize("hasRole('ADMIN')")
	NetworkRanges.ImportResult importPlan(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
			throws IOException {
		return ranges.importCsv(org.entente.common.CsvReader.utf8(request.getInputStream()), dryRun);
	}
}
