package org.entente.privacy.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.entente.common.CsvWriter;
import org.entente.common.IfMatch;
import org.entente.common.PdfReport;
import org.entente.common.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The processing register: entries, versions, the copies sent to the Académie, CSV export. */
@RestController
@RequestMapping("/api/v1/privacy/register")
@Tag(name = "Données personnelles", description = "Identités académiques, registre des traitements, purges, demandes des personnes")
class RegisterApiController {

	static final String READ_WITH = "GET /api/v1/privacy/register/{id}";

	static final List<String> CSV_HEADER = List.of("id", "version", "purpose", "controller", "purposes", "people",
			"dataCategories", "recipients", "processors", "transfers", "retention", "securityMeasures", "copySentOn",
			"copySentTo", "demo");

	private final ProcessingRegister register;

	RegisterApiController(ProcessingRegister register) {
		this.register = register;
	}

	@GetMapping
	@PreAuthorize("@privacyPermissions.readRegister(authentication)")
	@Operation(summary = "Lire le registre des traitements", description = "Chaque traitement avec responsable, finalités, catégories de personnes et de données, destinataires, sous-traitants, transferts, conservation, sécurité, version et copies envoyées à l'Académie. DPO, administrateurs, RSSI.")
	List<ProcessingRegister.Entry> list() {
		return register.list();
	}

	@GetMapping("/{id}")
	@PreAuthorize("@privacyPermissions.readRegister(authentication)")
	@Operation(summary = "Lire un traitement du registre", description = "ETag = version, à renvoyer en If-Match pour le modifier.")
	ResponseEntity<ProcessingRegister.Entry> get(@PathVariable long id) {
		ProcessingRegister.Entry e = register.get(id);
		return ResponseEntity.ok().eTag(e.etag()).body(e);
	}

	@GetMapping("/{id}/versions")
	@PreAuthorize("@privacyPermissions.readRegister(authentication)")
	@Operation(summary = "Versions d'un traitement", description = "Chaque version gardée entière, avec sa date et son auteur.")
	List<ProcessingRegister.Version> versions(@PathVariable long id) {
		return register.versions(id);
	}

	@GetMapping(value = "/export.csv", produces = CsvWriter.MEDIA_TYPE)
	@PreAuthorize("@privacyPermissions.readRegister(authentication)")
	@Operation(summary = "Exporter le registre en CSV", description = "UTF-8 avec BOM, point-virgule ; une ligne par traitement, avec sa dernière copie envoyée.")
	ResponseEntity<StreamingResponseBody> export() {
		List<ProcessingRegister.Entry> entries = register.list();
		StreamingResponseBody body = out -> {
			try (CsvWriter csv = CsvWriter.to(out, CSV_HEADER)) {
				for (ProcessingRegister.Entry e : entries) {
					var f = e.fields();
					var copy = e.lastCopy();
					csv.row(java.util.Arrays.asList(e.id(), e.version(), f.purpose(), f.controller(), f.purposes(), f.people(),
							f.dataCategories(), f.recipients(), f.processors(), f.transfers(), f.retention(), f.securityMeasures(),
							copy.map(c -> c.sentOn().toString()).orElse(""), copy.map(c -> c.sentTo()).orElse(""), e.demo()));
				}
			}
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=registre-des-traitements.csv")
			.contentType(MediaType.parseMediaType(CsvWriter.MEDIA_TYPE))
			.body(body);
	}

	@GetMapping(value = "/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize("@privacyPermissions.readRegister(authentication)")
	@Operation(summary = "Exporter le registre en PDF", description = "Une section par traitement : responsable, finalités, personnes, données, destinataires, sous-traitants, transferts, conservation, sécurité, version et dernière copie envoyée.")
	ResponseEntity<byte[]> exportPdf() {
		PdfReport pdf = PdfReport.titled("Registre des traitements (RGPD, article 30)");
		for (ProcessingRegister.Entry e : register.list()) {
			var f = e.fields();
			pdf.heading(e.id() + ". " + f.purpose() + (e.demo() ? " (démo)" : ""));
			pdf.table(List.of("Rubrique", "Contenu"), List.of(List.of("Responsable", f.controller()),
					List.of("Finalités", f.purposes()), List.of("Personnes concernées", f.people()),
					List.of("Données", f.dataCategories()), List.of("Destinataires", f.recipients()),
					List.of("Sous-traitants", f.processors()), List.of("Transferts", f.transfers()),
					List.of("Conservation", f.retention()), List.of("Mesures de sécurité", f.securityMeasures()),
					List.of("Version", String.valueOf(e.version())),
					List.of("Copie à l'Académie", e.lastCopy().map(c -> "envoyée le " + c.sentOn() + " à " + c.sentTo()).orElse("non envoyée"))));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=registre-des-traitements.pdf")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.toBytes());
	}

	@PostMapping
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	@Operation(summary = "Inscrire un traitement au registre", description = "Tous les champs obligatoires ; feedsIdentities=true si le traitement reçoit les identités académiques (l'import exige alors sa copie envoyée).")
	ResponseEntity<ProcessingRegister.Entry> create(@RequestBody(required = false) ProcessingRegister.Fields fields,
			Authentication auth) {
		if (fields == null) {
			throw ProblemException.invalid("purpose", "corps JSON attendu");
		}
		ProcessingRegister.Entry e = register.create(fields, auth.getName(), false);
		return ResponseEntity.created(URI.create("/api/v1/privacy/register/" + e.id())).eTag(e.etag()).body(e);
	}

	@PutMapping("/{id}")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	@Operation(summary = "Modifier un traitement", description = "If-Match obligatoire ; chaque modification est une nouvelle version gardée ; la finalité ne change pas.")
	ResponseEntity<ProcessingRegister.Entry> update(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) ProcessingRegister.Fields fields, Authentication auth) {
		register.get(id);
		int version = IfMatch.version(ifMatch, READ_WITH);
		if (fields == null) {
			throw ProblemException.invalid("purpose", "corps JSON attendu");
		}
		ProcessingRegister.Entry e = register.update(id, version, fields, auth.getName());
		return ResponseEntity.ok().eTag(e.etag()).body(e);
	}

	record CopyBody(String sentOn, String sentTo) {
	}

	@PostMapping("/{id}/copies")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	@Operation(summary = "Enregistrer la copie envoyée à l'Académie", description = "Annexe protection des données, 4 : copie de la déclaration envoyée avant toute transmission de données ; {sentOn: date ISO, sentTo: adresse}.")
	ProcessingRegister.Entry recordCopy(@PathVariable long id, @RequestBody(required = false) CopyBody body, Authentication auth) {
		LocalDate on = null;
		if (body != null && body.sentOn() != null) {
			try {
				on = LocalDate.parse(body.sentOn());
			}
			catch (DateTimeParseException e) {
				throw ProblemException.invalid("sentOn", "date « " + body.sentOn() + " » invalide : AAAA-MM-JJ attendu");
			}
		}
		return register.recordCopy(id, on, body == null ? null : body.sentTo(), auth.getName(), false);
	}
}
