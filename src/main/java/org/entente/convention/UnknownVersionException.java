package org.entente.convention;

/** A convention version that was never loaded. */
public class UnknownVersionException extends IllegalArgumentException {

	public UnknownVersionException(String version) {
		super("Version « " + version + " » de la convention inconnue");
	}
}
