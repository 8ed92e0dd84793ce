package org.entente.common;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the fields of a request (a JSON object's members, or a form's parameters as texts) and collects every fault
 * with the field's name, so that a bad value (a date without offset, a text for a boolean) is a French problem
 * document naming it, never a generic 400 or a 500; {@link #check()} then throws one 400 naming them all, before
 * anything is written. The one reader of the modules that take hand-read bodies (security, policy).
 */
public final class FieldReader {

	private final Function<String, JsonNode> source;
	private final String prefix;
	private final List<FieldProblem> problems;

	private FieldReader(Function<String, JsonNode> source, String prefix, List<FieldProblem> problems) {
		this.source = source;
		this.prefix = prefix;
		this.problems = problems;
	}

	/** The members of a JSON object; anything else is a 400 on {@code body}. */
	public static FieldReader of(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw ProblemException.invalid("body", "Le corps de la requête doit être un objet JSON.");
		}
		return new FieldReader(node::get, "", new ArrayList<>());
	}

	/** A form's parameters (or multipart parts), each a text. */
	public static FieldReader ofTexts(Function<String, String> parameters) {
		return new FieldReader(name -> {
			String v = parameters.apply(name);
			return v == null ? null : JsonNodeFactory.instance.stringNode(v);
		}, "", new ArrayList<>());
	}

	private FieldReader child(JsonNode child, String path) {
		return new FieldReader(child::get, path + ".", problems);
	}

	private JsonNode get(String field) {
		JsonNode v = source.apply(field);
		return v == null || v.isNull() ? null : v;
	}

	public void fault(String field, String message) {
		problems.add(new FieldProblem(prefix + field, message));
	}

	public boolean has(String field) {
		return get(field) != null;
	}

	public String text(String field, boolean required, int max) {
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

	/** An http(s) address with a host (a link to a published document). */
	public String link(String field) {
		String s = text(field, false, 1000);
		if (s == null) {
			return null;
		}
		try {
			URI u = new URI(s);
			if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null) {
				return s;
			}
		}
		catch (java.net.URISyntaxException e) {
			// named below
		}
		fault(field, "« " + field + " » doit être une adresse http(s), par exemple https://eduscol.education.fr/.");
		return null;
	}

	/** A JSON boolean, or (from a form) the text true or false. */
	public Boolean bool(String field, boolean required) {
		JsonNode v = get(field);
		if (v == null) {
			if (required) {
				fault(field, "« " + field + " » est obligatoire (true ou false).");
			}
			return null;
		}
		if (v.isBoolean()) {
			return v.booleanValue();
		}
		if (v.isString() && ("true".equals(v.asString()) || "false".equals(v.asString()))) {
			return Boolean.parseBoolean(v.asString());
		}
		fault(field, "« " + field + " » doit valoir true ou false.");
		return null;
	}

	public Long id(String field) {
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

	public Integer count(String field) {
		JsonNode v = get(field);
		if (v == null) {
			return null;
		}
		if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
			return v.intValue();
		}
		if (v.isString() && v.asString().strip().matches("[0-9]{1,9}")) {
			return Integer.parseInt(v.asString().strip());
		}
		fault(field, "« " + field + " » doit être un nombre entier positif ou nul.");
		return null;
	}

	public Instant instant(String field, boolean required) {
		String s = text(field, required, 64);
		if (s == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException e) {
			fault(field, "« " + field + " » doit être une date et heure avec décalage (ISO 8601, par exemple 2026-03-14T09:30:00+01:00).");
			return null;
		}
	}

	public LocalDate date(String field, boolean required) {
		String s = text(field, required, 20);
		if (s == null) {
			return null;
		}
		try {
			return LocalDate.parse(s);
		}
		catch (DateTimeParseException e) {
			fault(field, "« " + field + " » doit être une date AAAA-MM-JJ (par exemple 2026-09-01).");
			return null;
		}
	}

	/** One of an enumeration's names, in any case. */
	public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
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

	public List<String> texts(String field, boolean required, int maxItems, int maxLength) {
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

	/** A list of objects, each read by a reader whose faults carry the item's path ({@code actions[0].title}). */
	public List<FieldReader> objects(String field, int maxItems) {
		JsonNode v = get(field);
		if (v == null) {
			return List.of();
		}
		if (!v.isArray() || v.size() > maxItems) {
			fault(field, "« " + field + " » doit être une liste de " + maxItems + " éléments au plus.");
			return List.of();
		}
		List<FieldReader> out = new ArrayList<>();
		for (int i = 0; i < v.size(); i++) {
			if (!v.get(i).isObject()) {
				fault(field + "[" + i + "]", "« " + field + "[" + i + "] » doit être un objet.");
				continue;
			}
			out.add(child(v.get(i), prefix + field + "[" + i + "]"));
		}
		return out;
	}

	/** Throws the 400 naming every faulty field, if any. */
	public void check() {
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(List.copyOf(problems));
		}
	}
}
