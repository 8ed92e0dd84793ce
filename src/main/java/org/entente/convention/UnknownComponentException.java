package org.entente.convention;

import java.util.List;
import java.util.Map;

import org.entente.common.ProblemException;
import org.springframework.http.HttpStatus;

/** A component code the convention does not have, with the nearest codes it does have: 404 on the API. */
public class UnknownComponentException extends ProblemException {

	private final String code;
	private final transient List<Component> suggestions;

	public UnknownComponentException(String code, List<Component> suggestions) {
		super(HttpStatus.NOT_FOUND, "unknown-component", "Composant inconnu", "Composant « " + code + " » inconnu de la convention"
				+ (suggestions.isEmpty() ? "." : " ; codes proches : "
						+ String.join(", ", suggestions.stream().map(c -> c.code() + " (" + c.label() + ")").toList()) + "."),
				null, List.of(), Map.of("component", code, "suggestions", suggestions.stream().map(Component::code).toList()));
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
