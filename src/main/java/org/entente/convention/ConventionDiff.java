package org.entente.convention;

import java.util.List;

/** What changed between two versions of the convention, one line per changed value. */
public record ConventionDiff(String from, String to, List<Change> changes) {

	public enum Kind {
		ADDED, REMOVED, CHANGED
	}

	/** {@code subject} says what in words a reader knows (a row label, a section), {@code path} exactly where. */
	public record Change(Kind kind, String subject, String path, String before, String after) {
	}
}
