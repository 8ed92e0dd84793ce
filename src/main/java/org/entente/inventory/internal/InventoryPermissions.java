package org.entente.inventory.internal;

import org.entente.common.ProblemException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.convention.Component;
import org.entente.convention.Conventions;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.ResponsibilityContext;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.inventory.AssetData;
import org.entente.inventory.InventoryNetwork;

/**
 * Who sees and who manages which asset, as the operational annex shares the work: the Département manages the
 * pedagogical, guest, technical and infrastructure assets and reads the administrative ones; the Académie manages
 * the administrative network's assets (those it administers under the matrix) and reads the others; a collège
 * reads its own assets and manages the own-funds equipment of its establishment; contractors read; nobody else
 * sees anything. The one place of the inventory's role rules: pages and API ask it, and their services too.
 */
@org.springframework.stereotype.Component
public class InventoryPermissions {

	/** Domains of the annex whose components the Département manages whatever the network. */
	private static final java.util.Set<String> INFRASTRUCTURE = java.util.Set.of("Infrastructure réseau", "Infrastructure système");

	/** Who imports assets and takes part in own-funds purchases: the managing parties and the collèges. */
	private static final Set<Role> IMPORTERS = Set.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT, Role.SCHOOL_STAFF);

	private final Conventions conventions;
	private final Establishments establishments;
	private final Map<String, String> managers = new ConcurrentHashMap<>();

	InventoryPermissions(Conventions conventions, Establishments establishments) {
		this.conventions = conventions;
		this.establishments = establishments;
	}

	public boolean canImport(EntenteUser user) {
		return IMPORTERS.contains(user.role());
	}

	public void requireImport(EntenteUser user) {
		if (!canImport(user)) {
			throw ProblemException.forbidden("Votre rôle ne permet pas d'importer des équipements.");
		}
	}

	/** The own-funds purchases page and list: the same parties as the import. */
	public void requirePurchases(EntenteUser user) {
		if (!IMPORTERS.contains(user.role())) {
			throw ProblemException.forbidden("Votre rôle ne donne pas accès aux achats sur fonds propres.");
		}
	}

	/** A collège's own request (an own-funds purchase, a catalogue addition): staff of an establishment. */
	public boolean isCollege(EntenteUser user) {
		return user.role() == Role.SCHOOL_STAFF && user.establishment() != null;
	}

	public void requireCollege(EntenteUser user, String detail) {
		if (!isCollege(user)) {
			throw ProblemException.forbidden(detail);
		}
	}

	/** Who decides a purchase request routed to {@code party} (CD or ACA): that party's agents, or an administrator. */
	public boolean decidesFor(String party, EntenteUser user) {
		return user.role() == Role.ADMIN || (user.role() == Role.CD_AGENT && party.equals("CD"))
				|| (user.role() == Role.ACA_AGENT && party.equals("ACA"));
	}

	/** The Département's own decisions (référentiel, purchase catalogue, agreement to paid software). */
	public void requireDepartment(EntenteUser user, String detail) {
		if (user.role() != Role.CD_AGENT && user.role() != Role.ADMIN) {
			throw ProblemException.forbidden(detail);
		}
	}

	/** The Académie's own decisions (the software catalogues). */
	public void requireAcademie(EntenteUser user, String detail) {
		if (user.role() != Role.ACA_AGENT && user.role() != Role.ADMIN) {
			throw ProblemException.forbidden(detail);
		}
	}

	/**
	 * An establishment's contacts. Reads: whoever reads the establishment's assets, and level-1 agents (404 otherwise,
	 * and for an unknown establishment); writes: admin, CD, ACA, the collège itself (403).
	 */
	public void requireContacts(String uai, EntenteUser user, boolean write) {
		boolean reads = readScope(user).covers(uai) || user.role() == Role.LEVEL1_AGENT;
		if (!reads || establishments.find(uai).isEmpty()) {
			throw ProblemException.notFound("Introuvable", "Établissement " + uai + " introuvable.");
		}
		boolean writes = Set.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT).contains(user.role())
				|| (user.role() == Role.SCHOOL_STAFF && uai.equals(user.establishment()));
		if (write && !writes) {
			throw ProblemException.forbidden("Votre rôle ne permet pas de modifier les contacts de cet établissement.");
		}
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
			throw ProblemException.forbidden("Votre rôle ne donne pas accès à l'inventaire.");
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
