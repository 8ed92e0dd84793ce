package org.entente.convention.internal;

import java.util.List;
import java.util.Locale;

import org.entente.convention.Cell;
import org.entente.convention.Component;
import org.entente.convention.Condition;
import org.entente.convention.Convention;
import org.entente.convention.InterventionKind;
import org.entente.convention.Responsibility;
import org.entente.convention.ResponsibilityContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Reads one cell of the matrix in a context and says why, citing the clause. Pure: no I/O, no state. The sentence's
 * words are the {@code convention.why.*} keys of {@code i18n/convention} (French, the answer the API gives and a ticket
 * keeps) or of {@code i18n/convention_en}, with the names of the intervention and the components in {@link Words}.
 */
public final class ResponsibilityResolver {

	/** The names a sentence uses, in its language; {@link #FRENCH} is the file's own. */
	public interface Words {

		Locale locale();

		String kind(InterventionKind kind);

		String component(Component component);
	}

	/** The convention file's French names. */
	public static final Words FRENCH = new Words() {

		@Override
		public Locale locale() {
			return Locale.FRENCH;
		}

		@Override
		public String kind(InterventionKind kind) {
			return kind.label();
		}

		@Override
		public String component(Component component) {
			return component.label();
		}
	};

	private static final ResourceBundleMessageSource SENTENCES = new ResourceBundleMessageSource();

	static {
		SENTENCES.setBasename("i18n/convention");
		SENTENCES.setDefaultEncoding("UTF-8");
		SENTENCES.setFallbackToSystemLocale(false);
		SENTENCES.setAlwaysUseMessageFormat(true);
	}

	private ResponsibilityResolver() {
	}

	public static Responsibility resolve(Convention convention, Component component, InterventionKind kind,
			ResponsibilityContext context) {
		return resolve(convention, component, kind, context, FRENCH);
	}

	/** The same answer, its sentence in the language of {@code words}. */
	public static Responsibility resolve(Convention convention, Component component, InterventionKind kind,
			ResponsibilityContext context, Words words) {
		Cell cell = component.cell(kind);
		if (cell == null) {
			throw new IllegalArgumentException("La ligne « " + component.label() + " » (" + component.area().label()
					+ ") n'a pas de colonne « " + kind.label() + " » ; colonnes : " + component.area().kinds());
		}
		ResponsibilityContext ctx = context == null ? ResponsibilityContext.NONE : context;
		String subject = text(words, "subject", words.kind(kind), words.component(component));
		for (Condition condition : component.conditions()) {
			if (condition.appliesTo(kind, ctx)) {
				String explanation = text(words, "condition", subject, parties(words, condition.parties()),
						lowerFirst(condition.text()), condition.clause(), withoutFullStop(condition.text()));
				return new Responsibility(component.code(), kind, condition.parties(), explanation, condition.clause(),
						convention.version(), convention.pointsFor(component.code()), false);
			}
		}
		String clause = component.cellClause(kind);
		String via = cell.seeComponent() == null ? ""
				: text(words, "via", words.component(convention.components().get(cell.seeComponent())));
		String explanation;
		boolean toArbitrate = cell.parties().size() > 1;
		if (cell.isBlank()) {
			explanation = text(words, "blank", subject, clause);
		}
		else if (toArbitrate) {
			explanation = text(words, "arbitrate", subject, parties(words, cell.parties()), clause, via);
		}
		else {
			explanation = text(words, "one", subject, parties(words, cell.parties()), clause, via);
		}
		return new Responsibility(component.code(), kind, cell.parties(), explanation, clause, convention.version(),
				convention.pointsFor(component.code()), toArbitrate);
	}

	private static String text(Words words, String key, Object... args) {
		return SENTENCES.getMessage("convention.why." + key, args, words.locale());
	}

	private static String parties(Words words, List<String> parties) {
		if (parties.isEmpty()) {
			return text(words, "none");
		}
		if (parties.size() == 1) {
			return parties.get(0);
		}
		return text(words, "list", String.join(", ", parties.subList(0, parties.size() - 1)), parties.get(parties.size() - 1));
	}

	private static String withoutFullStop(String text) {
		String t = text.strip();
		return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
	}

	private static String lowerFirst(String text) {
		String t = withoutFullStop(text);
		// Keep acronyms and proper nouns ("EPLE", "Département") as written.
		if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))
				&& !t.startsWith("Département") && !t.startsWith("Académie")) {
			return Character.toLowerCase(t.charAt(0)) + t.substring(1);
		}
		return t;
	}
}
