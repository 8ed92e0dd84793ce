package org.entente.inventory;

import java.util.List;
import java.util.Optional;

import org.entente.inventory.internal.InventoryPermissions;
import org.entente.inventory.internal.Referentiel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's public read API on the use of equipment, for the evaluation committee's pack (article 4): what
 * each establishment has, by component (assets in service or spare), and the equity of each collège against the
 * Département's equipment référentiel in force. No scope check here: the caller applies its own.
 */
@Service
public class EquipmentUse {

	/** How many assets in service or spare an establishment has of one component. */
	public record EquipmentCount(String uai, String component, int count) {
	}

	/**
	 * A collège against one line of the référentiel: {@code position} BELOW the minimum, WITHIN the modulation range,
	 * ABOVE the maximum.
	 */
	public record EquityLine(String uai, String component, String label, int count, int quantity, int minQuantity,
			int maxQuantity, String position) {
	}

	/** The référentiel's version in force (none when it was never published) and every collège's lines against it. */
	public record Equity(Integer referentielVersion, List<EquityLine> lines) {
	}

	private final Referentiel referentiel;

	EquipmentUse(Referentiel referentiel) {
		this.referentiel = referentiel;
	}

	/** Every establishment's assets in service or spare by component (the central stock left out), by UAI then component. */
	@Transactional(readOnly = true)
	public List<EquipmentCount> inventory() {
		return referentiel.counts().stream().map(c -> new EquipmentCount(c.uai(), c.component(), c.count())).toList();
	}

	@Transactional(readOnly = true)
	public Equity equity() {
		Optional<Referentiel.Version> v = referentiel.current();
		return new Equity(v.map(Referentiel.Version::version).orElse(null), referentiel.equity(InventoryPermissions.Scope.ALL)
			.stream()
			.map(e -> new EquityLine(e.uai(), e.component(), e.label(), e.count(), e.quantity(), e.minQuantity(),
					e.maxQuantity(), e.position()))
			.toList());
	}
}
