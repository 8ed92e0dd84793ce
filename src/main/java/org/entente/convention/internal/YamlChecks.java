package org.entente.convention.internal;

import org.entente.common.Wording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;



/** What every check of a convention file shares: faults located in the YAML, required values, party references. */
abstract class YamlChecks {

	protected final ConventionYaml yaml;

	YamlChecks(ConventionYaml yaml) {
		this.yaml = yaml;
	}

	/** A fault at this path of the document (its line is located in the YAML). */
	protected void fault(List<Object> path, Wording message) {
		yaml.fault(path, message);
	}

	protected boolean hasKey(List<Object> path, String key) {
		return yaml.hasKey(path, key);
	}

	static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value));
	}

	static Collection<?> values(Object value) {
		return value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
	}

	/** Checks a list of party codes; returns the codes or null when it is not a list of declared parties. */
	protected List<String> checkPartyList(Object value, List<Object> path, Set<String> parties, boolean allowEmpty) {
		if (!(value instanceof List<?> list)) {
			fault(path, Wording.of("convention.fault.partyList"));
			return null;
		}
		if (list.isEmpty() && !allowEmpty) {
			fault(path, Wording.of("convention.fault.noParty"));
		}
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String code = String.valueOf(list.get(i));
			if (!parties.contains(code)) {
				fault(append(path, i), Wording.of("convention.fault.unknownParty", code, parties.toString()));
			}
			else if (codes.contains(code)) {
				fault(append(path, i), Wording.of("convention.fault.partyTwice", code));
			}
			codes.add(code);
		}
		return codes;
	}

	protected void partyRef(String code, List<Object> path, Set<String> parties) {
		if (code != null && !parties.contains(code)) {
			fault(path, Wording.of("convention.fault.unknownParty", code, parties.toString()));
		}
	}

	protected void required(String value, List<Object> path) {
		if (value == null || value.isBlank()) {
			fault(path, Wording.of("convention.fault.missing", String.valueOf(path.get(path.size() - 1))));
		}
	}

	static List<Object> append(List<Object> path, Object... steps) {
		List<Object> result = new ArrayList<>(path);
		result.addAll(Arrays.asList(steps));
		return result;
	}

	static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}
}
