package org.entente.governance.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.entente.common.FieldReader;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Policy changes in arbitration at the strategic committee, and the committee's decision on one (see {@link Arbitrations}). */
@RestController
@RequestMapping("/api/v1/governance")
@Tag(name = "Gouvernance", description = "Contribution ENT et cycle de vie de la convention")
class ArbitrationApiController {

	/** A decision as the API gives it: {@code link} is the page that shows it. */
	record DecisionResponse(long id, long meetingId, String committeeCode, String text, String targetType, String targetRef,
			String outcome, String recordedBy, java.time.Instant recordedAt, String link) {

		static DecisionResponse of(GovernanceStore.Decision d) {
			return new DecisionResponse(d.id(), d.meetingId(), d.committeeCode(), d.text(), d.targetType() == null ? null : d.targetType().name(),
					d.targetRef(), d.outcome(), d.recordedBy(), d.recordedAt(), Arbitrations.link(d.meetingId(), d.id()));
		}
	}

	private final Arbitrations arbitrations;

	ArbitrationApiController(Arbitrations arbitrations) {
		this.arbitrations = arbitrations;
	}

	@GetMapping("/arbitrations")
	@Operation(summary = "Lister les évolutions de politiques en arbitrage", description = "Chaque proposition passée en arbitrage (désaccord des parties) : la réunion du comité stratégique à l'ordre du jour de laquelle elle est inscrite (meetingId, null tant qu'aucune n'est planifiée) et, une fois tranchée, la décision (decisionId, outcome ADOPTED ou REJECTED). Les plus récentes d'abord.")
	List<Arbitrations.Arbitration> list() {
		return arbitrations.all();
	}

	@PostMapping("/meetings/{meetingId}/arbitrations/{changeId}/decision")
	@PreAuthorize("@governancePermissions.manageCommittees(authentication)")
	@Operation(summary = "Enregistrer la décision du comité stratégique sur une évolution en arbitrage", description = "Par le Département, qui tient les comités : {adopted, text}. 201 avec la décision de la réunion (cible POLICY_CHANGE) ; la proposition passe ensuite ADOPTED ou REJECTED et renvoie à la décision (decision.decisionId, decision.link de GET /api/v1/policies/changes/{id}). 400 nommant le champ (réunion qui n'est pas du comité stratégique ou annulée, proposition qui n'est pas en arbitrage), 404 pour une réunion inconnue, 409 si le comité a déjà tranché.")
	ResponseEntity<DecisionResponse> decide(@PathVariable long meetingId, @PathVariable long changeId,
			@RequestBody(required = false) JsonNode json, Principal principal) {
		FieldReader f = FieldReader.of(json);
		Boolean adopted = f.bool("adopted", true);
		String text = f.text("text", true, 10000);
		f.check();
		DecisionResponse d = DecisionResponse.of(arbitrations.decide(meetingId, changeId, adopted, text, principal.getName()));
		return ResponseEntity.created(URI.create(d.link())).body(d);
	}
}
