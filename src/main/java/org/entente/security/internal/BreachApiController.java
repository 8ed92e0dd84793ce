package org.entente.security.internal;

import org.entente.common.FieldReader;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.entente.common.CsvWriter;
import org.entente.common.PageSlice;
import org.entente.common.ProblemException;
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

/**
 * Personal-data breaches (annexe protection des données §6): record, notification to the Académie's DPD with
 * attachments, register (JSON, CSV, XLSX). DPOs, the RSSI and administrators only; anyone else gets 403 on the
 * register and 404 on a breach.
 */
@RestController
@RequestMapping("/api/v1/security/breaches")
@Tag(name = "Sécurité")
class BreachApiController {

	private final BreachService service;

	BreachApiController(BreachService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Enregistrer une violation de données", description = "awareAt (prise de connaissance par le Département), nature ; people, records, categories, consequences, measures, contact, incidentId facultatifs. L'échéance de notification (48 h écoulées) vient du fichier de convention.")
	ResponseEntity<BreachViews.BreachJson> record(@AuthenticationPrincipal EntenteUser user, @RequestBody(required = false) JsonNode json) {
		FieldReader b = FieldReader.of(json);
		Long incidentId = b.id("incidentId");
		Instant awareAt = b.instant("awareAt", true);
		String nature = b.text("nature", true, 4000);
		Integer people = b.count("people");
		Integer records = b.count("records");
		String categories = b.text("categories", false, 2000);
		String consequences = b.text("consequences", false, 4000);
		String measures = b.text("measures", false, 4000);
		String contact = b.text("contact", false, 500);
		b.check();
		Breach breach = service.record(user, new BreachService.NewBreach(incidentId, awareAt, nature, people, records, categories,
				consequences, measures, contact));
		return ResponseEntity.created(URI.create("/api/v1/security/breaches/" + breach.id())).eTag(breach.etag())
			.body(BreachViews.json(breach, service, service.now()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire une violation", description = "Avec son horloge : notifyAcademyBy, notifyCnilBy, late, elapsedMinutes.")
	ResponseEntity<BreachViews.BreachJson> get(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		Breach b = service.get(user, id);
		return ResponseEntity.ok().eTag(b.etag()).body(BreachViews.json(b, service, service.now()));
	}

	@PostMapping("/{id}/notification")
	@Operation(summary = "Notifier la violation à l'Académie", description = "Par le-la DPO : le courriel préparé depuis la fiche part à l'adresse du fichier de convention (dpd@ac-rennes.fr) avec les pièces jointes « files » (5 au plus, 5 Mo chacune) ; lateReason obligatoire après l'échéance. 409 si déjà notifiée.")
	ResponseEntity<BreachViews.BreachJson> notifyAcademy(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestParam(required = false) String lateReason,
			@RequestPart(name = "files", required = false) List<MultipartFile> files) throws IOException {
		List<BreachService.Attachment> attachments = new ArrayList<>();
		for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
			if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
				continue;
			}
			attachments.add(new BreachService.Attachment(filename(f.getOriginalFilename()),
					f.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : f.getContentType(), f.getBytes()));
		}
		Breach b = service.notifyAcademy(user, id, lateReason, attachments);
		return ResponseEntity.ok().eTag(b.etag()).body(BreachViews.json(b, service, service.now()));
	}

	@GetMapping
	@Operation(summary = "Registre des violations (RGPD art. 33(5))", description = "Toutes les violations, notifiées ou non ; format=json (défaut), csv ou xlsx.")
	ResponseEntity<?> register(@AuthenticationPrincipal EntenteUser user, @RequestParam(defaultValue = "json") String format,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) throws IOException {
		if (!List.of("json", "csv", "xlsx").contains(format)) {
			throw ProblemException.invalidParameter("format", "Format « " + format + " » inconnu : json, csv ou xlsx.");
		}
		Instant now = service.now();
		if (format.equals("json")) {
			PageSlice.check(page, size, 500);
			var slice = PageSlice.ofOneMore(service.register(user, page, size), page, size);
			return ResponseEntity.ok(slice.map(b -> BreachViews.json(b, service, now)));
		}
		List<Breach> all = service.register(user, 0, 100_000);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		String name = "registre-violations." + format;
		MediaType type;
		if (format.equals("csv")) {
			BreachRegisterExport.csv(all, service.zone(), now, out);
			type = MediaType.parseMediaType(CsvWriter.MEDIA_TYPE);
		}
		else {
			BreachRegisterExport.xlsx(all, service.zone(), now, out);
			type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(type)
			.body(out.toByteArray());
	}

	static String filename(String original) {
		String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "_").strip();
		if (name.isEmpty()) {
			name = "piece-jointe";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}
}
