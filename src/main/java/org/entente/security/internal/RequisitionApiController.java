package org.entente.security.internal;

import org.entente.common.FieldReader;
import static org.entente.security.internal.IncidentViews.at;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.entente.directory.EntenteUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Judicial requisitions and investigation requests (annexe opérationnelle §5). */
@RestController
@RequestMapping("/api/v1/security/requisitions")
@Tag(name = "Sécurité")
class RequisitionApiController {

	record RequisitionJson(long id, String requestedBy, String authority, String reference, String legalBasis, String scope,
			String establishment, OffsetDateTime from, OffsetDateTime to, String address, String account,
			OffsetDateTime deadline, Long incidentId, OffsetDateTime recordedAt, String recordedBy, OffsetDateTime answeredAt,
			String answeredBy, String answerNote, String answerFilename, List<String> exportSources) {
	}

	private final RequisitionService service;
	private final BreachService breaches;

	RequisitionApiController(RequisitionService service, BreachService breaches) {
		this.service = service;
		this.breaches = breaches;
	}

	@PostMapping
	@Operation(summary = "Consigner une réquisition ou demande d'investigation", description = "Par le-la RSSI : requestedBy, reference, legalBasis, scope, deadline obligatoires ; authority, establishment, from, to, address, account, incidentId facultatifs. Le Département est prévenu à l'adresse du fichier de convention (dpo@ille-et-vilaine.fr).")
	ResponseEntity<RequisitionJson> record(@AuthenticationPrincipal EntenteUser user, @RequestBody(required = false) JsonNode json) {
		FieldReader b = FieldReader.of(json);
		var n = new RequisitionService.NewRequisition(b.text("requestedBy", true, 300), b.text("authority", false, 300),
				b.text("reference", true, 200), b.text("legalBasis", true, 1000), b.text("scope", true, 4000),
				upper(b.text("establishment", false, 8)), b.instant("from", false), b.instant("to", false),
				b.text("address", false, 100), b.text("account", false, 200), b.instant("deadline", true), b.id("incidentId"));
		b.check();
		var r = service.record(user, n);
		return ResponseEntity.created(URI.create("/api/v1/security/requisitions/" + r.id())).body(json(r));
	}

	@GetMapping
	@Operation(summary = "Lister les réquisitions", description = "Les réquisitions judiciaires et demandes d'investigation consignées, les plus récentes d'abord ; RSSI et DPD.")
	List<RequisitionJson> list(@AuthenticationPrincipal EntenteUser user) {
		return service.list(user).stream().map(this::json).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire une réquisition", description = "La réquisition, son échéance et la réponse jointe s'il y en a une.")
	RequisitionJson get(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return json(service.get(user, id));
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "Joindre la réponse du Département", description = "Par un agent ou le-la DPO du Département : « file » (5 Mo au plus) ou « source » (une source d'export branchée, p. ex. le journal des connexions), « note » facultative.")
	RequisitionJson answer(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestParam(required = false) String note, @RequestParam(required = false) String source,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		BreachService.Attachment attachment = file == null || file.isEmpty() ? null
				: new BreachService.Attachment(BreachApiController.filename(file.getOriginalFilename()),
						file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(), file.getBytes());
		return json(service.answer(user, id, note == null || note.isBlank() ? null : note.strip(), source, attachment));
	}

	@GetMapping("/{id}/answer")
	@Operation(summary = "Télécharger la réponse jointe", description = "Le fichier de la réponse du Département, tel qu'il a été joint.")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		var r = service.get(user, id);
		byte[] content = service.answerContent(id).orElseThrow(() -> RequisitionService.notFound(id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(r.answerFilename()).build().toString())
			.contentType(MediaType.parseMediaType(r.answerContentType()))
			.body(content);
	}

	private RequisitionJson json(RequisitionService.Requisition r) {
		ZoneId zone = breaches.zone();
		return new RequisitionJson(r.id(), r.requestedBy(), r.authority(), r.reference(), r.legalBasis(), r.scope(),
				r.establishment(), at(r.from(), zone), at(r.to(), zone), r.address(), r.account(), at(r.deadline(), zone),
				r.incidentId(), at(r.recordedAt(), zone), r.recordedBy(), at(r.answeredAt(), zone), r.answeredBy(),
				r.answerNote(), r.answerFilename(), service.sources());
	}

	private static String upper(String s) {
		return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
	}
}
