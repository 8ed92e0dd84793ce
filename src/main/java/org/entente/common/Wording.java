package org.entente.common;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A sentence of a module's message bundle, told later in the reader's language: its code and arguments. A service
 * or an aggregate that refuses something (a transition, a row of an import, a fault of a convention file) gives its
 * French sentence to the API, which stays French, and this wording to the pages, which say it in the page's language
 * ({@link #in}). An argument may itself be a wording, an enum value (its words) or a list of them: it is told in
 * the same language. Other arguments are strings, so that a number keeps the French form the sentence always had.
 * A sentence to read later (a line of history, a notice) is kept as its JSON form, a {@link StoredText}
 * ({@link StoredText#of}), which {@link StoredTexts} tells back through this class.
 */
public record Wording(String code, Object... arguments) implements MessageSourceResolvable {

	public static Wording of(String code, Object... arguments) {
		return new Wording(code, arguments);
	}

	/** An enum value's words as an argument: {@code label.<Type>.<NAME>} of the bundle, else its French label. */
	public static MessageSourceResolvable label(Enum<?> value) {
		return word(Labels.key(value), Labels.french(value));
	}

	/** A word of the bundles as an argument: {@code key}, else {@code french}. */
	static MessageSourceResolvable word(String key, String french) {
		return new DefaultMessageSourceResolvable(new String[] { key }, null, french);
	}

	/**
	 * The sentence in this language (the bundle's French when the code is missing in that language). Arguments told
	 * first: a wording or resolvable in the same language, an enum value by its words, a list as its elements told and
	 * joined by commas.
	 */
	public String in(MessageSource messages, Locale locale) {
		return messages.getMessage(code, told(arguments, messages, locale), locale);
	}

	private static Object[] told(Object[] arguments, MessageSource messages, Locale locale) {
		Object[] told = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			told[i] = told(arguments[i], messages, locale);
		}
		return told;
	}

	/**
	 * One argument told in {@code locale}: the only place where a sentence's arguments are told, for a wording and for a
	 * {@link StoredText} that {@link StoredTexts} renders.
	 */
	static Object told(Object a, MessageSource messages, Locale locale) {
		if (a instanceof Wording w) {
			return w.in(messages, locale);
		}
		if (a instanceof MessageSourceResolvable r) {
			return messages.getMessage(r, locale);
		}
		if (a instanceof Enum<?> e) {
			return messages.getMessage(label(e), locale);
		}
		if (a instanceof java.util.Collection<?> c) {
			return String.join(", ", c.stream().map(x -> String.valueOf(told(x, messages, locale))).toList());
		}
		return a;
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return arguments;
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Wording w && w.code.equals(code) && Arrays.equals(w.arguments, arguments);
	}

	@Override
	public int hashCode() {
		return code.hashCode() * 31 + Arrays.hashCode(arguments);
	}

	@Override
	public String toString() {
		return code + Arrays.toString(arguments);
	}
}
