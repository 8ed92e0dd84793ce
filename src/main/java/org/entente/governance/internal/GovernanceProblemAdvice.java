package org.entente.governance.internal;

import java.net.URI;

import org.entente.governance.GovernanceInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A value governance cannot compute with: 400, naming the parameter. */
@RestControllerAdvice(assignableTypes = GovernanceApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GovernanceProblemAdvice {

	@ExceptionHandler(GovernanceInputException.class)
	ProblemDetail invalidInput(GovernanceInputException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		p.setTitle("Paramètre invalide");
		p.setType(URI.create("urn:entente:problem:invalid-parameter"));
		p.setProperty("parameter", e.parameter());
		return p;
	}
}
