package org.entente.directory;

import java.util.Locale;

/**
 * An establishment's UAI («unité administrative immatriculée»): seven digits then a check letter, the 7-digit
 * number modulo 23 indexing the alphabet without I, O and Q.
 */
public record Uai(String value) {

	private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

	public Uai {
		String problem = problem(value);
		if (problem != null) {
			throw new InvalidUaiException(value, problem);
		}
	}

	public static Uai of(String value) {
		return new Uai(value == null ? null : value.trim().toUpperCase(Locale.ROOT));
	}

	/** Null when valid, otherwise what is wrong, in French. */
	public static String problem(String value) {
		if (value == null || value.isBlank()) {
			return "UAI manquant";
		}
		if (!value.matches("\\d{7}[A-Z]")) {
			return "un UAI s'écrit avec 7 chiffres suivis d'une lettre (ex. 0350024L)";
		}
		char expected = checkLetter(Integer.parseInt(value.substring(0, 7)));
		if (value.charAt(7) != expected) {
			return "la lettre de contrôle de " + value.substring(0, 7) + " est « " + expected + " », pas « " + value.charAt(7) + " »";
		}
		return null;
	}

	/** The same fault as {@link #problem}, as a sentence of the directory's bundle ({@code dir.uai.*}) for a page. */
	public static org.entente.common.Wording problemWording(String value) {
		if (problem(value) == null) {
			return null;
		}
		if (value == null || value.isBlank()) {
			return org.entente.common.Wording.of("dir.uai.missing");
		}
		if (!value.matches("\\d{7}[A-Z]")) {
			return org.entente.common.Wording.of("dir.uai.shape");
		}
		return org.entente.common.Wording.of("dir.uai.checkLetter", value.substring(0, 7),
				String.valueOf(checkLetter(Integer.parseInt(value.substring(0, 7)))), String.valueOf(value.charAt(7)));
	}

	public static char checkLetter(int number) {
		return LETTERS.charAt(number % 23);
	}

	/** The UAI made of this number and its check letter. */
	public static Uai withCheckLetter(int number) {
		return new Uai(String.format("%07d%c", number, checkLetter(number)));
	}

	@Override
	public String toString() {
		return value;
	}

	/** A value that is not a valid UAI; the message says why. */
	public static class InvalidUaiException extends IllegalArgumentException {

		private final String input;

		public InvalidUaiException(String input, String problem) {
			super("UAI « " + input + " » invalide : " + problem);
			this.input = input;
		}

		public String input() {
			return input;
		}
	}
}
