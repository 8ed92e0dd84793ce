package org.entente.helpdesk.internal;

import org.springframework.http.HttpStatus;

/** Reads the version a client read from its If-Match header: 428 when absent, 412 when it is not one of ours. */
final class IfMatch {

	private IfMatch() {
	}

	static int version(String header) {
		if (header == null || header.isBlank()) {
			throw new HelpdeskException(HttpStatus.PRECONDITION_REQUIRED, "En-tête If-Match requis",
					"Renvoyez en If-Match l'ETag lu avec GET /api/v1/tickets/{id}, pour ne pas écraser une modification concurrente.");
		}
		String v = header.trim();
		if (v.startsWith("W/")) {
			v = v.substring(2);
		}
		v = v.replace("\"", "");
		try {
			return Integer.parseInt(v);
		}
		catch (NumberFormatException e) {
			throw new HelpdeskException(HttpStatus.PRECONDITION_FAILED, "Ticket modifié entre-temps",
					"L'ETag « " + header + " » ne correspond à aucune version de ce ticket : relisez-le.");
		}
	}
}
