package org.entente.helpdesk.internal;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error of the desk with the HTTP status and French title its problem document carries, and extra members
 * (e.g. the allowed transitions, the field at fault).
 */
class HelpdeskException extends RuntimeException {

	private final HttpStatus status;
	private final String title;
	private final Map<String, Object> properties;

	HelpdeskException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.title = title;
		this.properties = properties;
	}

	HelpdeskException(HttpStatus status, String title, String detail) {
		this(status, title, detail, Map.of());
	}

	static HelpdeskException notFound(long id) {
		return new HelpdeskException(HttpStatus.NOT_FOUND, "Ticket introuvable", "Aucun ticket n° " + id + " dans votre périmètre.");
	}

	static HelpdeskException forbidden(String detail) {
		return new HelpdeskException(HttpStatus.FORBIDDEN, "Action non permise", detail);
	}

	static HelpdeskException invalid(String field, String detail) {
		return new HelpdeskException(HttpStatus.BAD_REQUEST, "Données invalides", detail,
				Map.of("errors", java.util.List.of(Map.of("field", field, "message", detail))));
	}

	HttpStatus status() {
		return status;
	}

	String title() {
		return title;
	}

	Map<String, Object> properties() {
		return properties;
	}
}
