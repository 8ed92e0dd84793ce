package org.entente.common;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one error type of Entente: an HTTP status, a problem type URI ({@code urn:entente:problem:…}), a French
 * title, a French detail sentence, the parameter or fields at fault and any extra members. The web module renders
 * it as an RFC 9457 document on the API and as the error page, or a message next to the field, on pages. Modules
 * throw it (or a subclass) from their services; controllers do not build problem documents themselves.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;
	private final URI type;
	private final String title;
	private final String parameter;
	private final List<FieldProblem> errors;
	private final Map<String, Object> properties;
	private Wording wording;

	public ProblemException(HttpStatus status, String type, String title, String detail, String parameter,
			List<FieldProblem> errors, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.type = URI.create("urn:entente:problem:" + type);
		this.title = title;
		this.parameter = parameter;
		this.errors = List.copyOf(errors);
		this.properties = Map.copyOf(properties);
	}

	public ProblemException(HttpStatus status, String type, String title, String detail) {
		this(status, type, title, detail, null, List.of(), Map.of());
	}

	/** A body field (or file column) that does not hold: 400 naming it. */
	public static ProblemException invalid(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	/**
	 * Several faulty fields at once: 400 naming each, in the detail too ({@code name : 100 caractères au plus}), so
	 * that an API client reading only the detail knows the field; a page reads the bare message with
	 * {@link #messageFor}.
	 */
	public static ProblemException invalid(List<FieldProblem> errors) {
		String detail = errors.size() == 1 ? errors.get(0).field() + " : " + errors.get(0).message()
				: errors.size() + " champ(s) invalide(s) : "
						+ String.join(" ; ", errors.stream().map(e -> e.field() + " : " + e.message()).toList());
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Données invalides", detail, null, errors, Map.of());
	}

	/** A query or path parameter that does not hold: 400 with {@code parameter} and the same {@code errors} entry. */
	public static ProblemException invalidParameter(String parameter, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Paramètre invalide", message, parameter,
				List.of(new FieldProblem(parameter, message)), Map.of());
	}

	/** A required query or path parameter that is absent: 400, the same shape as {@link #invalidParameter}. */
	public static ProblemException missingParameter(String parameter, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "missing-parameter", "Paramètre manquant", message, parameter,
				List.of(new FieldProblem(parameter, message)), Map.of());
	}

	/** Not found, or outside the caller's scope (never reveal which): 404. */
	public static ProblemException notFound(String title, String detail) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", title, detail);
	}

	/** The caller's role does not allow it: 403. */
	public static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Action non permise", detail);
	}

	/** The request contradicts the current state (a duplicate, an impossible transition): 409. */
	public static ProblemException conflict(String title, String detail) {
		return new ProblemException(HttpStatus.CONFLICT, "conflict", title, detail);
	}

	/** The same problem with one more member (e.g. the allowed transitions). */
	public ProblemException with(String name, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(properties);
		more.put(name, value);
		ProblemException copy = new ProblemException(status, type.toString().substring("urn:entente:problem:".length()), title,
				getMessage(), parameter, errors, more);
		copy.wording = wording;
		return copy;
	}

	/**
	 * The same problem with the code and arguments of its sentence in the module's bundle: a page tells it in the
	 * reader's language ({@link #in}); the API keeps the French {@code detail} and carries the code as {@code code}. A copy,
	 * as {@link #with}: a problem kept in a constant never carries one request's sentence into another.
	 */
	public ProblemException worded(String code, Object... arguments) {
		ProblemException copy = new ProblemException(status, type.toString().substring("urn:entente:problem:".length()), title,
				getMessage(), parameter, errors, properties);
		copy.wording = Wording.of(code, arguments);
		return copy;
	}

	/** The code and arguments of the sentence, or null when the problem has only its French detail. */
	public Wording wording() {
		return wording;
	}

	/** The sentence in the reader's language when the problem has a wording, otherwise its French detail. */
	public String in(org.springframework.context.MessageSource messages, java.util.Locale locale) {
		return wording == null ? getMessage() : wording.in(messages, locale);
	}

	public HttpStatus status() {
		return status;
	}

	public URI type() {
		return type;
	}

	public String title() {
		return title;
	}

	/** The query or path parameter at fault, or null. */
	public String parameter() {
		return parameter;
	}

	public List<FieldProblem> errors() {
		return errors;
	}

	public Map<String, Object> properties() {
		return properties;
	}

	/** This problem as an RFC 9457 document: type, title, status, detail, {@code parameter}, {@code errors}, extras. */
	public ProblemDetail toProblemDetail() {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, getMessage());
		p.setTitle(title);
		p.setType(type);
		if (parameter != null) {
			p.setProperty("parameter", parameter);
		}
		if (!errors.isEmpty()) {
			p.setProperty("errors", errors);
		}
		properties.forEach(p::setProperty);
		if (wording != null && !properties.containsKey("code")) {
			p.setProperty("code", wording.code());
		}
		return p;
	}

	/** The message for one field, for a page that shows it next to the field; null when the field is not at fault. */
	public String messageFor(String field) {
		return errors.stream().filter(e -> e.field().equals(field)).map(FieldProblem::message).findFirst().orElse(null);
	}
}
