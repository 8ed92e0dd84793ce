package org.entente.journal.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.PageSlice;
import org.entente.directory.EntenteUser;
import org.entente.journal.JournalProperties;
import org.entente.journal.internal.JournalAccess;
import org.entente.journal.internal.JournalCustody;
import org.entente.journal.internal.JournalRequests;
import org.entente.journal.internal.JournalSearch;
import org.entente.journal.internal.JournalService;
import org.entente.journal.internal.export.JournalExporter;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.Line;
import org.entente.journal.internal.store.TreeHead;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /api/v1/journal}: search, export (zip with proofs), verify, tree head, consistency, custody log, status. */
@RestController
@RequestMapping("/api/v1/journal")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Journal", description = "Journal d'événements scellé : recherche, export avec preuves, vérification")
class JournalApiController {

	private final JournalService service;
	private final JournalCustody custody;
	private final JournalProperties properties;

	JournalApiController(JournalService service, JournalCustody custody, JournalProperties properties) {
		this.service = service;
		this.custody = custody;
		this.properties = properties;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Chercher dans le journal",
			description = "Filtres (période, établissement, hôte, émetteur…), pagination ; chaque ligne avec son index.")
	@GetMapping("/lines")
	Map<String, Object> lines(@AuthenticationPrincipal EntenteUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String establishment,
			@RequestParam(required = false) String host, @RequestParam(required = false) String sender,
			@RequestParam(name = "user", required = false) String account, @RequestParam(required = false) String q,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) String address,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		JournalAccess.require(JournalAccess.maySearch(user));
		PageSlice.check(page, size, 1000);
		JournalSearch.Criteria c = JournalRequests.criteria(from, to, establishment, host, sender, account, q, address,
				properties.zone());
		JournalSearch.Result r = service.search(user, c, JournalRequests.blank(purpose), page, size);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total", r.total());
		body.put("totalCapped", r.capped());
		body.put("totalLabel", r.capped() ? "plus de 10 000" : String.valueOf(r.total()));
		body.put("page", page);
		body.put("size", size);
		body.put("treeSize", r.treeSize());
		if (r.limited()) {
			body.put("limited", true);
			body.put("message", LIMITED);
		}
		List<Map<String, Object>> lines = new ArrayList<>();
		for (Line l : r.lines()) {
			lines.add(view(l));
		}
		body.put("lines", lines);
		return body;
	}

	static final String LIMITED = "Recherche de texte arrêtée après " + String.format(java.util.Locale.FRANCE, "%,d", JournalSearch.TEXT_READ_CAP)
			.replace('\u202f', ' ').replace('\u00a0', ' ') + " lignes lues : le compte et les pages ne couvrent que ces lignes ; affinez la période ou ajoutez un établissement, un émetteur, un utilisateur ou une adresse.";

	static Map<String, Object> view(Line l) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("index", l.index());
		m.put("receivedAt", Instant.ofEpochSecond(0, l.receivedAtMicros() * 1000).toString());
		m.put("sender", l.sender());
		m.put("receiver", l.receiver());
		m.put("raw", new String(l.raw(), StandardCharsets.UTF_8));
		if (!org.entente.journal.internal.intake.SyslogParserAccess.validUtf8(l.raw())) {
			m.put("rawBase64", Base64.getEncoder().encodeToString(l.raw()));
		}
		return m;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Exporter le journal avec ses preuves",
			description = "Une archive zip : les lignes de la période, les têtes d'arbre signées et les preuves d'inclusion.")
	@GetMapping(value = "/export", produces = { "application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal EntenteUser user,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String establishment, @RequestParam(required = false) String host,
			@RequestParam(required = false) String sender, @RequestParam(name = "user", required = false) String account,
			@RequestParam(required = false) String q, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String requisition, @RequestParam(required = false) String address) {
		JournalAccess.require(JournalAccess.mayExport(user));
		JournalSearch.Criteria c = JournalRequests.criteria(from, to, establishment, host, sender, account, q, address,
				properties.zone());
		service.checkExport(user, purpose, requisition);
		String name = "journal-" + c.from().toString().replace(":", "") + "-" + c.to().toString().replace(":", "")
				+ (c.establishment() != null ? "-" + c.establishment() : "") + ".zip";
		StreamingResponseBody body = out -> service.export(user, c, purpose, requisition, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(body);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Vérifier le journal",
			description = "Recalcule les empreintes et les têtes d'arbre ; dit la première ligne ou tête fautive s'il y en a une.")
	@GetMapping("/verify")
	Map<String, Object> verify(@AuthenticationPrincipal EntenteUser user) {
		JournalStore.Verification v = service.verify(user);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("ok", v.ok());
		m.put("lines", v.lines());
		m.put("treeSize", v.treeSize());
		m.put("rootHash", v.rootHash());
		if (v.firstBadIndex() != null) {
			m.put("firstBadIndex", v.firstBadIndex());
		}
		if (v.firstBadTreeHead() != null) {
			m.put("firstBadTreeHead", v.firstBadTreeHead());
		}
		if (v.problem() != null) {
			m.put("problem", v.problem());
		}
		return m;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Dernière tête d'arbre signée",
			description = "La taille, la racine et la signature de la dernière tête.")
	@GetMapping(value = "/tree-head", produces = MediaType.APPLICATION_JSON_VALUE)
	String treeHead(@AuthenticationPrincipal EntenteUser user) {
		JournalAccess.require(JournalAccess.mayVerify(user));
		TreeHead h = service.latestHead();
		return JournalExporter.treeHeadJson(h, service.runtime().store().key());
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Preuve de cohérence entre deux têtes",
			description = "La preuve que l'arbre de taille second prolonge celui de taille first.")
	@GetMapping("/consistency")
	Map<String, Object> consistency(@AuthenticationPrincipal EntenteUser user, @RequestParam long first,
			@RequestParam long second) {
		List<byte[]> proof = service.consistency(user, first, second);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("first", first);
		m.put("second", second);
		m.put("algorithm", "RFC 9162 §2.1.4");
		m.put("hashes", proof.stream().map(HexFormat.of()::formatHex).toList());
		return m;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Registre de garde",
			description = "Qui a lu, exporté ou vérifié le journal, et quand ; pagination.")
	@GetMapping("/custody")
	PageSlice<JournalCustody.Entry> custody(@AuthenticationPrincipal EntenteUser user,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		JournalAccess.require(JournalAccess.mayReadCustody(user));
		PageSlice.check(page, size, 500);
		return custody.list(page, size);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "État du journal",
			description = "Nombre de lignes, dernière tête, dernier scellement.")
	@GetMapping("/status")
	Map<String, Object> status(@AuthenticationPrincipal EntenteUser user) {
		JournalAccess.require(JournalAccess.mayVerify(user));
		var r = service.runtime();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("lines", r.store().size());
		m.put("durableLines", r.store().durableSize());
		m.put("firstIndex", r.store().firstIndex());
		var counters = r.receivers().counters();
		m.put("received", counters.received());
		m.put("udpDropped", counters.udpDropped());
		m.put("truncated", counters.truncated());
		m.put("refusedConnections", counters.refusedConnections());
		m.put("timedOutConnections", counters.timedOut());
		m.put("openConnections", counters.openConnections());
		m.put("tcpPort", r.tcpPort());
		m.put("udpPort", r.udpPort());
		m.put("tlsPort", r.tlsPort());
		var rule = service.retention();
		m.put("retention", rule.period().toString());
		m.put("retentionClause", rule.clause());
		m.put("retentionFromConvention", rule.fromConvention());
		return m;
	}
}
