package org.entente.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.entente.convention.Convention;
import org.entente.convention.PointToClarify;
import org.entente.convention.SecurityIncidentRules;
import org.entente.convention.SecurityIncidentRules.Inform;
import org.entente.convention.SecurityIncidentRules.Perimeter;
import org.entente.convention.SecurityIncidentRules.Undecided;

/**
 * Who handles an incident and whom they inform, read from part 5 of the convention file: the perimeter of each
 * component concerned; a component the file lists as undecided, or components in both perimeters, give a point to
 * clarify, a provisional handler and every party's duty to inform.
 */
record PerimeterDecision(String perimeter, String handledBy, String clause, String explanation,
		List<Inform> informs, List<Point> points, String conventionVersion) {

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
		List<String> because = new ArrayList<>();
		for (String code : components) {
			String label = convention.component(code).map(c -> c.label()).orElse(code);
			Undecided u = rules.undecidedFor(code).orElse(null);
			if (u != null) {
				provisional = provisional == null ? u.provisionalHandler() : provisional;
				points.add(point(convention, u.point(), u.explanation()));
				because.add("« " + label + " » : le texte ne tranche pas");
				continue;
			}
			Perimeter p = rules.perimeterOf(code).orElseThrow(
					() -> new IllegalStateException("Aucun périmètre ne couvre « " + code + " » et aucun n'a otherwise: true"));
			perimeters.add(p.code());
			because.add("« " + label + " » : " + p.label().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + p.label().substring(1));
		}
		boolean spanning = perimeters.size() > 1;
		if (spanning && rules.spanning() != null) {
			points.add(point(convention, rules.spanning().point(), rules.spanning().explanation()));
		}
		if (points.isEmpty()) {
			Perimeter p = rules.perimeters().stream().filter(x -> x.code().equals(perimeters.iterator().next())).findFirst().orElseThrow();
			String addresses = String.join(", ", p.inform().stream().map(Inform::email).distinct().toList());
			String explanation = String.join(" ; ", because) + " → traité par " + party(convention, p.handledBy())
					+ ", qui informe " + party(convention, p.informs()) + (addresses.isEmpty() ? "" : " à " + addresses) + " "
					+ p.informWhen() + " (" + p.clause() + ").";
			return new PerimeterDecision(p.code(), p.handledBy(), p.clause(), explanation, p.inform(), List.of(),
					convention.version());
		}
		// Undecided or spanning: a provisional handler, every party informed.
		String handler = provisional;
		String perimeter = null;
		if (handler == null) {
			Perimeter p = rules.perimeterOf(main).orElseThrow();
			handler = p.handledBy();
			perimeter = p.code();
		}
		String explanation = String.join(" ; ", because) + " → point à clarifier : traité à titre provisoire par "
				+ party(convention, handler) + ", les deux parties sont informées (" + rules.clause() + ").";
		return new PerimeterDecision(perimeter, handler, rules.clause(), explanation, rules.allInforms(),
				List.copyOf(points.stream().distinct().toList()), convention.version());
	}

	private static Point point(Convention convention, String id, String explanation) {
		String title = convention.pointsToClarify().stream().filter(p -> p.id().equals(id)).map(PointToClarify::title)
			.findFirst().orElse(id);
		return new Point(id, title, explanation);
	}

	private static String party(Convention convention, String code) {
		return convention.party(code).map(p -> p.name() + " (" + code + ")").orElse(code);
	}
}
