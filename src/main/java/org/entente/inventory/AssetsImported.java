package org.entente.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A CSV import was committed: how many assets it created and updated, the ids of those it updated (a batch insert
 * does not return the new ones: a consumer that needs them reads the establishments' assets through {@link Assets}),
 * the establishments ({@code uai}s) it touched, who imported and for which party, the convention version in force,
 * and when.
 */
public record AssetsImported(int created, int updated, List<Long> updatedAssetIds, List<String> uais, String by,
		String byParty, String conventionVersion, Instant at) {
}
