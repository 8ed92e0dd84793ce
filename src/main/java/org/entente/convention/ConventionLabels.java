package org.entente.convention;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The names the convention file gives (components, domains, data classes, naming rules) in the page's language, for
 * the templates ({@code ${@conventionLabels.component(c)}}). The file's names are French and signed: English ones are
 * kept apart, in {@code i18n/convention_en.properties}, keyed by code ({@code convention.component.BORNES_WIFI},
 * {@code convention.domain.INFRASTRUCTURE_RESEAU}, {@code convention.dataClass.ADMINISTRATIVE},
 * {@code convention.naming.WORKSTATION}). A code without an English name shows the file's French name, so that an
 * amendment adding a row never breaks a page. Domains have no code in the file: theirs is the name in capitals,
 * without accents, words joined by {@code _} ({@link #domainCode}).
 */
@org.springframework.stereotype.Component("conventionLabels")
public class ConventionLabels {

	public static final String BUNDLE = "i18n/convention";

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final Conventions conventions;

	public ConventionLabels(Conventions conventions) {
		this.conventions = conventions;
		messages.setBasename(BUNDLE);
		messages.setDefaultEncoding("UTF-8");
		// Without this, a French page on an English JVM would read the English names.
		messages.setFallbackToSystemLocale(false);
	}

	public static String componentKey(String code) {
		return "convention.component." + code;
	}

	public static String domainKey(String name) {
		return "convention.domain." + domainCode(name);
	}

	public static String dataClassKey(String code) {
		return "convention.dataClass." + code;
	}

	public static String namingKey(String kind) {
		return "convention.naming." + kind;
	}

	/** A domain's code: « Réseau invité (BYOD) » → {@code RESEAU_INVITE_BYOD}. */
	public static String domainCode(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
	}

	public String component(Component c) {
		return c == null ? "" : words(componentKey(c.code()), c.label());
	}

	/** A component by its code, in the current convention; the code itself when the convention does not know it. */
	public String component(String code) {
		if (code == null) {
			return "";
		}
		return words(componentKey(code), conventions.current().component(code).map(Component::label).orElse(code));
	}

	public String domain(Domain d) {
		return d == null ? "" : domain(d.name());
	}

	/** A domain by its French name (as {@link Component#domain()} carries it). */
	public String domain(String name) {
		return name == null ? "" : words(domainKey(name), name);
	}

	public String dataClass(ServiceLevels.CriticalData d) {
		return d == null ? "" : words(dataClassKey(d.code()), d.label());
	}

	/** A critical data class by its code, in the current convention; the code itself when the convention does not know it. */
	public String dataClass(String code) {
		if (code == null) {
			return "";
		}
		return words(dataClassKey(code), conventions.current().serviceLevels().criticalData().stream()
			.filter(d -> d.code().equals(code)).map(ServiceLevels.CriticalData::label).findFirst().orElse(code));
	}

	public String namingRule(NamingRule r) {
		return r == null ? "" : words(namingKey(r.kind()), r.label());
	}

	/** True in English mode (its quoted text then says so). */
	public boolean translated() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	private String words(String key, String french) {
		return messages.getMessage(key, null, french, LocaleContextHolder.getLocale());
	}
}
