package org.entente.governance;

import java.util.List;
import java.util.Map;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A value a user typed (a what-if, a date) that governance cannot compute with; {@code parameter} names the field.
 * A {@link ProblemException} of type {@code invalid-parameter}: 400 on the API, the message next to the field on a
 * page that catches it.
 */
public class GovernanceInputException extends ProblemException {

	public GovernanceInputException(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Paramètre invalide", message, parameter,
				List.of(new FieldProblem(parameter, message)), Map.of());
	}
}
