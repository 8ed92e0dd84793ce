package org.entente.inventory;

import org.entente.convention.Network;

/**
 * The networks (VLANs) of a collège as the inventory records them. The IoT VLAN is not a network of the convention's
 * matrix: for routing it counts as the technical network.
 */
public enum InventoryNetwork {
	ADMINISTRATIVE(Network.ADMINISTRATIVE, "Réseau administratif"),
	PEDAGOGICAL(Network.PEDAGOGICAL, "Réseau pédagogique"),
	BYOD(Network.BYOD, "Réseau invité (BYOD)"),
	TECHNICAL(Network.TECHNICAL, "Réseau technique"),
	IOT(Network.TECHNICAL, "VLAN objets connectés (IoT)");

	private final Network conventionNetwork;
	private final String label;

	InventoryNetwork(Network conventionNetwork, String label) {
		this.conventionNetwork = conventionNetwork;
		this.label = label;
	}

	/** The convention's network, to ask who is responsible. */
	public Network conventionNetwork() {
		return conventionNetwork;
	}

	public String label() {
		return label;
	}
}
