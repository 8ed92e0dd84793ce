package org.entente.governance.internal;

import java.security.Principal;
import java.util.List;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.governance.internal.PointAnswers.PointStatus;
import org.entente.governance.internal.PointAnswers.State;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The points to clarify: open ones, settled ones still waiting for their amendment, settled ones, each with the
 * committee's answer; and, for those who manage the committees, the form that records an answer.
 */
@Controller
class PointsPageController {

	/** The answer form; {@code point} is the id of the point answered. */
	record AnswerForm(String point, Long decision, String reading, Boolean needsAmendment, String amendment) {
	}

	private final PointAnswers points;
	private final Committees committees;
	private final Conventions conventions;
	private final GovernancePermissions permissions;

	PointsPageController(PointAnswers points, Committees committees, Conventions conventions,
			GovernancePermissions permissions) {
		this.points = points;
		this.committees = committees;
		this.conventions = conventions;
		this.permissions = permissions;
	}

	@GetMapping("/points-a-clarifier")
	String page(@RequestParam(name = "point", required = false) String preselected, Authentication who, Model model) {
		List<PointStatus> all = points.points();
		model.addAttribute("convention", conventions.current());
		model.addAttribute("open", all.stream().filter(s -> s.state() == State.OPEN).toList());
		model.addAttribute("awaiting", all.stream().filter(s -> s.state() == State.AWAITING_AMENDMENT).toList());
		model.addAttribute("settled", all.stream().filter(s -> s.state() == State.SETTLED).toList());
		model.addAttribute("committeeNames", committees.names());
		if (permissions.manageCommittees(who)) {
			model.addAttribute("answerable", conventions.current().pointsToClarify());
			model.addAttribute("decisions", committees.search(null));
			if (!model.containsAttribute("answerForm")) {
				model.addAttribute("answerForm", new AnswerForm(preselected, null, null, null, null));
			}
		}
		return "governance/points";
	}

	@PostMapping("/points-a-clarifier/reponse")
	@PreAuthorize("@governancePermissions.manageCommittees(authentication)")
	String answer(@ModelAttribute("answerForm") AnswerForm form, BindingResult errors, Principal principal,
			Authentication who, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				PointStatus s = points.answer(form.point() == null ? "" : form.point(), form.decision(), form.reading(),
						form.needsAmendment(), form.amendment(), principal.getName());
				redirect.addFlashAttribute("answered", s.point().id());
				return "redirect:/points-a-clarifier#" + s.point().id();
			}
			catch (ProblemException e) {
				if (e.errors().isEmpty()) {
					errors.rejectValue("point", "unknown", e.getMessage());
				}
				for (FieldProblem p : e.errors()) {
					errors.rejectValue(p.field(), "invalid", capitalized(p.message()));
				}
			}
		}
		return page(null, who, model);
	}

	private static String capitalized(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
	}
}
