package org.entente.common;

/**
 * Thrown by an asynchronous event listener that leaves its event publication incomplete on purpose, so that it is
 * handed back later (a mail claimed by another attempt whose lease runs): expected, logged on one line at INFO, not
 * as an error with its stack.
 */
public class HandedBackLater extends RuntimeException {

	public HandedBackLater(String message) {
		super(message, null, false, false);
	}
}
