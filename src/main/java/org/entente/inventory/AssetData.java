package org.entente.inventory;

import java.time.LocalDate;

import org.entente.convention.Funding;

/**
 * The writable fields of an asset. {@code uai} null means the Département's central spare stock; {@code component}
 * is a code of the convention's matrix (services in establishments).
 */
public record AssetData(String uai, String component, InventoryNetwork network, String name, String serial,
		String deviceId, String manufacturer, String model, Funding funding, LocalDate acquired, LocalDate warrantyEnd,
		AssetStatus status, String building, String room, String socket) {
}
