package org.entente.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.entente.convention.Convention;
import org.entente.convention.ConventionLabels;
import org.entente.convention.PointToClarify;
import org.entente.convention.SecurityIncidentRules.Inform;
import org.entente.convention.SecurityIncidentRules.Perimeter;
import org.entente.convention.SecurityIncidentRules.Undecided;
import org.entente.convention.SecurityIncidentRules;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Who handles an incident and whom they inform, read from part 5 of the convention file: the perimeter of each
 * component concerned; a component the file lists as undecided, or components in both perimeters, give a point to
 * clarify, a provisional handler and every party's duty to inform. The explanation is kept as message and arguments
 * too ({@code words}, {@code sec.decision.*}), so that a page reads it in the reader's language; {@code explanation}
 * is its French, as the API and the register give it.
 */
record PerimeterDecision(String perimeter, String handledBy, String clause, String explanation,
		List<Inform> informs, List<Point> points, String conventionVersion, StoredText words) {

	/** The French of the explanation, from the security bundle (this record is pure: no Spring context). */
	private static final StoredTexts FRENCH;

	static {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasenames("i18n/security", "i18n/messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		FRENCH = new StoredTexts(bundles);
	}

	record Point(String id, String title, String explanation) {
	}

	static PerimeterDecision decide(Convention convention, List<String> components) {
		SecurityIncidentRules rules = convention.securityIncidents();
		if (rules == null || rules.perimeters().isEmpty()) {
			throw new IllegalStateException("La convention " + convention.version() + " ne décrit pas les incidents de sécurité");
		}
		String main = components.get(0);
		List<Point> points = new ArrayList<>();
		Set<String> perimeters = new LinkedHashSet<>();
		String provisional = null;
		List<Object> because = new ArrayList<>();
		for (String code : components) {
			StoredText label = StoredText.word(ConventionLabels.componentKey(code), convention.component(code).map(c -> c.label()).orElse(code));
			Undecided u = rules.undecidedFor(code).orElse(null);
			if (u != null) {
				provisional = provisional == null ? u.provisionalHandler() : provisional;
				points.add(point(convention, u.point(), u.explanation()));
				because.add(StoredText.message("sec.decision.undecided", label));
				continue;
			}
			Perimeter p = rules.perimeterOf(code).orElseThrow(
					() -> new IllegalStateException("Aucun périmètre ne couvre « " + code + " » et aucun n'a otherwise: true"));
			perimeters.add(p.code());
			because.add(StoredText.message("sec.decision.because", label, StoredText.word("convention.perimeter." + p.code(),
					p.label().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + p.label().substring(1))));
		}
		boolean spanning = perimeters.size() > 1;
		if (spanning && rules.spanning() != null) {
			points.add(point(convention, rules.spanning().point(), rules.spanning().explanation()));
		}
		if (points.isEmpty()) {
			Perimeter p = rules.perimeters().stream().filter(x -> x.code().equals(perimeters.iterator().next())).findFirst().orElseThrow();
			String addresses = String.join(", ", p.inform().stream().map(Inform::email).distinct().toList());
			StoredText words = StoredText.concat(joined(because), " → ", StoredText.message("sec.decision.handled",
					party(convention, p.handledBy()), party(convention, p.informs()),
					addresses.isEmpty() ? "" : StoredText.concat(" ", StoredText.message("sec.decision.at", addresses)),
					StoredText.word("convention.perimeterInformWhen." + p.code(), p.informWhen()), p.clause()));
			return new PerimeterDecision(p.code(), p.handledBy(), p.clause(), FRENCH.french(words), p.inform(), List.of(),
					convention.version(), words);
		}
		// Undecided or spanning: a provisional handler, every party informed.
		String handler = provisional;
		String perimeter = null;
		if (handler == null) {
			Perimeter p = rules.perimeterOf(main).orElseThrow();
			handler = p.handledBy();
			perimeter = p.code();
		}
		StoredText words = StoredText.concat(joined(because), " → ",
				StoredText.message("sec.decision.provisional", party(convention, handler), rules.clause()));
		return new PerimeterDecision(perimeter, handler, rules.clause(), FRENCH.french(words), rules.allInforms(),
				List.copyOf(points.stream().distinct().toList()), convention.version(), words);
	}

	private static Point point(Convention convention, String id, String explanation) {
		String title = convention.pointsToClarify().stream().filter(p -> p.id().equals(id)).map(PointToClarify::title)
			.findFirst().orElse(id);
		return new Point(id, title, explanation);
	}

	/** « Conseil Départemental d'Ille-et-Vilaine (CD) », its name in the reader's language. */
	private static StoredText party(Convention convention, String code) {
		return convention.party(code).map(p -> StoredText.concat(StoredText.word(ConventionLabels.partyKey(code), p.name()), " (" + code + ")"))
			.orElse(StoredText.plain(code));
	}

	/** The reasons, « A ; B ». */
	private static StoredText joined(List<Object> because) {
		List<Object> parts = new ArrayList<>();
		for (Object b : because) {
			if (!parts.isEmpty()) {
				parts.add(" ; ");
			}
			parts.add(b);
		}
		return StoredText.concat(parts.toArray());
	}
}
