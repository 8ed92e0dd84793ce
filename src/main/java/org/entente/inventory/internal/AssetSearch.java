package org.entente.inventory.internal;

import java.util.List;

import org.entente.common.PageSlice;
import org.entente.inventory.Asset;
import org.springframework.stereotype.Component;

/**
 * The inventory page's search within a reader's scope: words (a name, a serial, an agent id) or filters by
 * establishment and component, one page at a time.
 */
@Component
class AssetSearch {

	private final AssetRepository repository;

	AssetSearch(AssetRepository repository) {
		this.repository = repository;
	}

	/** {@code text}, {@code uai} and {@code component} are already trimmed, or null. */
	List<Asset> find(InventoryPermissions.Scope scope, String text, String uai, String component, int page, int size) {
		if (text == null) {
			return repository.search(new AssetRepository.Filter(uai, null, null, component, null, scope.uai()),
					(int) Math.min(Math.max(0, page) * (long) size, PageSlice.MAX_OFFSET), size);
		}
		if (!scope.all() && uai != null && !uai.equals(scope.uai())) {
			return List.of();
		}
		List<Asset> found = repository.lookup(scope.all() ? uai : scope.uai(), text, size);
		return component == null ? found : found.stream().filter(a -> component.equals(a.component())).toList();
	}
}
