package org.entente.inventory.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems of the inventory API, in French. */
final class Problems {

	private Problems() {
	}

	static ErrorResponseException of(HttpStatus status, String title, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setTitle(title);
		return new ErrorResponseException(status, p, null);
	}

	static ErrorResponseException notFound(String what) {
		return of(HttpStatus.NOT_FOUND, "Introuvable", what + " introuvable.");
	}

	static ErrorResponseException forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, "Accès refusé", detail);
	}

	static ErrorResponseException invalid(List<AssetRules.FieldProblem> problems) {
		ErrorResponseException e = of(HttpStatus.BAD_REQUEST, "Données invalides", problems.size() + " champ(s) invalide(s) : "
				+ String.join(" ; ", problems.stream().map(p -> p.field() + " : " + p.message()).toList()));
		e.getBody().setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return e;
	}
}
