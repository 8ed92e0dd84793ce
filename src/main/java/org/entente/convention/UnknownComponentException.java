package org.entente.convention;

import java.util.List;

/** A component code the convention does not have, with the nearest codes it does have. */
public class UnknownComponentException extends RuntimeException {

	private final String code;
	private final transient List<Component> suggestions;

	public UnknownComponentException(String code, List<Component> suggestions) {
		super("Composant « " + code + " » inconnu de la convention");
		this.code = code;
		this.suggestions = List.copyOf(suggestions);
	}

	public String code() {
		return code;
	}

	public List<Component> suggestions() {
		return suggestions;
	}
}
