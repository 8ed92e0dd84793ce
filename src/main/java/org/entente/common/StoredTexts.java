package org.entente.common;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders a {@link StoredText} with the application's bundles (and the convention's names, {@code i18n/convention}):
 * in French when it is written, which gives the text stored for the API, mails and exports; in the reader's language
 * when a page shows it. A row written before texts were kept (no JSON), or whose message a later release no longer
 * has, shows its stored French. In French the stored text is shown as it is: a page reads today what it read before.
 */
public final class StoredTexts {

	/** The convention's names (parties, clocks), kept apart from the application's bundles. */
	static final String CONVENTION_BUNDLE = "i18n/convention";

	private final Bundles bundles;

	public StoredTexts(MessageSource messages) {
		ResourceBundleMessageSource convention = new ResourceBundleMessageSource();
		convention.setBasename(CONVENTION_BUNDLE);
		convention.setDefaultEncoding("UTF-8");
		convention.setFallbackToSystemLocale(false);
		this.bundles = new Bundles(messages, convention);
	}

	/** The French text to store with the JSON. */
	public String french(StoredText text) {
		return render(text, Locale.FRENCH);
	}

	/** The text in {@code locale}; an unknown message code is an {@link IllegalStateException}. */
	public String render(StoredText text, Locale locale) {
		return render(text.node(), locale);
	}

	/**
	 * What a page shows of a stored row, in the request's language; outside a request (a job, a test), the stored French
	 * (the application's language, whatever the machine's).
	 */
	public String shown(String stored, String json) {
		var context = LocaleContextHolder.getLocaleContext();
		return context == null || context.getLocale() == null ? stored : shown(stored, json, context.getLocale());
	}

	/** What a reader in {@code locale} is shown of a row: its stored French, or its kept text rendered. */
	public String shown(String stored, String json, Locale locale) {
		if (json == null || StoredText.french(locale)) {
			return stored;
		}
		StoredText text = StoredText.parse(json);
		if (text == null) {
			return stored;
		}
		try {
			return render(text, locale);
		}
		catch (RuntimeException e) {
			return stored;
		}
	}

	/** The JSON of a text, or null when it would not fit in a column of {@code max} characters (the French is then shown). */
	public static String json(StoredText text, int max) {
		if (text == null) {
			return null;
		}
		String json = text.json();
		return json.length() <= max ? json : null;
	}

	/** A node told in {@code locale}, as {@link Wording} tells its arguments. */
	private String render(JsonNode node, Locale locale) {
		return String.valueOf(Wording.told(argument(node, locale), bundles, locale));
	}

	/**
	 * A node as a wording's argument: a message is a {@link Wording} of its nodes, a word of the bundles a resolvable
	 * with its French as default; texts one after the other, or already told in each language, are told here.
	 */
	private Object argument(JsonNode node, Locale locale) {
		if (node == null || node.isNull()) {
			return "";
		}
		if (node.isTextual()) {
			return node.asText();
		}
		if (node.has("k")) {
			return Wording.word(node.get("k").asText(), node.path("f").asText(""));
		}
		if (node.has("l")) {
			JsonNode told = node.get("l");
			JsonNode in = told.get(locale.getLanguage());
			return (in != null ? in : told.path("fr")).asText("");
		}
		if (node.has("c")) {
			StringBuilder out = new StringBuilder();
			for (JsonNode part : StoredText.children(node.get("c"))) {
				out.append(render(part, locale));
			}
			return out.toString();
		}
		if (node.has("m")) {
			List<JsonNode> parts = StoredText.children(node.get("a"));
			Object[] args = new Object[parts.size()];
			for (int i = 0; i < args.length; i++) {
				args[i] = argument(parts.get(i), locale);
			}
			return Wording.of(node.get("m").asText(), args);
		}
		throw new IllegalStateException("not a stored text: " + node);
	}

	/**
	 * The application's bundles, then the convention's; an unknown message code is an {@link IllegalStateException}.
	 */
	private record Bundles(MessageSource messages, MessageSource convention) implements MessageSource {

		@Override
		public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
			Object[] given = args == null || args.length == 0 ? null : args;
			String found = messages.getMessage(code, given, null, locale);
			return found != null ? found : convention.getMessage(code, given, defaultMessage, locale);
		}

		@Override
		public String getMessage(String code, Object[] args, Locale locale) {
			String found = getMessage(code, args, null, locale);
			if (found == null) {
				throw new IllegalStateException("no message " + code);
			}
			return found;
		}

		@Override
		public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
			String[] codes = resolvable.getCodes();
			for (String code : codes == null ? new String[0] : codes) {
				String found = messages.getMessage(code, resolvable.getArguments(), null, locale);
				if (found != null) {
					return found;
				}
			}
			return convention.getMessage(resolvable, locale);
		}
	}
}
