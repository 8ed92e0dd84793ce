package org.entente.common;

import org.springframework.http.HttpStatus;

/**
 * Reads the version a client read from its {@code If-Match} header, the same way for every resource: 428 when
 * absent, 412 when it is not a version this resource ever had (the ETag is the version number, {@code "3"} or
 * {@code W/"3"}).
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * @param header the header as received, possibly null
	 * @param readWith where the client reads the ETag, for the message (e.g. {@code GET /api/v1/tickets/{id}})
	 */
	public static int version(String header, String readWith) {
		if (header == null || header.isBlank()) {
			throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "En-tête If-Match requis",
					"Renvoyez en If-Match l'ETag lu avec " + readWith + ", pour ne pas écraser une modification concurrente.");
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
			throw stale(header);
		}
	}

	/** 412: the version the client read is no longer the current one. */
	public static ProblemException stale(String header) {
		return new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Modifié entre-temps",
				"L'ETag « " + header + " » ne correspond pas à la version actuelle : relisez la ressource.");
	}
}
