package org.entente.helpdesk.internal;

/** How the desk reads optional text input: blank is absent, the rest is trimmed. */
final class Inputs {

	private Inputs() {
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
