package org.entente.policy.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;

/**
 * Reads the fields of a request (a JSON object's members or a form's parts, as texts) and collects every fault
 * with the field's name; {@link #check()} then throws one 400 problem naming them all, before anything is written.
 */
final class Fields {

	private final Function<String, String> source;
	private final List<FieldProblem> problems = new ArrayList<>();

	private Fields(Function<String, String> source) {
		this.source = source;
	}

	/** Members of a JSON object; a member that is not a text (a number for a date) is named as such. */
	static Fields of(tools.jackson.databind.JsonNode json) {
		if (json == null || !json.isObject()) {
			throw ProblemException.invalid("body", "Le corps de la requête doit être un objet JSON.");
		}
		return new Fields(name -> {
			var v = json.get(name);
			if (v == null || v.isNull()) {
				return null;
			}
			return v.isString() ? v.asString() : "\u0000" + v;
		});
	}

	static Fields of(Function<String, String> parameters) {
		return new Fields(parameters);
	}

	void fault(String field, String message) {
		problems.add(new FieldProblem(field, message));
	}

	String text(String field, boolean required, int max) {
		String v = source.apply(field);
		if (v != null && v.startsWith("\u0000")) {
			fault(field, "« " + field + " » doit être un texte.");
			return null;
		}
		if (v == null || v.isBlank()) {
			if (required) {
				fault(field, "« " + field + " » est obligatoire.");
			}
			return null;
		}
		String s = v.strip();
		if (s.length() > max) {
			fault(field, "« " + field + " » dépasse " + max + " caractères.");
			return null;
		}
		return s;
	}

	String link(String field) {
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

	LocalDate date(String field, boolean required) {
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

	Instant instant(String field, boolean required) {
		String s = text(field, required, 64);
		if (s == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException e) {
			fault(field, "« " + field + " » doit être une date et heure avec décalage (ISO 8601, par exemple 2026-12-01T02:30:00+01:00).");
			return null;
		}
	}

	<E extends Enum<E>> E choice(String field, Class<E> type) {
		String s = text(field, true, 40);
		if (s == null) {
			return null;
		}
		for (E e : type.getEnumConstants()) {
			if (e.name().equals(s)) {
				return e;
			}
		}
		fault(field, "« " + field + " » vaut l'une de ces valeurs : " + java.util.Arrays.toString(type.getEnumConstants()) + ".");
		return null;
	}

	void check() {
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
	}
}
