package org.entente.reporting.internal;

import java.util.List;

import org.entente.common.CsvWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Satisfaction campaigns: creation (with the invitations), the invitees' answers, the anonymous results and exports. */
@RestController
@RequestMapping("/api/v1/reporting/campaigns")
@Tag(name = "Enquêtes de satisfaction", description = "Campagnes demandées par le comité stratégique (annexe opérationnelle, "
		+ "partie 4, « Enquête de satisfaction des utilisateurs ») : questionnaire, population, période, réponses anonymes")
class CampaignApiController {

	private final Campaigns campaigns;
	private final CampaignFiles files;

	CampaignApiController(Campaigns campaigns, CampaignFiles files) {
		this.campaigns = campaigns;
		this.files = files;
	}

	record CampaignAnswers(String token, List<Campaigns.CampaignAnswer> answers) {
	}

	@PostMapping
	@PreAuthorize("@reportingPermissions.produce(authentication)")
	@Operation(summary = "Lancer une campagne de satisfaction", description = "Titre, décision du comité stratégique qui "
			+ "l'a commandée (decisionId : une décision enregistrée par la gouvernance à une réunion du comité stratégique, "
			+ "400 nommant decisionId sinon ; la campagne la donne ensuite en texte, decision, et par sa page, decisionPage), population (rôles, et UAI des établissements ; aucun UAI : tous), période (opensOn, closesOn) "
			+ "et questions (kind SCALE : note de 1 à 5, ou TEXT). Chaque compte actif de la population reçoit un courriel "
			+ "avec un lien à usage unique. Agents CD et ACA, administrateurs.")
	ResponseEntity<Campaigns.SatisfactionCampaign> create(@RequestBody(required = false) Campaigns.NewSatisfactionCampaign body) {
		if (body == null) {
			throw org.entente.common.ProblemException.invalid("title", "le corps : une campagne en JSON");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.create(body));
	}

	@GetMapping
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Campagnes de satisfaction", description = "Toutes les campagnes, la plus récente d'abord, avec "
			+ "leurs questions et le nombre de personnes invitées.")
	List<Campaigns.SatisfactionCampaign> list() {
		return campaigns.list();
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Une campagne de satisfaction", description = "Son questionnaire et sa période, pour y répondre ; "
			+ "404 si elle n'existe pas.")
	Campaigns.SatisfactionCampaign campaign(@PathVariable long id) {
		return campaigns.find(id);
	}

	@PostMapping("/{id}/answers")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Répondre à une campagne", description = "Le jeton du courriel d'invitation (dans le corps, ou "
			+ "« token » de l'adresse) et une réponse par question au plus : « score » de 1 à 5 ou « text ». Le jeton ne sert "
			+ "qu'une fois (409 ensuite) ; la réponse n'est reliée à personne. 409 hors de la période.")
	ResponseEntity<Void> answer(@PathVariable long id, @RequestParam(required = false) String token,
			@RequestBody(required = false) CampaignAnswers body) {
		campaigns.answer(id, body != null && body.token() != null ? body.token() : token, body == null ? null : body.answers());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/results")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Résultats d'une campagne", description = "Anonymes : taux de réponse, répartition des notes et "
			+ "moyenne par question, moyennes par rôle et par établissement (un groupe n'apparaît qu'à partir de "
			+ "3 réponses), commentaires libres.")
	Campaigns.CampaignResults results(@PathVariable long id) {
		return campaigns.results(id);
	}

	@GetMapping("/{id}/answers.csv")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Réponses d'une campagne en CSV", description = "Une ligne par réponse à une question, sans "
			+ "personne ; le rôle et l'UAI ne sont donnés que pour un groupe d'au moins 3 réponses.")
	ResponseEntity<byte[]> csv(@PathVariable long id) {
		return ReportingApiController.file(files.csv(id), CsvWriter.MEDIA_TYPE, "enquete-" + id + ".csv");
	}

	@GetMapping("/{id}/answers.xlsx")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	@Operation(summary = "Réponses d'une campagne en XLSX", description = "Les mêmes lignes que le CSV, et une feuille "
			+ "de synthèse (taux de réponse, moyennes).")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		return ReportingApiController.file(files.xlsx(id), CampaignFiles.XLSX, "enquete-" + id + ".xlsx");
	}
}
