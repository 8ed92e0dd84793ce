package org.entente.inventory;

import java.util.List;
import java.util.Optional;

import org.entente.inventory.internal.AssetRepository;
import org.springframework.stereotype.Service;

/**
 * The inventory's public read API for other modules (the desk resolves the asset a ticket names: component, network,
 * funding, warranty). No scope check here: the caller applies its own.
 */
@Service
public class Assets {

	private final AssetRepository repository;

	Assets(AssetRepository repository) {
		this.repository = repository;
	}

	public Optional<Asset> find(long id) {
		return repository.find(id);
	}

	/** An establishment's assets of one component still in use or in stock (at most {@code limit}), to pick one in a form. */
	public List<Asset> ofComponent(String uai, String component, int limit) {
		return repository.ofComponent(uai, component, Math.max(1, Math.min(limit, 200)));
	}

	/** Assets whose name or serial starts with this text (at most {@code limit}), to pick one in a form. */
	public List<Asset> lookup(String uai, String text, int limit) {
		return repository.lookup(uai, text, Math.max(1, Math.min(limit, 50)));
	}
}
