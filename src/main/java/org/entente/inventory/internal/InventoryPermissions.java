package org.entente.inventory.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.convention.Component;
import org.entente.convention.Conventions;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.ResponsibilityContext;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.inventory.AssetData;
import org.entente.inventory.InventoryNetwork;

/**
 * Who sees and who manages which asset, as the operational annex shares the work: the Département manages the
 * pedagogical, guest, technical and infrastructure assets and reads the administrative ones; the Académie manages
 * the administrative network's assets (those it administers under the matrix) and reads the others; a collège
 * reads its own assets and manages the own-funds equipment of its establishment; contractors read; nobody else
 * sees anything.
 */
@org.springframework.stereotype.Component
public class AssetAccess {

	/** Domains of the annex whose components the Département manages whatever the network. */
	private static final java.util.Set<String> INFRASTRUCTURE = java.util.Set.of("Infrastructure réseau", "Infrastructure système");

	private final Conventions conventions;
	private final Map<String, String> managers = new ConcurrentHashMap<>();

	AssetAccess(Conventions conventions) {
		this.conventions = conventions;
	}

	/** Whether this person may see assets at all, and if only one establishment's, which one ({@link Scope}). */
	public Scope readScope(EntenteUser user) {
		return switch (user.role()) {
			case ADMIN, CD_AGENT, ACA_AGENT, CONTRACTOR -> Scope.ALL;
			case SCHOOL_STAFF -> user.establishment() == null ? Scope.NONE : Scope.of(user.establishment());
			default -> Scope.NONE;
		};
	}

	/** The reader's scope, or a 403 problem when the role gives no access to the inventory. */
	public Scope requireRead(EntenteUser user) {
		Scope scope = readScope(user);
		if (scope.none()) {
			throw Problems.forbidden("Votre rôle ne donne pas accès à l'inventaire.");
		}
		return scope;
	}

	public boolean canRead(EntenteUser user, AssetData asset) {
		return readScope(user).covers(asset.uai());
	}

	/**
	 * Whether this person may create or change an asset with these fields. Component, network and funding must be
	 * known (the caller validates them first).
	 */
	public boolean canManage(EntenteUser user, AssetData asset) {
		Role role = user.role();
		if (role == Role.ADMIN) {
			return true;
		}
		if (role == Role.SCHOOL_STAFF) {
			return user.establishment() != null && user.establishment().equals(asset.uai())
					&& asset.funding() != Funding.CD;
		}
		if (role == Role.CD_AGENT || role == Role.ACA_AGENT) {
			String party = role == Role.CD_AGENT ? "CD" : "ACA";
			return party.equals(manager(asset.component(), asset.network(), asset.funding()));
		}
		return false;
	}

	/** CD or ACA: the party that manages such an asset in the inventory. */
	public String manager(String componentCode, InventoryNetwork network, Funding funding) {
		return managers.computeIfAbsent(componentCode + "|" + network + "|" + funding + "|" + conventions.current().version(), k -> {
			Component component = conventions.current().component(componentCode).orElse(null);
			if (component == null || INFRASTRUCTURE.contains(component.domain()) || network != InventoryNetwork.ADMINISTRATIVE) {
				return "CD";
			}
			var administration = conventions.resolve(componentCode, InterventionKind.ADMINISTRATION,
					new ResponsibilityContext(funding, network.conventionNetwork(), null));
			return administration.parties().contains("ACA") ? "ACA" : "CD";
		});
	}

	/** All establishments, one, or none. */
	public record Scope(boolean all, String uai) {

		public static final Scope ALL = new Scope(true, null);
		public static final Scope NONE = new Scope(false, null);

		static Scope of(String uai) {
			return new Scope(false, uai);
		}

		public boolean none() {
			return !all && uai == null;
		}

		public boolean covers(String assetUai) {
			return all || (uai != null && uai.equals(assetUai));
		}
	}
}
