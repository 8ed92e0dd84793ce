package org.entente.inventory;

import java.util.List;

/**
 * Extension point of the asset page: another module (the desk, for «its tickets») contributes links about one asset
 * without the inventory depending on it. Implementations apply their own scope rules for {@code username}.
 */
public interface AssetPageLinks {

	/** The section's heading, e.g. «Demandes». */
	String title();

	List<Link> linksFor(long assetId, String username);

	/** Whether the section is left out of the page when it has no line (a warning), rather than saying «Aucun». */
	default boolean hiddenWhenEmpty() {
		return false;
	}

	/** A line of the section: text, target, and an optional short status. */
	record Link(String label, String href, String status) {
	}
}
