package org.entente.common;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	private final ResourceBundleMessageSource convention = new ResourceBundleMessageSource();

	public StoredTexts(MessageSource messages) {
		this.messages = messages;
		convention.setBasename(CONVENTION_BUNDLE);
		convention.setDefaultEncoding("UTF-8");
		convention.setFallbackToSystemLocale(false);
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

	private String render(JsonNode node, Locale locale) {
		if (node == null || node.isNull()) {
			return "";
		}
		if (node.isTextual()) {
			return node.asText();
		}
		if (node.has("k")) {
			String key = node.get("k").asText();
			String french = node.path("f").asText("");
			String found = messages.getMessage(key, null, null, locale);
			return found != null ? found : convention.getMessage(key, null, french, locale);
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
			String code = node.get("m").asText();
			List<JsonNode> parts = StoredText.children(node.get("a"));
			Object[] args = new Object[parts.size()];
			for (int i = 0; i < args.length; i++) {
				args[i] = render(parts.get(i), locale);
			}
			Object[] given = args.length == 0 ? null : args;
			String found = messages.getMessage(code, given, null, locale);
			if (found == null) {
				found = convention.getMessage(code, given, null, locale);
			}
			if (found == null) {
				throw new IllegalStateException("no message " + code);
			}
			return found;
		}
		throw new IllegalStateException("not a stored text: " + node);
	}
}
