package org.entente.convention;

import java.util.List;

/**
 * The answer to «who is responsible»: the parties, one sentence that says why, the clause it rests on and the
 * convention version applied. {@code toArbitrate} is true when several parties share the cell and nothing in the
 * context decides between them.
 */
public record Responsibility(String component, InterventionKind intervention, List<String> parties,
		String explanation, String clause, String conventionVersion, List<PointToClarify> pointsToClarify,
		boolean toArbitrate) {
}
