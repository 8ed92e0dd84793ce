package org.entente.security.internal;

import java.util.List;

import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.inventory.AssetPageLinks;
import org.springframework.stereotype.Component;

/**
 * The warning on the inventory's asset page when an open security incident names the asset as compromised. Everyone
 * who sees the asset sees the warning (do not use it, call the RSSI); only those who may see the incident get the
 * link to it and its number — the incident itself stays confidential.
 */
@Component
class CompromisedAssetWarning implements AssetPageLinks {

	private final IncidentRepository incidents;
	private final Accounts accounts;

	CompromisedAssetWarning(IncidentRepository incidents, Accounts accounts) {
		this.incidents = incidents;
		this.accounts = accounts;
	}

	@Override
	public String title() {
		return "⚠ Alerte sécurité : équipement compromis";
	}

	@Override
	public boolean hiddenWhenEmpty() {
		return true;
	}

	@Override
	public List<Link> linksFor(long assetId, String username) {
		List<Incident> open = incidents.compromising(assetId);
		if (open.isEmpty()) {
			return List.of();
		}
		EntenteUser viewer = accounts.find(username).map(a -> new EntenteUser(a, "", true)).orElse(null);
		return open.stream().map(i -> {
			boolean sees = viewer != null
					&& IncidentAccess.view(viewer, i, incidents.hasPoints(i.id())) == IncidentAccess.View.FULL;
			return sees ? new Link("Incident " + i.number() + " — " + i.title(), "/securite/incidents/" + i.id(), i.status().label())
					: new Link("Un incident de sécurité en cours concerne cet équipement : ne l'utilisez pas sans l'avis du-de la RSSI.",
							"/securite/signaler", "");
		}).distinct().toList();
	}
}
