package org.entente.convention.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.Wording;
import org.entente.convention.ConventionFileException.Fault;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A convention file's YAML node tree (SnakeYAML keeps line numbers) and the faults found in it: locates the line of a
 * path in the document ({@code domains[2].components[0].code}) so that every fault says where it is.
 */
final class ConventionYaml {

	private final String file;
	private final Node root;
	private final List<Fault> faults = new ArrayList<>();

	ConventionYaml(String file, Node root) {
		this.file = file;
		this.root = root;
	}

	String file() {
		return file;
	}

	Node root() {
		return root;
	}

	/** Every fault found so far, in the order found. */
	List<Fault> faults() {
		return faults;
	}

	/** The most values a document may hold once its aliases are expanded (the largest convention holds a few thousand). */
	static final int MAX_VALUES = 100_000;

	private int values;

	/**
	 * Node tree to maps, lists and strings; Jackson coerces the strings to the record types. An alias inside the
	 * collection it names (« a: &x {b: *x} ») would never end: it is a fault at the line where it is used, as is a
	 * document whose aliases expand beyond {@link #MAX_VALUES} values.
	 */
	Object toPlain(Node node, List<Object> path) {
		return toPlain(node, path, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), line(node));
	}

	private Object toPlain(Node node, List<Object> path, java.util.Set<Node> enclosing, int usedAtOrAfter) {
		// An anchor precedes its aliases: a node above the line reached is an alias, said where it is used.
		int usedAt = Math.max(line(node), usedAtOrAfter);
		if (++values > MAX_VALUES) {
			if (values == MAX_VALUES + 1) {
				faults.add(new Fault(file, usedAt, render(path), Wording.of("convention.fault.tooManyValues", String.valueOf(MAX_VALUES))));
			}
			return null;
		}
		if (!(node instanceof ScalarNode) && !enclosing.add(node)) {
			faults.add(new Fault(file, usedAt, render(path), Wording.of("convention.fault.recursiveAlias", String.valueOf(line(node)))));
			return null;
		}
		try {
			return plain(node, path, enclosing, usedAt);
		}
		finally {
			enclosing.remove(node);
		}
	}

	private Object plain(Node node, List<Object> path, java.util.Set<Node> enclosing, int usedAt) {
		if (node instanceof MappingNode mapping) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
					faults.add(new Fault(file, line(tuple.getKeyNode()), render(path), Wording.of("convention.fault.nonScalarKey")));
					continue;
				}
				List<Object> child = new ArrayList<>(path);
				child.add(key.getValue());
				if (map.containsKey(key.getValue())) {
					faults.add(new Fault(file, line(key), render(child), Wording.of("convention.fault.keyTwice", String.valueOf(key.getValue()))));
				}
				map.put(key.getValue(), toPlain(tuple.getValueNode(), child, enclosing, Math.max(line(key), usedAt)));
			}
			return map;
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < sequence.getValue().size(); i++) {
				List<Object> child = new ArrayList<>(path);
				child.add(i);
				Node item = sequence.getValue().get(i);
				// No list of the file holds an empty item (a lone « - »); the checks that read the list expect none.
				if (item instanceof ScalarNode s && isNull(s)) {
					faults.add(new Fault(file, line(item), render(child), Wording.of("convention.fault.emptyItem")));
					continue;
				}
				list.add(toPlain(item, child, enclosing, usedAt));
			}
			return list;
		}
		ScalarNode scalar = (ScalarNode) node;
		return isNull(scalar) ? null : scalar.getValue();
	}

	/** A YAML null: nothing, {@code ~} or {@code null}, unquoted. */
	private static boolean isNull(ScalarNode scalar) {
		String value = scalar.getValue();
		return scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
				&& (value.isEmpty() || value.equals("~") || value.equals("null"));
	}

	void fault(List<Object> path, Wording message) {
		faults.add(new Fault(file, locate(path), render(path), message));
	}

	boolean hasKey(List<Object> path, String key) {
		List<Object> withKey = new ArrayList<>(path);
		withKey.add(key);
		return locateNode(withKey) != locateNode(path);
	}

	/** The line of the deepest node the path reaches (1-based). */
	int locate(List<Object> path) {
		return line(locateNode(path));
	}

	Node locateNode(List<Object> path) {
		Node node = root;
		for (Object step : path) {
			Node next = null;
			if (node instanceof MappingNode mapping && step instanceof String key) {
				next = mapping.getValue().stream()
					.filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
					.map(NodeTuple::getValueNode)
					.findFirst()
					.orElse(null);
				if (next == null) {
					break;
				}
			}
			else if (node instanceof SequenceNode sequence && step instanceof Integer index
					&& index < sequence.getValue().size()) {
				next = sequence.getValue().get(index);
			}
			if (next == null) {
				break;
			}
			node = next;
		}
		return node;
	}

	static int line(Node node) {
		return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
	}

	static String render(List<Object> path) {
		StringBuilder b = new StringBuilder();
		for (Object step : path) {
			if (step instanceof Integer i) {
				b.append('[').append(i).append(']');
			}
			else {
				b.append(b.isEmpty() ? "" : ".").append(step);
			}
		}
		return b.toString();
	}
}
