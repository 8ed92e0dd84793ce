package org.entente.inventory;

import java.time.Instant;
import java.time.LocalDate;

import org.entente.convention.Network;

/** An asset with its identity and bookkeeping; {@link #data()} holds what can be changed. */
public record Asset(long id, AssetData data, long version, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy) {

	public String uai() {
		return data.uai();
	}

	public String component() {
		return data.component();
	}

	/** The convention's network, to route a request on this asset (IoT counts as technical). */
	public Network routingNetwork() {
		return data.network() == null ? null : data.network().conventionNetwork();
	}

	public boolean underWarranty(LocalDate day) {
		return data.warrantyEnd() != null && !data.warrantyEnd().isBefore(day);
	}
}
