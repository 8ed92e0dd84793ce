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
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Changes of a policy: the proposal with its impact study, the parties' positions, the arbitration. */
@RestController
@RequestMapping("/api/v1/policies/changes")
@Tag(name = "Politiques", description = "Registre des politiques de l'annexe opérationnelle §1")
class PolicyChangeApiController {

	private final PolicyChanges changes;
	private final PolicyRows rows;

	PolicyChangeApiController(PolicyChanges changes, PolicyRows rows) {
		this.changes = changes;
		this.rows = rows;
	}

	@PostMapping
	@Operation(summary = "Proposer une évolution de politique", description = "Par un agent du Département ou de l'Académie : {component facultatif (ligne de politique), title, proposal, jointly (élaborée conjointement), impactHuman, impactOrganisational, impactTechnical, impactFinancial} — l'étude d'impact sur les quatre volets est obligatoire. 201 ; la partie qui propose est d'accord, l'autre partie est prévenue et prend position.")
	ResponseEntity<PolicyChanges.Change> propose(@AuthenticationPrincipal EntenteUser user, @RequestBody(required = false) JsonNode json) {
		PolicyChanges.party(user);
		PolicyChanges.Change c = changes.propose(user, readProposal(FieldReader.of(json), rows));
		return ResponseEntity.created(URI.create("/api/v1/policies/changes/" + c.id())).body(c);
	}

	@GetMapping
	@Operation(summary = "Lister les propositions d'évolution", description = "Les plus récentes d'abord, avec leur état : CONSULTATION (en attente de la position de l'autre partie), AGREED, ARBITRATION, ADOPTED ou REJECTED.")
	List<PolicyChanges.Change> list() {
		return changes.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Lire une proposition d'évolution", description = "Le texte, l'étude d'impact, la position de chaque partie et, après arbitrage, la décision et sa référence.")
	PolicyChanges.Change get(@PathVariable long id) {
		return changes.get(id);
	}

	@PostMapping("/{id}/positions")
	@Operation(summary = "Prendre position sur une proposition", description = "Par un agent de la partie qui n'a pas encore pris position : {agrees, comment}. D'accord : la proposition est acceptée (AGREED) ; en désaccord : elle passe en arbitrage (ARBITRATION). 409 si la partie a déjà pris position ou si la proposition est tranchée.")
	PolicyChanges.Change position(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestBody(required = false) JsonNode json) {
		PolicyChanges.party(user);
		FieldReader f = FieldReader.of(json);
		Boolean agrees = f.bool("agrees", true);
		String comment = f.text("comment", true, 4000);
		f.check();
		return changes.position(user, id, agrees, comment);
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "Issue de l'arbitrage : décidée en comité", description = "N'enregistre plus rien : l'arbitrage se tranche par une décision du comité stratégique (POST /api/v1/governance/meetings/{meetingId}/arbitrations/{changeId}/decision, ou la page de la réunion), dont la proposition reprend l'issue (ADOPTED ou REJECTED), l'id et le lien (decision.decisionId, decision.link). 403 hors des agents CD et ACA, 404 pour une proposition inconnue, sinon 409 qui le dit (membre committee = STRATEGIC).")
	PolicyChanges.Change decide(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return changes.decide(user, id);
	}

	/** The proposal's fields, from a JSON body or the page's form; every fault named, then one 400. */
	static PolicyChanges.NewChange readProposal(FieldReader f, PolicyRows rows) {
		String component = f.text("component", false, 60);
		if (component != null && rows.find(component).isEmpty()) {
			f.fault("component", "« " + component + " » n'est pas une ligne de politique de la convention.");
		}
		String title = f.text("title", true, 200);
		String proposal = f.text("proposal", true, 4000);
		Boolean jointly = f.bool("jointly", false);
		String human = f.text("impactHuman", true, 4000);
		String organisational = f.text("impactOrganisational", true, 4000);
		String technical = f.text("impactTechnical", true, 4000);
		String financial = f.text("impactFinancial", true, 4000);
		f.check();
		return new PolicyChanges.NewChange(component, title, proposal, Boolean.TRUE.equals(jointly),
				new PolicyChanges.Impacts(human, organisational, technical, financial));
	}
}
