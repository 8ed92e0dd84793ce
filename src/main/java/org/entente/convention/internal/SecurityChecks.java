package org.entente.convention.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.entente.common.Wording;
import org.entente.convention.PointToClarify;
import org.entente.convention.SecurityIncidentRules;

/**
 * Checks of part 5 (security incidents) and of the data-protection annex's breach notification: known parties,
 * components and points to clarify, one catch-all perimeter at most, well-formed addresses, positive delays and
 * reminders shorter than the delay they remind of.
 */
final class SecurityChecks extends YamlChecks {

	SecurityChecks(ConventionYaml yaml) {
		super(yaml);
	}

	void check(ConventionFile f, Set<String> parties, Set<String> components, List<PointToClarify> points) {
		if (f.securityIncidents() != null) {
			checkSecurityIncidents(f.securityIncidents(), parties, components, points);
		}
		if (f.dataProtection() != null) {
			partyRef(f.dataProtection().controller(), List.of("dataProtection", "controller"), parties);
			var breach = f.dataProtection().breachNotification();
			if (breach != null) {
				List<Object> path = List.of("dataProtection", "breachNotification");
				if (breach.within() == null || breach.within().isNegative() || breach.within().isZero()) {
					fault(append(path, "within"), Wording.of("convention.fault.notifyWithin"));
				}
				partyRef(breach.by(), append(path, "by"), parties);
				email(breach.to(), append(path, "to"));
				for (int i = 0; i < breach.reminders().size(); i++) {
					var r = breach.reminders().get(i);
					if (r == null || r.isNegative() || r.isZero() || (breach.within() != null && r.compareTo(breach.within()) >= 0)) {
						fault(append(path, "reminders", i), Wording.of("convention.fault.reminderWithin"));
					}
				}
				if (breach.authority() != null && (breach.authority().within() == null || breach.authority().within().isNegative()
						|| breach.authority().within().isZero())) {
					fault(append(path, "authority", "within"), Wording.of("convention.fault.authorityWithin"));
				}
			}
		}
	}

	private void checkSecurityIncidents(SecurityIncidentRules rules, Set<String> parties, Set<String> components,
			List<PointToClarify> points) {
		Set<String> pointIds = points.stream().map(PointToClarify::id).collect(Collectors.toSet());
		var perimeters = rules.perimeters();
		int otherwise = 0;
		Set<String> placed = new HashSet<>();
		for (int i = 0; i < perimeters.size(); i++) {
			var p = perimeters.get(i);
			List<Object> path = List.of("securityIncidents", "perimeters", i);
			partyRef(p.handledBy(), append(path, "handledBy"), parties);
			required(p.handledBy(), append(path, "handledBy"));
			required(p.clause(), append(path, "clause"));
			otherwise += p.isOtherwise() ? 1 : 0;
			for (int j = 0; j < p.components().size(); j++) {
				String c = p.components().get(j);
				if (!components.contains(c)) {
					fault(append(path, "components", j), Wording.of("convention.fault.unknownComponent", String.valueOf(c)));
				}
				else if (!placed.add(c)) {
					fault(append(path, "components", j), Wording.of("convention.fault.componentElsewhere", String.valueOf(c)));
				}
			}
			for (int j = 0; j < p.inform().size(); j++) {
				var inform = p.inform().get(j);
				partyRef(inform.party(), append(path, "inform", j, "party"), parties);
				email(inform.email(), append(path, "inform", j, "email"));
				if (!"REPORTED".equals(inform.on()) && !"CLOSED".equals(inform.on())) {
					fault(append(path, "inform", j, "on"), Wording.of("convention.fault.unknownMoment", String.valueOf(inform.on())));
				}
			}
		}
		if (otherwise > 1) {
			fault(List.of("securityIncidents", "perimeters"), Wording.of("convention.fault.oneOtherwise"));
		}
		for (int i = 0; i < rules.undecided().size(); i++) {
			var u = rules.undecided().get(i);
			List<Object> path = List.of("securityIncidents", "undecided", i);
			for (int j = 0; j < u.components().size(); j++) {
				if (!components.contains(u.components().get(j))) {
					fault(append(path, "components", j), Wording.of("convention.fault.unknownComponent", String.valueOf(u.components().get(j))));
				}
			}
			partyRef(u.provisionalHandler(), append(path, "provisionalHandler"), parties);
			required(u.provisionalHandler(), append(path, "provisionalHandler"));
			required(u.explanation(), append(path, "explanation"));
			if (u.point() != null && !pointIds.contains(u.point())) {
				fault(append(path, "point"), Wording.of("convention.fault.unknownPoint", String.valueOf(u.point())));
			}
		}
		if (rules.spanning() != null && rules.spanning().point() != null && !pointIds.contains(rules.spanning().point())) {
			fault(List.of("securityIncidents", "spanning", "point"), Wording.of("convention.fault.unknownPoint", String.valueOf(rules.spanning().point())));
		}
		if (rules.entryPoint() != null) {
			partyRef(rules.entryPoint().party(), List.of("securityIncidents", "entryPoint", "party"), parties);
			email(rules.entryPoint().email(), List.of("securityIncidents", "entryPoint", "email"));
		}
	}

	private void email(String value, List<Object> path) {
		if (value == null || !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			fault(path, Wording.of("convention.fault.badEmail", String.valueOf(value)));
		}
	}
}
