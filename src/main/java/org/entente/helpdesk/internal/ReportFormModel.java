package org.entente.helpdesk.internal;

import java.util.List;
import java.util.Map;

import org.entente.convention.Component;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.springframework.ui.Model;

/**
 * What « Signaler un problème » shows around its form: the problems offered to this user, the collèges, the data
 * classes of the convention, the collège's own assets and the component search. Kept apart from the controller,
 * which only reads and answers the form.
 */
@org.springframework.stereotype.Component
class ReportFormModel {

	private final TicketAccess access;
	private final Conventions conventions;
	private final Establishments establishments;
	private final AssetChoices assetChoices;
	private final RequestTypes requestTypes;

	ReportFormModel(TicketAccess access, Conventions conventions, Establishments establishments, AssetChoices assetChoices,
			RequestTypes requestTypes) {
		this.access = access;
		this.conventions = conventions;
		this.establishments = establishments;
		this.assetChoices = assetChoices;
		this.requestTypes = requestTypes;
	}

	void prepare(EntenteUser user, String q, Model model) {
		// A request type the convention reserves to some parties (a spare order: the Académie) is offered to them only.
		model.addAttribute("choices", ProblemChoices.ALL.stream()
			.filter(c -> c.requestType() == null || requestTypes.offeredTo(user, c.requestType())).toList());
		model.addAttribute("kinds", ReportPageController.KINDS);
		model.addAttribute("establishments", establishments.findAll().stream().filter(e -> e.kind().coveredByConvention()).toList());
		model.addAttribute("staff", access.isCollege(user));
		var levels = conventions.current().serviceLevels();
		model.addAttribute("criticalData", levels.criticalData());
		model.addAttribute("nonCriticalData", levels.nonCriticalData() == null ? List.of() : levels.nonCriticalData());
		model.addAttribute("assetGroups", access.isCollege(user) ? assetChoices.forReport(user.establishment()) : List.of());
		model.addAttribute("q", q);
		model.addAttribute("results", search(q));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("form", Map.of("problem", q == null ? "" : "autre", "title", "", "description", "",
					"establishment", "", "assetId", "", "dataConcerned", "", "shared", "false", "contact", ""));
		}
	}

	List<Component> search(String q) {
		return q == null || q.isBlank() ? List.of() : conventions.search(q).stream().limit(8).toList();
	}
}
