package org.entente.policy.internal;

import java.net.URI;
import java.time.LocalDate;

import org.entente.common.FieldReader;
import org.entente.directory.EntenteUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** BYOD: the board's decision, then the opening request of the guest network. */
@RestController
@RequestMapping("/api/v1/byod")
@Tag(name = "Politiques", description = "Registre des politiques de l'annexe opérationnelle §1")
class ByodApiController {

	private final Byod byod;

	ByodApiController(Byod byod) {
		this.byod = byod;
	}

	@PostMapping("/decisions")
	@Operation(summary = "Enregistrer la décision du Conseil d'Administration", description = "Par un compte du collège, pour son établissement : {decidedOn AAAA-MM-JJ, reference}. 201.")
	ResponseEntity<Byod.Decision> decide(@AuthenticationPrincipal EntenteUser user, @RequestBody(required = false) JsonNode json) {
		Byod.Decision d = record(byod, user, FieldReader.of(json));
		return ResponseEntity.created(URI.create("/api/v1/byod/decisions/" + d.id())).body(d);
	}

	@PostMapping("/openings")
	@Operation(summary = "Demander l'ouverture du réseau invité aux élèves", description = "Par un compte du collège : 201 et une demande au guichet routée vers le Département si la décision du Conseil d'Administration est enregistrée ; 409 avec l'explication sinon.")
	ResponseEntity<Byod.Decision> open(@AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(byod.requestOpening(user));
	}

	/** Reads {decidedOn, reference} (a JSON body or the page's form), names every fault, then records the decision. */
	static Byod.Decision record(Byod byod, EntenteUser user, FieldReader f) {
		LocalDate decidedOn = f.date("decidedOn", true);
		String reference = f.text("reference", true, 200);
		if (decidedOn != null && decidedOn.isAfter(LocalDate.now().plusDays(1))) {
			f.fault("decidedOn", "« decidedOn » est dans le futur : la décision doit avoir été prise.");
		}
		f.check();
		return byod.record(user, decidedOn, reference);
	}
}
