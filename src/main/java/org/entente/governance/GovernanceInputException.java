package org.entente.governance;

import org.entente.common.AsProblem;
import org.entente.common.ProblemException;

/**
 * A value a user typed (a what-if, a date) that governance cannot compute with; {@code parameter} names the field.
 * Still an {@link IllegalArgumentException} for the code that checks values with it, and said as the shared
 * {@code invalid-parameter} problem: 400 on the API, the message next to the field on a page that catches it. With a
 * code (a {@code gov.refused.*} message of the governance bundle) and its arguments, the problem carries its wording,
 * so that a page tells it in the reader's language; the French message stays the API's {@code detail}.
 */
public class GovernanceInputException extends IllegalArgumentException implements AsProblem {

	private final String parameter;
	private final String code;
	private final Object[] arguments;

	public GovernanceInputException(String parameter, String message) {
		this(parameter, message, null);
	}

	/** The same, with the code and arguments of {@code message} in the governance bundle. */
	public GovernanceInputException(String parameter, String message, String code, Object... arguments) {
		super(message);
		this.parameter = parameter;
		this.code = code;
		this.arguments = arguments == null ? new Object[0] : arguments.clone();
	}

	public String parameter() {
		return parameter;
	}

	/** The message's code in the governance bundle, or null when it has only its French message. */
	public String code() {
		return code;
	}

	/** The message in the page's language when it has a code, otherwise its French message (for a page that shows it). */
	public String in(org.springframework.context.MessageSource messages) {
		return problem().in(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	@Override
	public ProblemException problem() {
		ProblemException p = ProblemException.invalidParameter(parameter, getMessage());
		return code == null ? p : p.worded(code, arguments.clone());
	}
}
