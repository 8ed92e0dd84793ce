package org.entente.helpdesk.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.entente.inventory.Asset;
import org.entente.inventory.Spares;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The ticket page's asset: the one the ticket names, its warranty, spare and place, and the picker to change it. */
@Component
class TicketPageAsset {

	private final TicketRouting routing;
	private final Spares spares;
	private final AssetChoices assetChoices;
	private final DeskPages pages;

	TicketPageAsset(TicketRouting routing, Spares spares, AssetChoices assetChoices, DeskPages pages) {
		this.routing = routing;
		this.spares = spares;
		this.assetChoices = assetChoices;
		this.pages = pages;
	}

	/** Adds the named asset and its facts to the model; returns it, or null when the ticket names none. */
	Asset fill(Ticket t, boolean agent, Model model) {
		Asset asset = routing.namedAsset(t).orElse(null);
		model.addAttribute("asset", asset);
		if (asset != null) {
			model.addAttribute("underWarranty", asset.underWarranty(LocalDate.now(zone())));
			model.addAttribute("spare", spares.availableFor(asset.uai(), asset.component()));
			String location = Stream.of(asset.data().building(), asset.data().room(), asset.data().socket())
				.filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" · "));
			model.addAttribute("assetLocation", location.isEmpty() ? "—" : location);
		}
		return asset;
	}

	/** The assets an agent may name instead, grouped as the reclassify form shows them. */
	List<AssetChoices.AssetGroup> groups(Ticket t, Asset named) {
		return assetChoices.forReclassifying(t, named);
	}

	ZoneId zone() {
		return pages.zone();
	}
}
