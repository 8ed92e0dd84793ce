package org.entente.inventory;

import java.time.LocalDate;

import org.entente.convention.Funding;

/**
 * The writable fields of an asset. {@code uai} null means the Département's central spare stock; {@code component}
 * is a code of the convention's matrix (services in establishments); {@code sharedBetweenNetworks}: a device (a
 * printer) used from both the administrative and the pedagogical networks, which the convention gives to the
 * Département (annexe §3, « Périphériques d'impression »).
 */
public record AssetData(String uai, String component, InventoryNetwork network, String name, String serial,
		String deviceId, String manufacturer, String model, Funding funding, LocalDate acquired, LocalDate warrantyEnd,
		AssetStatus status, String building, String room, String socket, boolean sharedBetweenNetworks) {

	/** An asset that is not shared between networks. */
	public AssetData(String uai, String component, InventoryNetwork network, String name, String serial,
			String deviceId, String manufacturer, String model, Funding funding, LocalDate acquired, LocalDate warrantyEnd,
			AssetStatus status, String building, String room, String socket) {
		this(uai, component, network, name, serial, deviceId, manufacturer, model, funding, acquired, warrantyEnd, status,
				building, room, socket, false);
	}
}
