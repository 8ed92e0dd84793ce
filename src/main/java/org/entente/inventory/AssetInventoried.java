package org.entente.inventory;

import java.util.List;

/** GLPI Agent reported an inventory: the asset it matched or created, and the fields that changed. */
public record AssetInventoried(long assetId, String uai, boolean created, List<String> changedFields) {
}
