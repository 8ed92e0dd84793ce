package org.entente.policy.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.entente.common.FieldReader;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/** The policy register: rows with their current version and acknowledgements, publishing, history, acknowledging. */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "Politiques", description = "Registre des politiques de l'annexe opérationnelle §1")
class PolicyApiController {

	static final long MAX_FILE = 10 * 1024 * 1024;

	record VersionJson(int number, String title, String link, String summary, LocalDate effectiveOn, String file,
			String definedBy, String publishedBy, Instant publishedAt, String conventionVersion) {
	}

	/** {@code by}: for each establishment that acknowledged, its head's name and function then, and when. */
	record AcknowledgementsJson(int expected, List<String> acknowledged, List<String> missing, List<PolicyRegister.Acknowledgement> by) {
	}

	record PolicyJson(String code, String label, String clause, List<String> definedBy, List<String> communicatedBy,
			List<String> appliedBy, VersionJson currentVersion, AcknowledgementsJson acknowledgements) {
	}

	private final PolicyRegister register;
	private final AddressPlanVersions addressPlan;

	PolicyApiController(PolicyRegister register, AddressPlanVersions addressPlan) {
		this.register = register;
		this.addressPlan = addressPlan;
	}

	@GetMapping("/address-plan/versions")
	@Operation(summary = "Versions du plan d'adressage académique", description = "Chaque changement du plan d'adressage de l'annuaire, numéroté, avec les réseaux ajoutés et retirés, les établissements concernés et sa communication au Département (annexe opérationnelle §1, Cadres de référence : « à chaque changement »). Les plus récentes d'abord.")
	List<AddressPlanVersions.Version> addressPlanVersions() {
		return addressPlan.list();
	}

	@GetMapping
	@Operation(summary = "Lister les politiques", description = "Chaque ligne de la partie « Politiques » de la matrice : la version en vigueur du document de référence, la ou les parties qui tiennent « Définition », et les accusés de réception des établissements (faits et manquants).")
	List<PolicyJson> list() {
		return register.register().stream().map(PolicyApiController::json).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "Lire une politique", description = "La ligne, sa version en vigueur et ses accusés de réception.")
	PolicyJson get(@PathVariable String code) {
		return json(register.row(code));
	}

	@GetMapping("/{code}/versions")
	@Operation(summary = "Historique des versions d'une politique", description = "Toutes les versions publiées, de la plus récente à la plus ancienne.")
	List<VersionJson> history(@PathVariable String code) {
		return register.history(code).stream().map(PolicyApiController::json).toList();
	}

	@PostMapping(path = "/{code}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Publier une version (JSON)", description = "Corps {title, link facultatif, summary, effectiveOn AAAA-MM-JJ}. 201 pour un agent de la partie qui tient « Définition » pour cette ligne dans la matrice, 403 pour toute autre personne, 404 pour une ligne inconnue. La publication prévient les établissements et les autres parties de la ligne (courriel et avis).")
	ResponseEntity<VersionJson> publish(@AuthenticationPrincipal EntenteUser user, @PathVariable String code,
			@RequestBody(required = false) JsonNode json) {
		PolicyRegister.Version v = register.publish(user, code, () -> read(FieldReader.of(json), false), null);
		return created(code, v);
	}

	@PostMapping(path = "/{code}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Publier une version (fichier)", description = "Formulaire multipart : title, summary, effectiveOn, link facultatif et file (10 Mo au plus) ; un lien ou un fichier est obligatoire. Mêmes droits que la publication JSON.")
	ResponseEntity<VersionJson> publishFile(@AuthenticationPrincipal EntenteUser user, @PathVariable String code,
			@RequestParam java.util.Map<String, String> params,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		PolicyRegister.Attachment attachment = null;
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > MAX_FILE) {
				throw ProblemException.invalid("file", "Le fichier dépasse 10 Mo.");
			}
			String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "document"
					: file.getOriginalFilename().replaceAll("[\\\\/\\r\\n\"]", "_");
			attachment = new PolicyRegister.Attachment(name.length() > 255 ? name.substring(0, 255) : name,
					file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(), file.getBytes());
		}
		boolean hasFile = attachment != null;
		PolicyRegister.Version v = register.publish(user, code, () -> read(FieldReader.ofTexts(params::get), !hasFile), attachment);
		return created(code, v);
	}

	@GetMapping("/{code}/versions/{number}/file")
	@Operation(summary = "Télécharger le document d'une version", description = "Le fichier joint à la version, s'il y en a un.")
	ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable int number) {
		PolicyRegister.Attachment a = register.file(code, number)
			.orElseThrow(() -> ProblemException.notFound("Document inconnu", "La version " + number + " de « " + code + " » n'a pas de fichier."));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(a.type()))
			.body(a.content());
	}

	@PostMapping("/{code}/versions/{number}/acknowledgements")
	@Operation(summary = "Accuser réception d'une version", description = "Par le·la chef·fe de l'établissement (compte du collège désigné par un·e administrateur·ice), pour son établissement : 201 la première fois, 200 ensuite (rien ne change). 403 pour un autre compte, avec les chef·fes désigné·es (membre heads).")
	ResponseEntity<AcknowledgementsJson> acknowledge(@AuthenticationPrincipal EntenteUser user, @PathVariable String code,
			@PathVariable int number) {
		boolean first = register.acknowledge(user, code, number);
		long id = register.version(code, number).orElseThrow().id();
		return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK).body(json(register.acknowledgements(id)));
	}

	static PolicyRegister.NewVersion read(FieldReader f, boolean linkRequired) {
		String title = f.text("title", true, 200);
		String link = f.link("link");
		String summary = f.text("summary", true, 4000);
		LocalDate effectiveOn = f.date("effectiveOn", true);
		if (linkRequired && link == null) {
			f.fault("file", "Joindre un fichier (« file ») ou donner un lien (« link »).");
		}
		f.check();
		return new PolicyRegister.NewVersion(title, link, summary, effectiveOn);
	}

	private static ResponseEntity<VersionJson> created(String code, PolicyRegister.Version v) {
		return ResponseEntity.created(URI.create("/api/v1/policies/" + code + "/versions/" + v.number())).body(json(v));
	}

	static VersionJson json(PolicyRegister.Version v) {
		return v == null ? null : new VersionJson(v.number(), v.title(), v.link(), v.summary(), v.effectiveOn(),
				v.fileName() == null ? null : "/api/v1/policies/" + v.component() + "/versions/" + v.number() + "/file",
				v.definedByParty(), v.publishedBy(), v.publishedAt(), v.conventionVersion());
	}

	static AcknowledgementsJson json(PolicyRegister.Acknowledgements a) {
		return a == null ? null : new AcknowledgementsJson(a.acknowledged().size() + a.missing().size(), a.acknowledged(), a.missing(), a.by());
	}

	static PolicyJson json(PolicyRegister.Row r) {
		return new PolicyJson(r.component().code(), r.component().label(), r.component().clause(), r.definedBy(),
				r.communicatedBy(), r.appliedBy(), json(r.current()), json(r.acknowledgements()));
	}
}
