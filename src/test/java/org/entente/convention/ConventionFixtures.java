package org.entente.convention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.entente.convention.internal.ConventionParser;

/** The seed convention file as shipped, and edited copies of it for fault tests. */
public final class ConventionFixtures {

	public static final String SEED = "/convention/convention-2025-2026.yaml";

	private ConventionFixtures() {
	}

	public static String seedText() {
		try (InputStream in = ConventionFixtures.class.getResourceAsStream(SEED)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Convention seed() {
		return ConventionParser.parse("convention-2025-2026.yaml", seedText().getBytes(StandardCharsets.UTF_8));
	}

	/** Parses a text as if it were an uploaded file named {@code name}. */
	public static Convention parse(String name, String text) {
		return ConventionParser.parse(name, text.getBytes(StandardCharsets.UTF_8));
	}

	/** The 1-based line of the first occurrence of {@code needle} in the seed text. */
	public static int lineOf(String text, String needle) {
		int index = text.indexOf(needle);
		if (index < 0) {
			throw new IllegalArgumentException(needle + " not found");
		}
		return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
	}
}
