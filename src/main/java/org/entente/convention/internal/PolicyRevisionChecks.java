package org.entente.convention.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.entente.common.Wording;
import org.entente.convention.PolicyRevision;

/**
 * Checks of the optional {@code policyRevisions:} section (read by the policy register): each duty names a known
 * matrix component, once; it has either a positive period {@code every} (ex. P1Y) or {@code onChange: true}, not
 * both; and the clause it rests on.
 */
final class PolicyRevisionChecks extends YamlChecks {

	PolicyRevisionChecks(ConventionYaml yaml) {
		super(yaml);
	}

	List<PolicyRevision> check(List<PolicyRevision> revisions, Set<String> components) {
		List<PolicyRevision> list = nonNull(revisions);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			PolicyRevision r = list.get(i);
			List<Object> path = List.of("policyRevisions", i);
			if (r == null) {
				fault(path, Wording.of("convention.fault.revisionForm"));
				continue;
			}
			required(r.component(), append(path, "component"));
			if (r.component() != null && !components.contains(r.component())) {
				fault(append(path, "component"), Wording.of("convention.fault.revisionUnknownComponent", String.valueOf(r.component())));
			}
			else if (r.component() != null && !seen.add(r.component())) {
				fault(append(path, "component"), Wording.of("convention.fault.revisionTwice", String.valueOf(r.component())));
			}
			boolean periodic = r.every() != null;
			if (periodic && (r.every().isNegative() || r.every().isZero())) {
				fault(append(path, "every"), Wording.of("convention.fault.positivePeriod"));
			}
			if (periodic == r.onChange()) {
				fault(path, periodic ? Wording.of("convention.fault.everyAndOnChange")
						: Wording.of("convention.fault.everyOrOnChange"));
			}
			required(r.clause(), append(path, "clause"));
		}
		return list;
	}
}
