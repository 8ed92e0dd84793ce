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

	/**
	 * The same, with the resource's own wording for a header that names no version (e.g. « Ticket modifié
	 * entre-temps », « ne correspond à aucune version de ce ticket : relisez-le »).
	 *
	 * @param staleTitle the title of the 412
	 * @param staleDetail the detail of the 412 after « L'ETag « … » »
	 */
	public static int version(String header, String readWith, String staleTitle, String staleDetail) {
		try {
			return version(header, readWith);
		}
		catch (ProblemException e) {
			if (e.status() != HttpStatus.PRECONDITION_FAILED) {
				throw e;
			}
			throw stale(header, staleTitle, staleDetail);
		}
	}

	/** 412: the version the client read is no longer the current one. */
	public static ProblemException stale(String header) {
		return stale(header, "Modifié entre-temps", "ne correspond pas à la version actuelle : relisez la ressource.");
	}

	/** 412 with the resource's own title and end of sentence. */
	public static ProblemException stale(String header, String title, String detail) {
		return new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", title,
				"L'ETag « " + header + " » " + detail);
	}
}
