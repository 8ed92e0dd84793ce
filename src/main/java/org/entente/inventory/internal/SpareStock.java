package org.entente.inventory.internal;

import org.entente.inventory.SpareAvailability;
import org.entente.inventory.Spares;
import org.springframework.stereotype.Service;

/** {@link Spares} from the asset repository. */
@Service
class SpareStock implements Spares {

	private final AssetRepository repository;

	SpareStock(AssetRepository repository) {
		this.repository = repository;
	}

	@Override
	public SpareAvailability availableFor(String uai, String componentCode) {
		int onSite = uai == null ? 0 : repository.countSpares(uai, componentCode);
		return new SpareAvailability(uai, componentCode, onSite, repository.countSpares(null, componentCode));
	}
}
