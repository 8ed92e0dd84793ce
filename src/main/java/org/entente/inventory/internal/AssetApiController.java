package org.entente.inventory.internal;

import org.entente.common.PageSlice;
import org.entente.common.LimitedInputStream;
import org.entente.common.ProblemException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.entente.convention.Funding;
import org.entente.directory.EntenteUser;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetData;
import org.entente.inventory.AssetStatus;
import org.entente.inventory.InventoryNetwork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assets over the API: search, read, create, change (If-Match on the version), history, CSV import. */
@RestController
@RequestMapping("/api/v1/assets")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Inventaire", description = "Équipements, référentiel, catalogue, achats sur fonds propres, logiciels")
class AssetApiController {

	static final long MAX_CSV_BYTES = 64L * 1024 * 1024;

	/** An asset as the API shows and accepts it (the CSV import's fields, plus id, location and version). */
	record AssetView(Long id, String uai, String component, InventoryNetwork network, String name, String serial,
			String manufacturer, String model, Funding funding, LocalDate acquired, LocalDate warrantyEnd,
			AssetStatus status, String building, String room, String socket, String deviceId, Long version,
			Boolean sharedBetweenNetworks) {

		static AssetView of(Asset a) {
			AssetData d = a.data();
			return new AssetView(a.id(), d.uai(), d.component(), d.network(), d.name(), d.serial(), d.manufacturer(),
					d.model(), d.funding(), d.acquired(), d.warrantyEnd(), d.status(), d.building(), d.room(), d.socket(),
					d.deviceId(), a.version(), d.sharedBetweenNetworks());
		}

		AssetData data() {
			return new AssetData(blank(uai), blank(component), network, blank(name), blank(serial), blank(deviceId),
					blank(manufacturer), blank(model), funding, acquired, warrantyEnd, status, blank(building), blank(room),
					blank(socket), Boolean.TRUE.equals(sharedBetweenNetworks));
		}

		private static String blank(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}
	}

	/** {@code total} of a page is exact up to this; beyond, it says «at least» ({@code totalCapped}). */
	static final int COUNT_CAP = 10_000;

	record ChangeView(Instant at, String by, String source, String field, String before, String after) {
	}

	private final AssetRepository repository;
	private final InventoryPermissions access;
	private final AssetWrites writes;
	private final AssetImport assetImport;
	private final InventoryExport export;

	AssetApiController(AssetRepository repository, InventoryPermissions access, AssetWrites writes, AssetImport assetImport,
			InventoryExport export) {
		this.export = export;
		this.repository = repository;
		this.access = access;
		this.writes = writes;
		this.assetImport = assetImport;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Chercher des équipements",
			description = "Filtres (UAI, numéro de série, nom, composant, statut), pagination ; seulement ceux du périmètre du compte.")
	@GetMapping
	PageSlice<AssetView> search(@RequestParam(required = false) String uai, @RequestParam(required = false) String serial,
			@RequestParam(required = false) String name, @RequestParam(required = false) String component,
			@RequestParam(required = false) AssetStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal EntenteUser user) {
		InventoryPermissions.Scope scope = access.requireRead(user);
		PageSlice.check(page, size, 500);
		var filter = new AssetRepository.Filter(trim(uai), trim(serial), trim(name), trim(component), status, scope.uai());
		List<AssetView> items = repository.search(filter, page * size, size).stream().map(AssetView::of).toList();
		long total = items.size() < size && page == 0 ? items.size() : repository.count(filter, COUNT_CAP + 1);
		return PageSlice.counted(items, page, size, total, COUNT_CAP);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lire un équipement",
			description = "Avec son ETag, à renvoyer en If-Match pour le modifier ; 404 hors du périmètre.")
	@GetMapping("/{id}")
	ResponseEntity<AssetView> get(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		Asset a = writes.readable(id, user);
		return ResponseEntity.ok().eTag("\"" + a.version() + "\"").body(AssetView.of(a));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Historique d'un équipement",
			description = "Chaque champ changé, par qui, d'où (page, API, import, agent) et quand.")
	@GetMapping("/{id}/history")
	List<ChangeView> history(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		writes.readable(id, user);
		return repository.history(id).stream()
			.map(c -> new ChangeView(c.at(), c.by(), c.source(), c.field(), c.before(), c.after()))
			.toList();
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Créer un équipement",
			description = "Les champs de l'import CSV ; 201 avec l'équipement créé et son adresse.")
	@PostMapping(consumes = "application/json")
	ResponseEntity<AssetView> create(@RequestBody AssetView body, @AuthenticationPrincipal EntenteUser user) {
		Asset a = writes.create(body.data(), user, "API");
		return ResponseEntity.status(HttpStatus.CREATED).eTag("\"" + a.version() + "\"")
			.location(java.net.URI.create("/api/v1/assets/" + a.id())).body(AssetView.of(a));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Modifier un équipement",
			description = "Remplace l'équipement ; If-Match avec la version lue (428 sans, 412 si elle n'est plus la bonne).")
	@PutMapping(path = "/{id}", consumes = "application/json")
	ResponseEntity<AssetView> update(@PathVariable long id, @RequestBody AssetView body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @AuthenticationPrincipal EntenteUser user) {
		Asset a = writes.update(id, ifMatch, body.data(), user, "API");
		return ResponseEntity.ok().eTag("\"" + a.version() + "\"").body(AssetView.of(a));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Importer des équipements (CSV)",
			description = "Tout ou rien : le rapport dit ce qui est créé ou mis à jour, et chaque faute avec sa ligne et sa colonne (422).")
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	ResponseEntity<Map<String, Object>> importCsv(@RequestParam(defaultValue = "true") boolean dryRun,
			HttpServletRequest request, @AuthenticationPrincipal EntenteUser user) throws java.io.IOException {
		access.requireImport(user);
		if (request.getContentLengthLong() > MAX_CSV_BYTES) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Fichier trop volumineux",
					"Le fichier dépasse " + MAX_CSV_BYTES / 1024 / 1024 + " Mio : découpez-le.");
		}
		try (Reader reader = org.entente.common.CsvReader.utf8(new LimitedInputStream(request.getInputStream(), MAX_CSV_BYTES))) {
			AssetImport.ImportResult r = assetImport.importCsv(reader, user, dryRun);
			Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("created", r.created());
			body.put("updated", r.updated());
			body.put("unchanged", r.unchanged());
			body.put("dryRun", r.dryRun());
			body.put("errors", r.errors());
			if (r.truncated()) {
				body.put("truncated", true);
			}
			if (!r.ok()) {
				AssetImport.ImportError first = r.errors().get(0);
				throw org.entente.common.CsvReader.refused(body, first.line(), first.column(), first.message(), r.errors().size());
			}
			return ResponseEntity.ok(body);
		}
	}

	/** The exhaustive inventory within the caller's scope, streamed: {@code format=csv} or {@code xlsx}. */
	@io.swagger.v3.oas.annotations.Operation(summary = "Exporter l'inventaire",
			description = "L'inventaire exhaustif du périmètre, en flux : format=csv ou xlsx.")
	@GetMapping("/export")
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(
			@RequestParam(defaultValue = "csv") String format, @AuthenticationPrincipal EntenteUser user) {
		return exportResponse(export, access.requireRead(user), format);
	}

	static ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> exportResponse(
			InventoryExport export, InventoryPermissions.Scope scope, String format) {
		String day = LocalDate.now().toString();
		return switch (format) {
			case "csv" -> ResponseEntity.ok()
				.header("Content-Disposition", "attachment; filename=\"inventaire-" + day + ".csv\"")
				.contentType(org.springframework.http.MediaType.parseMediaType(org.entente.common.CsvWriter.MEDIA_TYPE))
				.body(out -> export.csv(scope, out));
			case "xlsx" -> ResponseEntity.ok()
				.header("Content-Disposition", "attachment; filename=\"inventaire-" + day + ".xlsx\"")
				.contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(out -> export.xlsx(scope, out));
			default -> throw new IllegalArgumentException("Format « " + format + " » inconnu : csv ou xlsx.");
		};
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
