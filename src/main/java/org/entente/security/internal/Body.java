package org.entente.security.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;

import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON body field by field and collects every fault with the field's name, so that a bad value (a date
 * without offset, a text for a boolean) is a French problem document naming it, never a generic 400 or a 500.
 */
final class Body {

	private final JsonNode node;
	private final String prefix;
	private final List<FieldProblem> problems;

	private Body(JsonNode node, String prefix, List<FieldProblem> problems) {
		this.node = node;
		this.prefix = prefix;
		this.problems = problems;
	}

	static Body of(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw ProblemException.invalid("body", "Le corps de la requête doit être un objet JSON.");
		}
		return new Body(node, "", new ArrayList<>());
	}

	Body child(JsonNode child, String path) {
		return new Body(child, path + ".", problems);
	}

	private JsonNode get(String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() ? null : v;
	}

	void fault(String field, String message) {
		problems.add(new FieldProblem(prefix + field, message));
	}

	String text(String field, boolean required, int max) {
		JsonNode v = get(field);
		if (v == null || (v.isString() && v.asString().isBlank())) {
			if (required) {
				fault(field, "« " + field + " » est obligatoire.");
			}
			return null;
		}
		if (!v.isString()) {
			fault(field, "« " + field + " » doit être un texte.");
			return null;
		}
		String s = v.asString().strip();
		if (s.length() > max) {
			fault(field, "« " + field + " » dépasse " + max + " caractères.");
			return null;
		}
		return s;
	}

	Boolean bool(String field, boolean required) {
		JsonNode v = get(field);
		if (v == null) {
			if (required) {
				fault(field, "« " + field + " » est obligatoire (true ou false).");
			}
			return null;
		}
		if (!v.isBoolean()) {
			fault(field, "« " + field + " » doit valoir true ou false.");
			return null;
		}
		return v.booleanValue();
	}

	Long id(String field) {
		JsonNode v = get(field);
		if (v == null) {
			return null;
		}
		if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() > 0) {
			return v.longValue();
		}
		if (v.isString() && v.asString().strip().matches("[1-9][0-9]{0,17}")) {
			return Long.parseLong(v.asString().strip());
		}
		fault(field, "« " + field + " » doit être un identifiant numérique positif.");
		return null;
	}

	Integer count(String field) {
		JsonNode v = get(field);
		if (v == null) {
			return null;
		}
		if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
			return v.intValue();
		}
		fault(field, "« " + field + " » doit être un nombre entier positif ou nul.");
		return null;
	}

	Instant instant(String field, boolean required) {
		String s = text(field, required, 64);
		if (s == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException e) {
			fault(field, "« " + field + " » doit être une date et heure avec décalage, par exemple 2026-03-14T09:30:00+01:00.");
			return null;
		}
	}

	LocalDate date(String field, boolean required) {
		String s = text(field, required, 10);
		if (s == null) {
			return null;
		}
		try {
			return LocalDate.parse(s);
		}
		catch (DateTimeParseException e) {
			fault(field, "« " + field + " » doit être une date AAAA-MM-JJ.");
			return null;
		}
	}

	<E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
		String s = text(field, required, 40);
		if (s == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			fault(field, "« " + s + " » n'est pas une valeur de « " + field + " » : " + List.of(type.getEnumConstants()) + ".");
			return null;
		}
	}

	List<String> texts(String field, boolean required, int maxItems, int maxLength) {
		JsonNode v = get(field);
		if (v == null) {
			if (required) {
				fault(field, "« " + field + " » est obligatoire (une liste).");
			}
			return List.of();
		}
		if (!v.isArray()) {
			fault(field, "« " + field + " » doit être une liste.");
			return List.of();
		}
		if (v.size() > maxItems) {
			fault(field, "« " + field + " » compte plus de " + maxItems + " éléments.");
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (int i = 0; i < v.size(); i++) {
			JsonNode item = v.get(i);
			if (item == null || !item.isString() || item.asString().isBlank() || item.asString().strip().length() > maxLength) {
				fault(field + "[" + i + "]", "« " + field + "[" + i + "] » doit être un texte non vide de " + maxLength + " caractères au plus.");
				continue;
			}
			out.add(item.asString().strip());
		}
		if (required && v.isEmpty()) {
			fault(field, "« " + field + " » doit contenir au moins un élément.");
		}
		return out;
	}

	List<Body> objects(String field, int maxItems) {
		JsonNode v = get(field);
		if (v == null) {
			return List.of();
		}
		if (!v.isArray() || v.size() > maxItems) {
			fault(field, "« " + field + " » doit être une liste de " + maxItems + " éléments au plus.");
			return List.of();
		}
		List<Body> out = new ArrayList<>();
		for (int i = 0; i < v.size(); i++) {
			if (!v.get(i).isObject()) {
				fault(field + "[" + i + "]", "« " + field + "[" + i + "] » doit être un objet.");
				continue;
			}
			out.add(child(v.get(i), prefix + field + "[" + i + "]"));
		}
		return out;
	}

	boolean has(String field) {
		return get(field) != null;
	}

	/** Throws the 400 naming every faulty field, if any. */
	void check() {
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(List.copyOf(problems));
		}
	}
}
