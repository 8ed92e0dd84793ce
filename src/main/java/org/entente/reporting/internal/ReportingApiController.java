package org.entente.reporting.internal;

import org.entente.directory.EntenteUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The indicators API: a month's statistics (JSON, PDF, XLSX), their productions, and the rebuild of the aggregates. */
@RestController
@RequestMapping("/api/v1/reporting")
@Tag(name = "Indicateurs", description = "Statistiques mensuelles et tableau de bord (annexe opérationnelle, partie 4)")
class ReportingApiController {

	private final StatisticsProduction production;
	private final StatisticsFiles files;
	private final Rebuild rebuild;

	ReportingApiController(StatisticsProduction production, StatisticsFiles files, Rebuild rebuild) {
		this.production = production;
		this.files = files;
		this.rebuild = rebuild;
	}

	/** What POST …/productions answers. */
	record ProductionJson(long id, String month, String conventionVersion, java.time.Instant producedAt, String producedBy,
			boolean created, boolean mailed) {
	}

	@GetMapping("/monthly")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Statistiques d'un mois", description = "Tickets ouverts, clos, stock en fin de mois, par partie, "
			+ "établissement et composant, niveaux de service (prise en charge, rétablissement), renvois, réouvertures, "
			+ "satisfaction ; « month » au format AAAA-MM. Agents et gestionnaires du CD et de l'ACA, administrateurs.")
	Monthly monthly(@RequestParam(required = false) String month) {
		return production.figures(MonthlyStatistics.month(month));
	}

	@GetMapping("/monthly/{month}.pdf")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Statistiques d'un mois en PDF", description = "Les indicateurs du fichier de convention avec "
			+ "leurs définitions et clauses, et des graphiques ; mois clos : sa dernière production.")
	ResponseEntity<byte[]> pdf(@PathVariable String month) {
		Monthly m = production.figures(MonthlyStatistics.month(month));
		return file(files.pdf(m, production.reporting().indicators()), StatisticsFiles.PDF, "statistiques-" + m.month() + ".pdf");
	}

	@GetMapping("/monthly/{month}.xlsx")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Statistiques d'un mois en XLSX", description = "Un classeur : indicateurs, parties, "
			+ "établissements, composants ; mois clos : sa dernière production.")
	ResponseEntity<byte[]> xlsx(@PathVariable String month) {
		Monthly m = production.figures(MonthlyStatistics.month(month));
		return file(files.xlsx(m, production.reporting().indicators()), StatisticsFiles.XLSX, "statistiques-" + m.month() + ".xlsx");
	}

	@PostMapping("/monthly/{month}/productions")
	@PreAuthorize("@reportingPermissions.produce(authentication)")
	@Operation(summary = "Produire les statistiques d'un mois clos", description = "Sans « again », rend la production "
			+ "existante pour la version de convention en vigueur ; avec « again=true », en produit une nouvelle (les "
			+ "précédentes restent). « mail=true » l'envoie aux destinataires du fichier de convention (PDF et XLSX). "
			+ "409 pour le mois en cours.")
	ResponseEntity<ProductionJson> produce(@AuthenticationPrincipal EntenteUser user, @PathVariable String month,
			@RequestParam(defaultValue = "false") boolean again, @RequestParam(defaultValue = "false") boolean mail) {
		StatisticsProduction.Produced p = production.produce(MonthlyStatistics.month(month), user.getUsername(), again);
		boolean mailed = mail && production.mail(p.stored());
		var s = p.stored();
		return ResponseEntity.status(p.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new ProductionJson(s.id(), s.month(), s.conventionVersion(), s.producedAt(), s.producedBy(), p.created(), mailed));
	}

	/** A file to download (also the campaigns' exports). */
	static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(content);
	}

	@PostMapping("/rebuild")
	@PreAuthorize("@reportingPermissions.rebuild(authentication)")
	@Operation(summary = "Reconstruire les agrégats", description = "Recompte tous les agrégats journaliers depuis les "
			+ "faits du guichet (administrateurs) ; répond le nombre de tickets relus et de lignes écrites.")
	Rebuild.Result rebuild() {
		return rebuild.run();
	}
}
