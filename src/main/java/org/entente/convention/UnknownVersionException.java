package org.entente.convention;

import org.entente.common.ProblemException;
import org.springframework.http.HttpStatus;

/** A convention version that was never loaded: 404 on the API. */
public class UnknownVersionException extends ProblemException {

	public UnknownVersionException(String version) {
		super(HttpStatus.NOT_FOUND, "unknown-version", "Version inconnue", "Version « " + version + " » de la convention inconnue.");
	}
}
