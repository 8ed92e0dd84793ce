package org.entente.privacy.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.entente.common.PdfReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Data-subject requests: recording, extension, answer, and the access export. */
@RestController
@RequestMapping("/api/v1/privacy/requests")
@Tag(name = "Données personnelles", description = "Identités académiques, registre des traitements, purges, demandes des personnes")
@PreAuthorize("@privacyPermissions.manage(authentication)")
class RequestApiController {

	record NewRequest(String kind, String receivedAt, String receivedBy, String subjectUid) {
	}

	record Extension(String reason) {
	}

	record Answer(String answer) {
	}

	private final SubjectRequests requests;

	RequestApiController(SubjectRequests requests) {
		this.requests = requests;
	}

	@PostMapping
	@Operation(summary = "Enregistrer une demande d'une personne", description = "kind : ACCESS, RECTIFICATION, ERASURE, OBJECTION, RESTRICTION, PORTABILITY ; receivedAt : date ISO ; receivedBy : ACA (DPD) ou CD (DPO) ; subjectUid facultatif. dueBy = réception + un mois (même jour, ou dernier jour du mois).")
	ResponseEntity<SubjectRequests.Request> create(@RequestBody(required = false) NewRequest body, Authentication auth) {
		NewRequest b = body == null ? new NewRequest(null, null, null, null) : body;
		SubjectRequests.Request r = requests.record(b.kind(), b.receivedAt(), b.receivedBy(), b.subjectUid(), auth.getName());
		return ResponseEntity.created(URI.create("/api/v1/privacy/requests/" + r.id())).body(r);
	}

	@GetMapping
	@Operation(summary = "Lister les demandes", description = "Par échéance ; open=true : celles sans réponse.")
	List<SubjectRequests.Request> list(@RequestParam(defaultValue = "false") boolean open) {
		return requests.list(open);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire une demande", description = "Avec son échéance, sa prolongation et sa réponse.")
	SubjectRequests.Request get(@PathVariable long id) {
		return requests.get(id);
	}

	@PostMapping("/{id}/extension")
	@Operation(summary = "Prolonger de deux mois", description = "RGPD art. 12(3) : motif obligatoire ; l'échéance devient réception + trois mois. Une seule fois.")
	SubjectRequests.Request extend(@PathVariable long id, @RequestBody(required = false) Extension body, Authentication auth) {
		return requests.extend(id, body == null ? null : body.reason(), auth.getName());
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "Enregistrer la réponse", description = "La réponse et sa date sont gardées.")
	SubjectRequests.Request answer(@PathVariable long id, @RequestBody(required = false) Answer body, Authentication auth) {
		return requests.answer(id, body == null ? null : body.answer(), auth.getName());
	}

	@PostMapping("/{id}/rectification")
	@Operation(summary = "Répondre à une demande de rectification", description = "Corps : les champs corrigés de l'identité (lastName, firstName, civility, birthDate, status, function, uai, class, department), vérifiés comme à l'import, et answer facultatif. L'identité est corrigée, la réponse et sa date gardées, la modification journalisée. 400 nommant le champ faux ; 404 demande inconnue ; 409 si la demande n'est pas une RECTIFICATION ou a déjà sa réponse.")
	SubjectRequests.Request rectify(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body, Authentication auth) {
		Map<String, Object> fields = body == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(body);
		Object answer = fields.remove("answer");
		return requests.rectify(id, fields, answer == null ? null : answer.toString(), auth.getName());
	}

	@GetMapping("/{id}/access-export")
	@Operation(summary = "Export de tout ce qu'Entente détient sur la personne", description = "JSON : pour chaque catégorie (identité, comptes, tickets, sécurité, notifications), ce que chaque module déclare détenir sur la personne de la demande.")
	Map<String, Object> accessExport(@PathVariable long id, Authentication auth) {
		return requests.accessExport(id, auth.getName());
	}

	@GetMapping(value = "/{id}/access-export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "Export lisible (PDF) de ce qu'Entente détient sur la personne", description = "Le même contenu que l'export JSON, une section par catégorie, un tableau par type d'enregistrement.")
	ResponseEntity<byte[]> accessExportPdf(@PathVariable long id, Authentication auth) {
		Map<String, Object> export = requests.accessExport(id, auth.getName());
		PdfReport pdf = PdfReport.titled("Données détenues sur la personne " + export.get("subjectUid"));
		pdf.paragraph("Demande n° " + id + ", export du " + export.get("generatedOn")
				+ " (annexe protection des données, 5 ; RGPD, article 15).");
		@SuppressWarnings("unchecked")
		Map<String, List<Map<String, Object>>> data = (Map<String, List<Map<String, Object>>>) export.get("data");
		data.forEach((category, records) -> {
			pdf.heading(category);
			if (records.isEmpty()) {
				pdf.paragraph("Rien.");
			}
			for (Map<String, Object> r : records) {
				pdf.table(List.of("Champ", "Valeur"), r.entrySet().stream()
					.map(e -> List.of(e.getKey(), e.getValue() == null ? "–" : e.getValue().toString())).toList());
			}
		});
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=acces-demande-" + id + ".pdf")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.toBytes());
	}
}
