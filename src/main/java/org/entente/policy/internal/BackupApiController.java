package org.entente.policy.internal;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.common.FieldReader;
import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.policy.RestoreTicketLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The data availability commitments: backup jobs report in, compliance per establishment and data class. */
@RestController
@RequestMapping("/api/v1/backups")
@Tag(name = "Sauvegardes", description = "Engagements de disponibilité des données (annexe opérationnelle §4)")
class BackupApiController {

	record ComplianceJson(boolean compliant, OffsetDateTime lastSuccess, OffsetDateTime oldestRestorePoint, List<String> reasons) {
	}

	record ReportJson(long id, String uai, String dataClass, Map<String, ComplianceJson> compliance) {
	}

	private final Backups backups;
	private final PolicyPermissions permissions;
	private final Conventions conventions;
	private final RestoreTicketLinks restoreLinks;

	BackupApiController(Backups backups, PolicyPermissions permissions, Conventions conventions, RestoreTicketLinks restoreLinks) {
		this.backups = backups;
		this.permissions = permissions;
		this.conventions = conventions;
		this.restoreLinks = restoreLinks;
	}

	@PostMapping("/reports")
	@Operation(summary = "Signaler le résultat d'une sauvegarde", description = "Par le compte machine des serveurs des collèges (rôle INVENTORY_AGENT, comme GLPI Agent) : {uai, dataClass ADMINISTRATIVE ou PEDAGOGICAL_GROUP, job, startedAt, endedAt, status SUCCESS ou FAILURE, oldestRestorePoint}, dates ISO 8601 avec décalage. 201 ; un rapport invalide est un 400 qui nomme le champ, rien n'est gardé. Un engagement rompu ouvre un ticket à la partie responsable.")
	ResponseEntity<ReportJson> report(@AuthenticationPrincipal EntenteUser user, @RequestBody(required = false) JsonNode json) {
		if (!permissions.reportBackups(user)) {
			throw ProblemException.forbidden("Seul le compte machine des serveurs des collèges (INVENTORY_AGENT) signale les sauvegardes.");
		}
		FieldReader f = FieldReader.of(json);
		String uai = f.text("uai", true, 8);
		String dataClass = f.text("dataClass", true, 20);
		String job = f.text("job", true, 200);
		Instant startedAt = f.instant("startedAt", true);
		Instant endedAt = f.instant("endedAt", true);
		Backups.Status status = f.choice("status", Backups.Status.class, true);
		Instant oldest = f.instant("oldestRestorePoint", status == Backups.Status.SUCCESS);
		if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
			f.fault("endedAt", "« endedAt » précède « startedAt ».");
		}
		if (endedAt != null && endedAt.isAfter(Instant.now().plusSeconds(300))) {
			f.fault("endedAt", "« endedAt » est dans le futur.");
		}
		if (oldest != null && endedAt != null && oldest.isAfter(endedAt)) {
			f.fault("oldestRestorePoint", "« oldestRestorePoint » suit « endedAt » : le plus ancien point de restauration gardé précède la fin de la sauvegarde.");
		}
		f.check();
		String code = uai.toUpperCase(Locale.ROOT);
		long id = backups.record(user, new Backups.Report(code, dataClass, job, startedAt, endedAt, status, oldest));
		return ResponseEntity.created(URI.create("/api/v1/backups/compliance?uai=" + code))
			.body(new ReportJson(id, code, dataClass, compliance(code)));
	}

	@GetMapping("/compliance")
	@Operation(summary = "Conformité des sauvegardes d'un établissement", description = "Pour chaque classe de données critiques : compliant, lastSuccess, oldestRestorePoint et les raisons d'une non-conformité (dernière sauvegarde réussie de plus d'un jour, points de restauration qui ne remontent pas à 3 mois ou 10 jours).")
	Map<String, ComplianceJson> compliance(@AuthenticationPrincipal EntenteUser user, @RequestParam String uai) {
		String code = uai.strip().toUpperCase(Locale.ROOT);
		if (!permissions.readCompliance(user, code)) {
			throw ProblemException.notFound("Établissement inconnu", "Aucun établissement « " + code + " » dans votre périmètre.");
		}
		return compliance(code);
	}

	@GetMapping("/restore-tickets")
	@Operation(summary = "Tickets de restauration d'un établissement et leur sauvegarde", description = "Chaque ticket du guichet qui demande une restauration complète des données (horloge de deux jours ouvrés, annexe §4), avec le dernier rapport de sauvegarde réussi de la classe de données à son ouverture (tâche, fin, plus ancien point de restauration) et la conformité de l'engagement à ce moment. Les plus récents d'abord.")
	List<RestoreTicketLinks.RestoreTicketLink> restoreTickets(@AuthenticationPrincipal EntenteUser user, @RequestParam String uai) {
		String code = uai.strip().toUpperCase(Locale.ROOT);
		if (!permissions.readCompliance(user, code)) {
			throw ProblemException.notFound("Établissement inconnu", "Aucun établissement « " + code + " » dans votre périmètre.");
		}
		return restoreLinks.forEstablishment(code);
	}

	@GetMapping("/restore-tickets/{ticketId}")
	@Operation(summary = "La sauvegarde d'un ticket de restauration", description = "Pour un ticket du guichet (son identifiant) : le rapport de sauvegarde réussi qui devait permettre la restauration et la conformité à l'ouverture ; 404 si le ticket n'est pas un ticket de restauration lié ou n'est pas dans votre périmètre.")
	RestoreTicketLinks.RestoreTicketLink restoreTicket(@AuthenticationPrincipal EntenteUser user, @PathVariable long ticketId) {
		return restoreLinks.seenBy(user, ticketId)
			.orElseThrow(() -> ProblemException.notFound("Ticket sans sauvegarde liée", "Le ticket " + ticketId + " n'est pas un ticket de restauration lié à une sauvegarde de votre périmètre."));
	}

	private Map<String, ComplianceJson> compliance(String uai) {
		ZoneId zone = ZoneId.of(conventions.current().calendar().zone());
		Map<String, ComplianceJson> result = new LinkedHashMap<>();
		backups.compliance(uai, Instant.now()).forEach((k, c) -> result.put(k, new ComplianceJson(c.compliant(),
				at(c.lastSuccess(), zone), at(c.oldestRestorePoint(), zone), c.reasons())));
		return result;
	}

	private static OffsetDateTime at(Instant i, ZoneId zone) {
		return i == null ? null : i.atZone(zone).toOffsetDateTime();
	}
}
