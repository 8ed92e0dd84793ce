package org.entente.convention.internal;

import java.util.Locale;

import org.entente.common.Wording;
import org.entente.convention.ConventionLabels;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The sentences of a convention file's faults ({@code convention.fault.*} of {@code i18n/convention}): French for
 * the fault's message (the API, the start-up failure), the page's language on the upload page. The parser is not a
 * Spring bean; it reads the bundle itself.
 */
public final class FaultWords {

	private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

	static {
		BUNDLE.setBasename(ConventionLabels.BUNDLE);
		BUNDLE.setDefaultEncoding("UTF-8");
		BUNDLE.setFallbackToSystemLocale(false);
	}

	private FaultWords() {
	}

	public static String french(Wording w) {
		return in(w, Locale.FRENCH);
	}

	public static String in(Wording w, Locale locale) {
		return w.in(BUNDLE, locale);
	}
}
