package org.entente.convention.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.convention.Component;
import org.entente.convention.Convention;
import org.entente.convention.ConventionVersion;
import org.entente.convention.Conventions;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.PointToClarify;
import org.entente.convention.Responsibility;
import org.entente.convention.ResponsibilityContext;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.ResponseEntity;
import java.net.URI;
import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The convention as a public API: the matrix, who is responsible, the points to clarify, the versions. */
@RestController
@RequestMapping("/api/v1/convention")
@Tag(name = "Convention", description = "La convention comme donnée : qui fait quoi, et pourquoi")
class ConventionApiController {

	record ConventionRef(String id, String version, String title, LocalDate validFrom, LocalDate validTo) {
	}

	record MatrixRow(String code, String label, String domain, String section, String clause,
			Map<InterventionKind, List<String>> responsibilities, List<String> notes) {
	}

	record Matrix(ConventionRef convention, List<MatrixRow> components) {
	}

	record ResponsibilityView(List<String> parties, String explanation, String clause, String conventionVersion,
			List<PointToClarify> pointsToClarify, boolean toArbitrate) {
	}

	private final JsonMapper json;
	private final Conventions conventions;
	private final Map<String, byte[]> matrixJson = new ConcurrentHashMap<>();

	ConventionApiController(Conventions conventions, JsonMapper json) {
		this.conventions = conventions;
		this.json = json;
	}

	@GetMapping("/matrix")
	@Operation(summary = "Matrice « qui fait quoi »", description = "La matrice de la convention en vigueur, ou de la version demandée : pour chaque composant, qui fait quoi.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Matrix.class)))
	ResponseEntity<byte[]> matrix(@RequestParam(required = false) String version, WebRequest request) {
		Convention c = version == null ? conventions.current() : conventions.requireVersion(version);
		// The matrix only changes with a new version: its hash is a strong ETag, and slow lines are spared.
		if (request.checkNotModified('"' + c.sha256() + '"')) {
			return null;
		}
		// Serialised once per version: the document is the same for every caller.
		byte[] body = matrixJson.computeIfAbsent(c.sha256(), sha -> json.writeValueAsBytes(
				new Matrix(ref(c), c.components().values().stream().map(ConventionApiController::row).toList())));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.eTag('"' + c.sha256() + '"')
			.body(body);
	}

	@GetMapping("/responsibility")
	@Operation(summary = "Qui est responsable", description = "Qui est responsable d'une intervention sur un composant, dans un contexte donné, et pourquoi (les articles de la convention).")
	ResponsibilityView responsibility(@RequestParam String component, @RequestParam InterventionKind intervention,
			@RequestParam(required = false) Funding funding, @RequestParam(required = false) Network network,
			@RequestParam(required = false) Boolean sharedBetweenNetworks) {
		Responsibility r = conventions.resolve(component, intervention,
				new ResponsibilityContext(funding, network, sharedBetweenNetworks));
		return new ResponsibilityView(r.parties(), r.explanation(), r.clause(), r.conventionVersion(), r.pointsToClarify(),
				r.toArbitrate());
	}

	@GetMapping("/points-to-clarify")
	@Operation(summary = "Points à clarifier", description = "Les points que la convention en vigueur laisse ouverts, à trancher en comité.")
	List<PointToClarify> points() {
		return conventions.current().pointsToClarify();
	}

	@GetMapping("/search")
	@Operation(summary = "Chercher dans la matrice", description = "Recherche tolérante (accents, casse, petites fautes) dans les lignes de la matrice.")
	List<MatrixRow> search(@RequestParam("q") String query) {
		return conventions.search(query).stream().map(ConventionApiController::row).toList();
	}

	@GetMapping("/versions")
	@Operation(summary = "Versions de la convention", description = "Les versions chargées de la convention (la première et les avenants), de la plus ancienne à la plus récente.")
	List<ConventionVersion> versions() {
		return conventions.versions();
	}

	@PostMapping(path = "/versions", consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Charger un avenant", description = "Le fichier YAML complet de la convention modifiée ; 422 avec la liste des fautes (fichier, ligne, chemin) s'il est invalide.")
	ResponseEntity<ConventionRef> upload(@RequestBody byte[] file,
			@RequestHeader(name = "X-Filename", defaultValue = "avenant.yaml") String filename, Principal principal) {
		Convention loaded = conventions.upload(filename, file, principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/convention/versions/" + loaded.version())).body(ref(loaded));
	}

	static ConventionRef ref(Convention c) {
		return new ConventionRef(c.id(), c.version(), c.title(), c.lifecycle().validFrom(), c.lifecycle().validTo());
	}

	static MatrixRow row(Component component) {
		Map<InterventionKind, List<String>> cells = new LinkedHashMap<>();
		for (InterventionKind kind : component.area().kinds()) {
			cells.put(kind, component.cell(kind).parties());
		}
		return new MatrixRow(component.code(), component.label(), component.domain(), component.section(),
				component.clause(), cells, component.notes());
	}
}
