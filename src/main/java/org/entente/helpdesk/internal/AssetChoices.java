package org.entente.helpdesk.internal;

import java.util.ArrayList;
import java.util.List;

import org.entente.convention.ConventionLabels;
import org.entente.inventory.Asset;
import org.entente.inventory.Assets;

/**
 * The assets a form offers to name, grouped by convention component: a collège's report form (the components it
 * can report) and an agent's reclassify form (the named asset first, then the ticket's component, then the rest).
 */
@org.springframework.stereotype.Component
class AssetChoices {

	/** One group of the picker: a component's code and label (in the page's language), and the establishment's assets of it. */
	record AssetGroup(String component, String label, List<Asset> assets) {
	}

	private final ConventionLabels labels;
	private final Assets assets;
	private final DeskPages pages;

	AssetChoices(ConventionLabels labels, Assets assets, DeskPages pages) {
		this.labels = labels;
		this.assets = assets;
		this.pages = pages;
	}

	/** For a collège's report: its assets of the components it can report. */
	List<AssetGroup> forReport(String uai) {
		return groups(uai, ProblemChoices.ALL.stream().map(ProblemChoices.Choice::component).toList());
	}

	/**
	 * For reclassifying: the one the ticket names first (so that the form, submitted unchanged, keeps it even when it
	 * is retired or beyond the lists), then the ticket's component, then those a collège reports.
	 */
	List<AssetGroup> forReclassifying(Ticket t, Asset named) {
		List<String> components = new ArrayList<>();
		components.add(t.component());
		ProblemChoices.ALL.forEach(c -> components.add(c.component()));
		List<AssetGroup> groups = new ArrayList<>();
		if (named != null) {
			groups.add(new AssetGroup(named.component(), pages.text("helpdesk.asset.named"), List.of(named)));
		}
		groups.addAll(groups(t.establishment(), components));
		return groups;
	}

	/** The establishment's assets of these components, one group per component that has some. */
	private List<AssetGroup> groups(String uai, List<String> components) {
		return components.stream().distinct()
			.map(code -> new AssetGroup(code, labels.component(code),
					assets.ofComponent(uai, code, 100)))
			.filter(g -> !g.assets().isEmpty())
			.toList();
	}
}
