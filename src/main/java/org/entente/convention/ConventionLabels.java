package org.entente.convention;

import java.text.Normalizer;
import java.util.Locale;

import org.entente.common.Labels;
import org.entente.convention.internal.ResponsibilityResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The names the convention file gives (components, domains, data classes, naming rules) in the page's language, for
 * the templates ({@code ${@conventionLabels.component(c)}}). The file's names are French and signed: English ones are
 * kept apart, in {@code i18n/convention_en.properties}, keyed by code ({@code convention.component.BORNES_WIFI},
 * {@code convention.domain.INFRASTRUCTURE_RESEAU}, {@code convention.dataClass.ADMINISTRATIVE},
 * {@code convention.naming.WORKSTATION}). A code without an English name shows the file's French name, so that an
 * amendment adding a row never breaks a page. Domains have no code in the file: theirs is the name in capitals,
 * without accents, words joined by {@code _} ({@link #domainCode}). Parties ({@code convention.party.<CODE>},
 * {@code convention.partyShort.<CODE>}), clocks ({@code convention.clock.<CODE>}, a request type's deadline by the
 * type's code) and request types ({@code convention.requestType.<CODE>}) too; and the answer to « who is responsible »
 * with its sentence in the page's language ({@link #resolve}).
 */
@org.springframework.stereotype.Component("conventionLabels")
public class ConventionLabels {

	public static final String BUNDLE = "i18n/convention";

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final Conventions conventions;

	/** The application's messages, for the intervention kinds' English words (null: the French labels). */
	private final Labels kinds;

	public ConventionLabels(Conventions conventions) {
		this(conventions, null);
	}

	@Autowired
	public ConventionLabels(Conventions conventions, MessageSource applicationMessages) {
		this.conventions = conventions;
		this.kinds = applicationMessages == null ? null : new Labels(applicationMessages);
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
		return namingRule(r, LocaleContextHolder.getLocale());
	}

	public String namingRule(NamingRule r, Locale locale) {
		return r == null ? "" : messages.getMessage(namingKey(r.kind()), null, r.label(), locale);
	}

	public static String partyKey(String code) {
		return "convention.party." + code;
	}

	public static String partyShortKey(String code) {
		return "convention.partyShort." + code;
	}

	public static String clockKey(String code) {
		return "convention.clock." + code;
	}

	public static String requestTypeKey(String code) {
		return "convention.requestType." + code;
	}

	/** A party's full name: « Conseil Départemental d'Ille-et-Vilaine ». */
	public String party(Party p) {
		return p == null ? "" : words(partyKey(p.code()), p.name());
	}

	/** A party's full name by its code, in the current convention; the code when the convention does not know it. */
	public String party(String code) {
		if (code == null) {
			return "";
		}
		return words(partyKey(code), conventions.current().party(code).map(Party::name).orElse(code));
	}

	/** A party's short name: « Département ». */
	public String partyShort(Party p) {
		return p == null ? "" : words(partyShortKey(p.code()), p.shortName());
	}

	/** A clock of the service levels (or a request type's deadline) by its code, its French label as fallback. */
	public String clock(String code, String french) {
		return code == null ? french : words(clockKey(code), french);
	}

	/** A committee's name (article 4) in the page's language: {@code convention.committee.<CODE>}, else the file's French. */
	public String committee(String code, String french) {
		return code == null ? french : words("convention.committee." + code, french);
	}

	public String requestType(RequestType t) {
		return t == null ? "" : words(requestTypeKey(t.code()), t.label());
	}

	/**
	 * Who is responsible and why ({@link Conventions#resolve}), the sentence in the page's language: the French answer
	 * as the API gives it, or the same answer told with the English words of the intervention and the components (the
	 * conditions the convention states stay its own French, quoted).
	 */
	public Responsibility resolve(String componentCode, InterventionKind kind, ResponsibilityContext context) {
		return resolve(componentCode, kind, context, LocaleContextHolder.getLocale());
	}

	/** The same answer, its sentence in {@code locale} (a text kept for later readers: a ticket's history). */
	public Responsibility resolve(String componentCode, InterventionKind kind, ResponsibilityContext context, Locale locale) {
		Responsibility french = conventions.resolve(componentCode, kind, context);
		if (!"en".equals(locale.getLanguage())) {
			return french;
		}
		ResponsibilityResolver.Words english = new ResponsibilityResolver.Words() {

			@Override
			public Locale locale() {
				return locale;
			}

			@Override
			public String kind(InterventionKind k) {
				return kinds == null ? k.label() : kinds.of(k, locale);
			}

			@Override
			public String component(Component c) {
				return messages.getMessage(componentKey(c.code()), null, c.label(), locale);
			}
		};
		return ResponsibilityResolver.resolve(conventions.current(), conventions.component(componentCode), kind, context, english);
	}

	/** An intervention kind in the page's language. */
	public String kind(InterventionKind k) {
		return k == null ? "" : kinds == null ? k.label() : kinds.of(k, LocaleContextHolder.getLocale());
	}

	/** An area of the matrix in the page's language. */
	public String area(Area a) {
		return a == null ? "" : kinds == null ? a.label() : kinds.of(a, LocaleContextHolder.getLocale());
	}

	/** True in English mode (its quoted text then says so). */
	public boolean translated() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	private String words(String key, String french) {
		return messages.getMessage(key, null, french, LocaleContextHolder.getLocale());
	}
}
