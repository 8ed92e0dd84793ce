package org.entente.policy.internal;

import java.net.URI;
import java.util.List;

import org.entente.common.FieldReader;
import org.entente.directory.EntenteUser;
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

/** Validations by the Académie: changes of use of the Département's services, services outside the trust framework. */
@RestController
@RequestMapping("/api/v1/policies/validations")
@Tag(name = "Politiques", description = "Registre des politiques de l'annexe opérationnelle §1")
class ValidationApiController {

	private final Validations validations;

	ValidationApiController(Validations validations) {
		this.validations = validations;
	}

	@PostMapping
	@Operation(summary = "Soumettre à la validation de l'Académie", description = "{kind USE_CHANGE (agent du Département : un nouveau service pédagogique) ou OUTSIDE_TRUST (compte du collège : un service hors cadre de confiance), service, description, ports facultatif}. 201, en attente jusqu'à la réponse.")
	ResponseEntity<Validations.Validation> submit(@AuthenticationPrincipal EntenteUser user, @RequestBody(required = false) JsonNode json) {
		Validations.Validation v = submit(validations, user, FieldReader.of(json));
		return ResponseEntity.created(URI.create("/api/v1/policies/validations/" + v.id())).body(v);
	}

	@GetMapping
	@Operation(summary = "Lister les demandes de validation", description = "Par type (kind), les plus récentes d'abord, avec leur état (PENDING tant que l'Académie n'a pas répondu).")
	List<Validations.Validation> list(@RequestParam Validations.Kind kind) {
		return validations.list(kind);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire une demande de validation", description = "L'état, la réponse et ses motifs.")
	Validations.Validation get(@PathVariable long id) {
		return validations.get(id);
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "Répondre (Académie)", description = "Par un agent de l'Académie : {approved, grounds} (motifs de sécurité et de protection des données obligatoires). Un service hors cadre de confiance autorisé devient une demande d'ouverture de ports au Département (guichet). 409 si déjà répondu.")
	Validations.Validation answer(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestBody(required = false) JsonNode json) {
		return answer(validations, user, id, FieldReader.of(json));
	}

	/** Reads {kind, service, description, ports?} (a JSON body or the page's form), names every fault, then submits. */
	static Validations.Validation submit(Validations validations, EntenteUser user, FieldReader f) {
		Validations.Kind kind = f.choice("kind", Validations.Kind.class, true);
		String service = f.text("service", true, 200);
		String description = f.text("description", true, 4000);
		String ports = f.text("ports", false, 500);
		f.check();
		return validations.submit(user, kind, service, description, ports);
	}

	/** Reads {approved, grounds}, names every fault, then records the Académie's answer. */
	static Validations.Validation answer(Validations validations, EntenteUser user, long id, FieldReader f) {
		Boolean approved = f.bool("approved", true);
		String grounds = f.text("grounds", true, 4000);
		f.check();
		return validations.answer(user, id, approved, grounds);
	}
}
