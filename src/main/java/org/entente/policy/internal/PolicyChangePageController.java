package org.entente.policy.internal;

import java.util.Map;

import org.entente.common.FieldReader;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of policy changes: the list with the proposal form, one proposal with the position and arbitration forms. */
@Controller
class PolicyChangePageController {

	private final PolicyChanges changes;
	private final PolicyRows rows;

	PolicyChangePageController(PolicyChanges changes, PolicyRows rows) {
		this.changes = changes;
		this.rows = rows;
	}

	@GetMapping("/politiques/changements")
	String list(@AuthenticationPrincipal EntenteUser user, Model model) {
		return list(user, model, Map.of(), Map.of());
	}

	@PostMapping("/politiques/changements")
	String propose(@AuthenticationPrincipal EntenteUser user, @RequestParam Map<String, String> params, Model model) {
		PolicyChanges.party(user);
		try {
			PolicyChanges.Change c = changes.propose(user, PolicyChangeApiController.readProposal(FieldReader.ofTexts(params::get), rows));
			return "redirect:/politiques/changements/" + c.id() + "?proposee";
		}
		catch (ProblemException e) {
			return list(user, model, FormErrors.form(params), FormErrors.of(e));
		}
	}

	@GetMapping("/politiques/changements/{id}")
	String show(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		return show(user, id, model, Map.of(), Map.of());
	}

	@PostMapping("/politiques/changements/{id}/position")
	String position(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @RequestParam Map<String, String> params, Model model) {
		PolicyChanges.party(user);
		try {
			FieldReader f = FieldReader.ofTexts(params::get);
			Boolean agrees = f.bool("agrees", true);
			String comment = f.text("comment", true, 4000);
			f.check();
			changes.position(user, id, agrees, comment);
			return "redirect:/politiques/changements/" + id + "?position";
		}
		catch (ProblemException e) {
			return show(user, id, model, FormErrors.form(params), FormErrors.of(e));
		}
	}

	private String list(EntenteUser user, Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("changes", changes.list());
		model.addAttribute("rows", rows.all());
		model.addAttribute("canPropose", PolicyPermissions.agentParty(user) != null);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", java.time.ZoneId.of(rows.convention().calendar().zone()));
		return "policy/changes";
	}

	private String show(EntenteUser user, long id, Model model, Map<String, String> form, Map<String, String> errors) {
		PolicyChanges.Change c = changes.get(id);
		String party = PolicyPermissions.agentParty(user);
		model.addAttribute("change", c);
		model.addAttribute("row", c.component() == null ? null : rows.find(c.component()).orElse(null));
		model.addAttribute("canPosition", party != null && c.status() == PolicyChanges.Status.CONSULTATION
				&& c.positions().stream().noneMatch(p -> p.party().equals(party)));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", java.time.ZoneId.of(rows.convention().calendar().zone()));
		return "policy/change";
	}
}
