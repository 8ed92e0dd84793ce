package org.entente.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sentence kept as a message of the bundles and its arguments, so that a text written once (a line of a ticket's
 * history, a notice, an incident's explanation) is read in the reader's language. It is stored as JSON next to the
 * French text it gives when written, which stays the text of the API, of mails and of rows written before.
 * <p>
 * A node is one of: a plain string (a name, a number, words someone typed: never translated);
 * {@code {k: key, f: french}} a word of the bundles (an enum's label, a clock's name) with its French as fallback;
 * {@code {m: code, a: [nodes]}} a message with its arguments; {@code {c: [nodes]}} nodes one after the other;
 * {@code {l: {fr: …, en: …}}} a sentence told in each language when written.
 * {@link StoredTexts} renders it, a message node as the {@link Wording} it keeps: a wording is the sentence, a stored
 * text its persisted form ({@link #of}).
 */
public final class StoredText {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonNode node;

	private StoredText(JsonNode node) {
		this.node = node;
	}

	/**
	 * The message {@code code} of the bundles, its arguments: strings, numbers, enums (their label), other texts, or a
	 * wording's arguments (see {@link #of}).
	 */
	public static StoredText message(String code, Object... args) {
		ObjectNode m = NODES.objectNode();
		m.put("m", code);
		ArrayNode a = m.putArray("a");
		for (Object arg : args) {
			a.add(node(arg));
		}
		return new StoredText(m);
	}

	/**
	 * A {@link Wording} kept to be read later: its code and its arguments, a nested wording as a message, an enum value
	 * or a word of the bundles ({@link Wording#label}) as a word, a list as its elements joined by commas, any other
	 * argument as its string (a wording's numbers are strings already).
	 */
	public static StoredText of(Wording wording) {
		return message(wording.code(), wording.arguments());
	}

	/** Words that are the same in every language (a name, a number, what someone typed). */
	public static StoredText plain(String text) {
		return new StoredText(NODES.textNode(text == null ? "" : text));
	}

	/** A word of the bundles, {@code french} when the reader's bundle has none. */
	public static StoredText word(String key, String french) {
		ObjectNode k = NODES.objectNode();
		k.put("k", key);
		k.put("f", french == null ? "" : french);
		return new StoredText(k);
	}

	/**
	 * A sentence already told in each language when it was written ({@code fr}, {@code en}), for a text built by another
	 * module in words of its own (the convention's answer to « who is responsible »).
	 */
	public static StoredText told(String french, String english) {
		ObjectNode l = NODES.objectNode();
		ObjectNode in = l.putObject("l");
		in.put("fr", french == null ? "" : french);
		if (english != null) {
			in.put("en", english);
		}
		return new StoredText(l);
	}

	/** An enum value's words ({@link Labels#key}, its French {@code label()} as fallback). */
	public static StoredText label(Enum<?> value) {
		return value == null ? plain("") : word(Labels.key(value), Labels.french(value));
	}

	/** Texts one after the other; a null part is left out. */
	public static StoredText concat(Object... parts) {
		ObjectNode c = NODES.objectNode();
		ArrayNode list = c.putArray("c");
		for (Object part : parts) {
			if (part != null) {
				list.add(node(part));
			}
		}
		return new StoredText(c);
	}

	/** « A », « A et B », « A et B et C » (message {@code text.and}): names joined in the reader's language. */
	public static StoredText joined(List<String> names) {
		if (names.isEmpty()) {
			return plain("");
		}
		if (names.size() == 1) {
			return plain(names.get(0));
		}
		return message("text.and", names.get(0), joined(names.subList(1, names.size())));
	}

	/** The JSON kept in the database. */
	public String json() {
		return node.toString();
	}

	/** The text kept as JSON, or null when there is none or it cannot be read (the row's French text is then shown). */
	public static StoredText parse(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return new StoredText(JSON.readTree(json));
		}
		catch (Exception e) {
			return null;
		}
	}

	JsonNode node() {
		return node;
	}

	private static JsonNode node(Object arg) {
		if (arg instanceof StoredText t) {
			return t.node;
		}
		if (arg instanceof Wording w) {
			return of(w).node;
		}
		if (arg instanceof Enum<?> e) {
			return label(e).node;
		}
		if (arg instanceof MessageSourceResolvable r) {
			String[] codes = r.getCodes();
			if (codes == null || codes.length != 1 || (r.getArguments() != null && r.getArguments().length > 0)) {
				throw new IllegalArgumentException("only a word of one code without arguments is kept: " + r);
			}
			return word(codes[0], r.getDefaultMessage()).node;
		}
		if (arg instanceof Collection<?> c) {
			List<Object> parts = new ArrayList<>();
			for (Object x : c) {
				if (!parts.isEmpty()) {
					parts.add(", ");
				}
				parts.add(x == null ? "" : x);
			}
			return concat(parts.toArray()).node;
		}
		return NODES.textNode(arg == null ? "" : String.valueOf(arg));
	}

	/** The parts' texts, for {@link StoredTexts}. */
	static List<JsonNode> children(JsonNode array) {
		if (array == null || !array.isArray()) {
			return Collections.emptyList();
		}
		List<JsonNode> out = new ArrayList<>();
		array.forEach(out::add);
		return out;
	}

	static boolean french(Locale locale) {
		return locale == null || "fr".equals(locale.getLanguage());
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof StoredText t && node.equals(t.node);
	}

	@Override
	public int hashCode() {
		return Objects.hash(node);
	}

	@Override
	public String toString() {
		return json();
	}
}
