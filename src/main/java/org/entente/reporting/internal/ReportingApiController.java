package org.entente.reporting.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The indicators API: a month's statistics, and the rebuild of the aggregates. */
@RestController
@RequestMapping("/api/v1/reporting")
@Tag(name = "Indicateurs", description = "Statistiques mensuelles et tableau de bord (annexe opérationnelle, partie 4)")
class ReportingApiController {

	private final MonthlyStatistics statistics;
	private final Rebuild rebuild;

	ReportingApiController(MonthlyStatistics statistics, Rebuild rebuild) {
		this.statistics = statistics;
		this.rebuild = rebuild;
	}

	@GetMapping("/monthly")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Statistiques d'un mois", description = "Tickets ouverts, clos, stock en fin de mois, par partie, "
			+ "établissement et composant, niveaux de service (prise en charge, rétablissement), renvois, réouvertures, "
			+ "satisfaction ; « month » au format AAAA-MM. Agents et gestionnaires du CD et de l'ACA, administrateurs.")
	Monthly monthly(@RequestParam(required = false) String month) {
		return statistics.of(MonthlyStatistics.month(month));
	}

	@PostMapping("/rebuild")
	@PreAuthorize("@reportingPermissions.rebuild(authentication)")
	@Operation(summary = "Reconstruire les agrégats", description = "Recompte tous les agrégats journaliers depuis les "
			+ "faits du guichet (administrateurs) ; répond le nombre de tickets relus et de lignes écrites.")
	Rebuild.Result rebuild() {
		return rebuild.run();
	}
}
