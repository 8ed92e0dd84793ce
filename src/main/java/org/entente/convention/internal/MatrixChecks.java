package org.entente.convention.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.common.Wording;
import org.entente.convention.Area;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.Party;

/** Checks of the parties and of the responsibility matrix: each component, its cells and its conditions. */
final class MatrixChecks extends YamlChecks {

	private static final Set<String> CONDITION_KEYS = Set.of("funding", "network", "sharedBetweenNetworks");

	MatrixChecks(ConventionYaml yaml) {
		super(yaml);
	}

	Set<String> checkParties(List<Party> list) {
		Set<String> codes = new HashSet<>();
		List<Party> parties = nonNull(list);
		if (parties.isEmpty()) {
			fault(List.of("parties"), Wording.of("convention.fault.noParties"));
		}
		for (int i = 0; i < parties.size(); i++) {
			Party party = parties.get(i);
			if (party.code() == null || !party.code().matches("[A-Z][A-Z0-9_]*")) {
				fault(List.of("parties", i, "code"), Wording.of("convention.fault.partyCode"));
			}
			else if (!codes.add(party.code())) {
				fault(List.of("parties", i, "code"), Wording.of("convention.fault.partyDeclaredTwice", party.code()));
			}
			required(party.name(), List.of("parties", i, "name"));
		}
		return codes;
	}

	void checkComponent(ConventionFile.ComponentEntry entry, Area area, List<Object> path, Set<String> parties,
			Map<String, ConventionFile.ComponentEntry> entries, Map<String, Area> areas) {
		if (entry.code() == null || !entry.code().matches("[A-Z][A-Z0-9_]*")) {
			fault(append(path, "code"), Wording.of("convention.fault.componentCode"));
			return;
		}
		if (entries.containsKey(entry.code())) {
			fault(append(path, "code"), Wording.of("convention.fault.componentTwice", entry.code()));
			return;
		}
		entries.put(entry.code(), entry);
		areas.put(entry.code(), area);
		required(entry.label(), append(path, "label"));
		required(entry.clause(), append(path, "clause"));
		Map<InterventionKind, Object> cells = entry.responsibilities() == null ? Map.of() : entry.responsibilities();
		for (InterventionKind kind : cells.keySet()) {
			if (!area.kinds().contains(kind)) {
				fault(append(path, "responsibilities", kind.name()), Wording.of("convention.fault.noSuchColumn",
						kind.name(), area.name(), area.kinds().toString()));
			}
		}
		for (InterventionKind kind : area.kinds()) {
			if (!cells.containsKey(kind)) {
				fault(append(path, "responsibilities"), Wording.of("convention.fault.missingColumn", kind.name()));
			}
		}
		List<ConventionFile.ConditionEntry> conditions = nonNull(entry.conditions());
		for (int i = 0; i < conditions.size(); i++) {
			checkCondition(conditions.get(i), area, append(path, "conditions", i), parties);
		}
	}

	void checkCondition(ConventionFile.ConditionEntry condition, Area area, List<Object> path, Set<String> parties) {
		required(condition.text(), append(path, "text"));
		required(condition.clause(), append(path, "clause"));
		if (condition.kinds() == null || condition.kinds().isEmpty()) {
			fault(append(path, "kinds"), Wording.of("convention.fault.conditionNoKinds"));
		}
		else {
			condition.kinds().stream().filter(k -> !area.kinds().contains(k))
				.forEach(k -> fault(append(path, "kinds"), Wording.of("convention.fault.noSuchColumnIn", String.valueOf(k), String.valueOf(area))));
		}
		checkPartyList(condition.parties(), append(path, "parties"), parties, false);
		Map<String, Object> when = condition.when() == null ? Map.of() : condition.when();
		for (var e : when.entrySet()) {
			List<Object> wPath = append(path, "when", e.getKey());
			if (!CONDITION_KEYS.contains(e.getKey())) {
				fault(wPath, Wording.of("convention.fault.unknownCriterion", String.valueOf(e.getKey()), String.valueOf(CONDITION_KEYS)));
				continue;
			}
			for (Object value : values(e.getValue())) {
				String v = String.valueOf(value);
				boolean ok = switch (e.getKey()) {
					case "funding" -> isEnum(Funding.class, v);
					case "network" -> isEnum(Network.class, v);
					default -> v.equals("true") || v.equals("false");
				};
				if (!ok) {
					fault(wPath, Wording.of("convention.fault.unknownCriterionValue", String.valueOf(v), String.valueOf(e.getKey())));
				}
			}
		}
	}
}
