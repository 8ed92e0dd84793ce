package org.entente.directory;

import java.time.Instant;
import java.util.List;

/**
 * The académie's addressing plan was replaced by one that differs: {@code ranges} ranges now, {@code added} and
 * {@code removed} against the previous plan, {@code establishments} the UAIs whose ranges changed. Published only when
 * the content changed (an identical import says nothing), so the policy register can version and communicate the plan
 * « à chaque changement ».
 */
public record NetworkRangesChanged(int ranges, int added, int removed, List<String> establishments, Instant changedAt) {

	public NetworkRangesChanged {
		establishments = List.copyOf(establishments);
	}
}
