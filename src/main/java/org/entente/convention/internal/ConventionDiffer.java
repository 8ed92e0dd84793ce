package org.entente.convention.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.convention.Component;
import org.entente.convention.Convention;
import org.entente.convention.ConventionDiff;
import org.entente.convention.ConventionDiff.Change;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two versions value by value. Lists of things with a code (components, committees, points) are
 * compared by code, so that inserting a row shows as one addition rather than a shift of every later row.
 */
public final class ConventionDiffer {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Set<String> IGNORED = Set.of("version", "source", "sha256", "domains");

	private ConventionDiffer() {
	}

	public static ConventionDiff diff(Convention from, Convention to) {
		Map<String, String> before = flatten(from);
		Map<String, String> after = flatten(to);
		List<Change> changes = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>(before.keySet());
		keys.addAll(after.keySet());
		for (String key : keys) {
			String b = before.get(key);
			String a = after.get(key);
			if (b == null) {
				changes.add(new Change(ConventionDiff.Kind.ADDED, subject(key, to), key, null, a));
			}
			else if (a == null) {
				changes.add(new Change(ConventionDiff.Kind.REMOVED, subject(key, from), key, b, null));
			}
			else if (!a.equals(b)) {
				changes.add(new Change(ConventionDiff.Kind.CHANGED, subject(key, to), key, b, a));
			}
		}
		return new ConventionDiff(from.version(), to.version(), changes);
	}

	private static String subject(String path, Convention convention) {
		if (path.startsWith("components.")) {
			String code = path.split("\\.")[1];
			Component c = convention.components().get(code);
			return c == null ? code : c.domain() + " › " + c.label();
		}
		return path.split("\\.")[0];
	}

	private static Map<String, String> flatten(Convention convention) {
		Map<String, String> out = new LinkedHashMap<>();
		JsonNode tree = MAPPER.valueToTree(convention);
		for (var field : tree.properties()) {
			if (!IGNORED.contains(field.getKey())) {
				flatten(field.getKey(), field.getValue(), out);
			}
		}
		return out;
	}

	private static void flatten(String path, JsonNode node, Map<String, String> out) {
		if (node.isObject()) {
			for (var field : node.properties()) {
				flatten(path + "." + field.getKey(), field.getValue(), out);
			}
		}
		else if (node.isArray()) {
			boolean keyed = node.size() > 0 && node.get(0).isObject() && (node.get(0).has("code") || node.get(0).has("id"));
			if (!keyed) {
				List<String> values = new ArrayList<>();
				boolean scalars = true;
				for (JsonNode item : node) {
					scalars &= item.isValueNode();
					values.add(item.isValueNode() ? item.asString() : item.toString());
				}
				if (scalars) {
					out.put(path, String.join(" | ", values));
					return;
				}
				for (int i = 0; i < node.size(); i++) {
					flatten(path + "[" + i + "]", node.get(i), out);
				}
				return;
			}
			for (JsonNode item : node) {
				String key = item.has("code") ? item.get("code").asString() : item.get("id").asString();
				flatten(path + "." + key, item, out);
			}
		}
		else if (!node.isNull()) {
			out.put(path, node.asString());
		}
	}
}
