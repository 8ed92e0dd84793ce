package org.entente.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entente.common.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation's single-use link opens ({@code /enquetes/{id}?token=…}): the questionnaire, and its
 * answer, recorded as by the API (once per token, anonymous).
 */
@Controller
class CampaignPageController {

	private final Campaigns campaigns;
	private final CampaignProgress progress;

	CampaignPageController(Campaigns campaigns, CampaignProgress progress) {
		this.campaigns = campaigns;
		this.progress = progress;
	}

	@GetMapping("/enquetes/{id}")
	@PreAuthorize("isAuthenticated()")
	String form(@PathVariable long id, @RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("campaign", campaigns.find(id));
		model.addAttribute("token", token);
		return "reporting/campaign";
	}

	@PostMapping("/enquetes/{id}")
	@PreAuthorize("isAuthenticated()")
	String answer(@PathVariable long id, @RequestParam(defaultValue = "") String token,
			@RequestParam Map<String, String> form, java.security.Principal principal, Model model) {
		Campaigns.SatisfactionCampaign c = campaigns.find(id);
		List<Campaigns.CampaignAnswer> answers = new ArrayList<>();
		for (Campaigns.CampaignQuestion q : c.questions()) {
			String v = form.getOrDefault("q" + q.number(), "").trim();
			if (v.isEmpty()) {
				continue;
			}
			if (q.kind() == Campaigns.CampaignQuestionKind.SCALE) {
				answers.add(new Campaigns.CampaignAnswer(q.number(), v.matches("[1-5]") ? Integer.valueOf(v) : 0, null));
			}
			else {
				answers.add(new Campaigns.CampaignAnswer(q.number(), null, v));
			}
		}
		model.addAttribute("campaign", c);
		model.addAttribute("token", token);
		try {
			campaigns.answer(id, token, principal.getName(), answers);
			model.addAttribute("done", true);
		}
		catch (ProblemException e) {
			model.addAttribute("error", e.getMessage());
		}
		return "reporting/campaign";
	}
	/** The anonymous results and the participation by establishment, with a chart per scale question (the dashboard's script) and the table behind it. */
	@GetMapping("/indicateurs/enquetes/{id}")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	String results(@PathVariable long id, Model model) {
		model.addAttribute("campaign", campaigns.find(id));
		model.addAttribute("results", campaigns.results(id));
		model.addAttribute("participation", progress.byEstablishment(id));
		return "reporting/campaign-results";
	}
}
