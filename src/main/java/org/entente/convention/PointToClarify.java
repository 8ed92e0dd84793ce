package org.entente.convention;

import java.util.List;

/** A place where the text is blank, contradicts itself or leaves a point open: the committee decides. */
public record PointToClarify(String id, String title, String component, String clause, List<String> readings,
		String retained) {
}
