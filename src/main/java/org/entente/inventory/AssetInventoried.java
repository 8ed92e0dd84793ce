package org.entente.inventory;

import java.time.Instant;
import java.util.List;

/**
 * GLPI Agent reported an inventory: the asset it matched or created ({@code assetId}, its establishment's
 * {@code uai}, its component), the fields that changed, the party that manages such an asset in the inventory (CD or
 * ACA), the convention version that decided it, and when.
 */
public record AssetInventoried(long assetId, String uai, String component, boolean created, List<String> changedFields,
		String managingParty, String conventionVersion, Instant at) {
}
