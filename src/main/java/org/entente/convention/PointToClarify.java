package org.entente.convention;

import java.util.List;

/**
 * A place where the text is blank, contradicts itself or leaves a point open: the committee decides. When the
 * retained reading says what Entente does, {@code implementedBy} names the code and the test that do it (a class,
 * or a class and member as {@code org.entente.x.Y#member}), so that no page states what nothing implements.
 */
public record PointToClarify(String id, String title, String component, String clause, List<String> readings,
		String retained, List<String> implementedBy) {

	public PointToClarify {
		implementedBy = implementedBy == null ? List.of() : List.copyOf(implementedBy);
	}

	public PointToClarify(String id, String title, String component, String clause, List<String> readings,
			String retained) {
		this(id, title, component, clause, readings, retained, List.of());
	}

	/** Whether the retained reading states something Entente does (and so must name what does it). */
	public boolean claimsBehaviour() {
		return retained != null && retained.contains("Entente ");
	}
}
