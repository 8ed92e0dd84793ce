package org.entente.inventory;

/**
 * Spares of one component for one establishment: on site, and in the Département's central stock. The convention's
 * restoration commitment depends on it.
 */
public record SpareAvailability(String uai, String component, int onSite, int centralStock) {

	public boolean available() {
		return onSite + centralStock > 0;
	}
}
