package org.entente.convention.internal;

import java.net.URI;

import org.entente.convention.ConventionFileException;
import org.entente.convention.UnknownComponentException;
import org.entente.convention.UnknownVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem documents for the convention's own errors, on every API that raises them. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConventionProblemAdvice {

	@ExceptionHandler(UnknownComponentException.class)
	ProblemDetail unknownComponent(UnknownComponentException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()
				+ (e.suggestions().isEmpty() ? "." : " ; codes proches : "
						+ String.join(", ", e.suggestions().stream().map(c -> c.code() + " (" + c.label() + ")").toList()) + "."));
		p.setTitle("Composant inconnu");
		p.setType(URI.create("urn:entente:problem:unknown-component"));
		p.setProperty("component", e.code());
		p.setProperty("suggestions", e.suggestions().stream().map(c -> c.code()).toList());
		return p;
	}

	@ExceptionHandler(UnknownVersionException.class)
	ProblemDetail unknownVersion(UnknownVersionException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage() + ".");
		p.setTitle("Version inconnue");
		return p;
	}

	@ExceptionHandler(ConventionFileException.class)
	ProblemDetail invalidFile(ConventionFileException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				e.faults().size() + " faute(s) dans le fichier de convention ; rien n'a été enregistré.");
		p.setTitle("Fichier de convention invalide");
		p.setType(URI.create("urn:entente:problem:invalid-convention-file"));
		p.setProperty("errors", e.faults());
		return p;
	}
}
