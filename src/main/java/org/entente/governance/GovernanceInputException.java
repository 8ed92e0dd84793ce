package org.entente.governance;

import org.entente.common.AsProblem;
import org.entente.common.ProblemException;

/**
 * A value a user typed (a what-if, a date) that governance cannot compute with; {@code parameter} names the field.
 * Still an {@link IllegalArgumentException} for the code that checks values with it, and said as the shared
 * {@code invalid-parameter} problem: 400 on the API, the message next to the field on a page that catches it.
 */
public class GovernanceInputException extends IllegalArgumentException implements AsProblem {

	private final String parameter;

	public GovernanceInputException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return parameter;
	}

	@Override
	public ProblemException problem() {
		return ProblemException.invalidParameter(parameter, getMessage());
	}
}
