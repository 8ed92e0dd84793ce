package org.entente.governance;

/** A value a user typed (a what-if, a date) that governance cannot compute with; {@code parameter} names the field. */
public class GovernanceInputException extends IllegalArgumentException {

	private final String parameter;

	public GovernanceInputException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return parameter;
	}
}
