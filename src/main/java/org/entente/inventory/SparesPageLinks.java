package org.entente.inventory;

import java.util.List;

/**
 * Extension point of the spares view: another module (the desk, for the Académie's spare-order requests to the
 * Département) lists what concerns the spares without the inventory depending on it or reading its tables.
 * Implementations apply their own scope rules for {@code username}.
 */
public interface SparesPageLinks {

	/** The section's heading. */
	String title();

	/** The section's lines (the desk's open spare orders the viewer may see). */
	List<AssetPageLinks.Link> links(String username);
}
