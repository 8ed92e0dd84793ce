package org.entente.governance.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.entente.common.ProblemException;
import org.entente.governance.internal.PointAnswers.PointStatus;
import org.entente.governance.internal.PointAnswers.State;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The points to clarify with the committee's answers: where each stands, and recording an answer. */
@RestController
@RequestMapping("/api/v1/governance/points")
@Tag(name = "Gouvernance")
class PointAnswerApiController {

	record AnswerRequest(Long decision, String reading, Boolean needsAmendment, String amendment) {
	}

	record DecisionJson(long id, long meetingId, String committee, LocalDateTime meetingStartsAt, String text) {
	}

	record AnswerJson(DecisionJson decision, String reading, boolean needsAmendment, String amendment, String carriedBy,
			String conventionVersion, String recordedBy, Instant recordedAt) {
	}

	record PointJson(String id, String title, String clause, String component, List<String> readings,
			String fileReading, boolean inCurrentFile, State state, AnswerJson answer) {
	}

	private final PointAnswers points;

	PointAnswerApiController(PointAnswers points) {
		this.points = points;
	}

	@GetMapping
	@Operation(summary = "Les points à clarifier et les réponses du comité",
			description = "Les points du fichier en vigueur, dans son ordre, puis les points répondus qu'un avenant a retirés du fichier (inCurrentFile faux). state : OPEN (pas de réponse), AWAITING_AMENDMENT (la réponse demande un avenant qui n'est pas encore chargé), SETTLED (tranché ; carriedBy nomme la version chargée qui porte l'avenant). fileReading est la lecture que le fichier retient.")
	List<PointJson> list() {
		return points.points().stream().map(PointAnswerApiController::json).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Un point à clarifier et la réponse du comité", description = "404 pour un point inconnu.")
	PointJson one(@PathVariable String id) {
		return points.point(id).map(PointAnswerApiController::json)
			.orElseThrow(() -> ProblemException.notFound("Point à clarifier inconnu", "Aucun point à clarifier « " + id + " »."));
	}

	@PostMapping("/{id}/answer")
	@PreAuthorize("@governancePermissions.manageCommittees(authentication)")
	@Operation(summary = "Enregistrer la réponse du comité à un point à clarifier",
			description = "reading (lecture retenue, 4 000 caractères au plus) et needsAmendment obligatoires ; amendment (l'avenant qui porte la réponse : une version du fichier, « 2 », ou « avenant 1 ») obligatoire quand needsAmendment est vrai ; decision : le numéro d'une décision de comité enregistrée. La dernière réponse d'un point est celle en vigueur. 404 pour un point que le fichier en vigueur ne liste pas ; 400 nommant chaque champ fautif. Réservé à ceux qui gèrent les comités (Département, administrateurs).")
	ResponseEntity<PointJson> answer(@PathVariable String id, @RequestBody(required = false) AnswerRequest body,
			Authentication who) {
		AnswerRequest b = body == null ? new AnswerRequest(null, null, null, null) : body;
		PointStatus s = points.answer(id, b.decision(), b.reading(), b.needsAmendment(), b.amendment(), who.getName());
		return ResponseEntity.created(URI.create("/api/v1/governance/points/" + s.point().id())).body(json(s));
	}

	static PointJson json(PointStatus s) {
		var p = s.point();
		AnswerJson answer = null;
		if (s.answer() != null) {
			var a = s.answer();
			var d = s.decision();
			answer = new AnswerJson(d == null ? null : new DecisionJson(d.id(), d.meetingId(), d.committeeCode(),
					d.meetingStartsAt(), d.text()), a.reading(), a.needsAmendment(), a.amendment(), s.carriedBy(),
					a.conventionVersion(), a.recordedBy(), a.recordedAt());
		}
		return new PointJson(p.id(), p.title(), p.clause(), p.component(), p.readings(), p.retained(), s.inCurrentFile(),
				s.state(), answer);
	}
}
