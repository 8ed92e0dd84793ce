package org.entente.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.directory.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The satisfaction campaigns' pages for the indicators' readers: {@code /indicateurs/enquetes} lists them with how
 * many invitees have answered, and those who may launch one (as by the API: agents CD and ACA, administrators)
 * fill in {@code /indicateurs/enquetes/nouvelle}: the strategic committee's decision (chosen among those governance
 * recorded), who is asked, when, and up to
 * {@link #ROWS} questions.
 */
@Controller
class CampaignListPageController {

	static final int ROWS = 5;
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final Campaigns campaigns;
	private final CampaignProgress progress;
	private final ReportingPermissions permissions;
	private final Clock clock;
	private final CampaignReminders reminders;

	CampaignListPageController(Campaigns campaigns, CampaignProgress progress, ReportingPermissions permissions, Clock clock,
			CampaignReminders reminders) {
		this.reminders = reminders;
		this.campaigns = campaigns;
		this.progress = progress;
		this.permissions = permissions;
		this.clock = clock;
	}

	/** The form: {@code kinds} and {@code questions} go by row (a row without a question is left out). */
	record CampaignForm(
			@NotBlank(message = "{rep.error.required}") @Size(max = 200, message = "{rep.error.tooLong200}") String title,
			@NotNull(message = "{rep.error.decision}") Long decisionId,
			@NotEmpty(message = "{rep.error.roles}") List<Role> roles, String establishments,
			@NotNull(message = "{rep.error.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@NotNull(message = "{rep.error.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			List<String> kinds, List<String> questions) {

		public String kind(int row) {
			return kinds != null && row < kinds.size() && "TEXT".equals(kinds.get(row)) ? "TEXT" : "SCALE";
		}

		public String question(int row) {
			return questions != null && row < questions.size() && questions.get(row) != null ? questions.get(row) : "";
		}
	}

	@GetMapping("/indicateurs/enquetes")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	String list(Authentication authentication, Model model) {
		model.addAttribute("lines", progress.lines());
		model.addAttribute("mayLaunch", permissions.produce(authentication));
		return "reporting/campaigns";
	}

	@GetMapping("/indicateurs/enquetes/nouvelle")
	@PreAuthorize("@reportingPermissions.produce(authentication)")
	String form(Model model) {
		LocalDate today = LocalDate.now(clock.withZone(PARIS));
		return form(model, new CampaignForm("", null, List.of(Role.SCHOOL_STAFF), "", today, today.plusWeeks(3),
				List.of("SCALE", "SCALE", "SCALE", "TEXT", "TEXT"), List.of()));
	}

	@PostMapping("/indicateurs/enquetes")
	@PreAuthorize("@reportingPermissions.produce(authentication)")
	String create(@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		List<Campaigns.NewCampaignQuestion> questions = new ArrayList<>();
		for (int row = 0; row < ROWS; row++) {
			if (!form.question(row).isBlank()) {
				questions.add(new Campaigns.NewCampaignQuestion(form.kind(row), form.question(row).trim()));
			}
		}
		if (questions.isEmpty()) {
			errors.rejectValue("questions", "rep.error.questions");
		}
		if (form.opensOn() != null && form.closesOn() != null && form.closesOn().isBefore(form.opensOn())) {
			errors.rejectValue("closesOn", "rep.error.period");
		}
		if (errors.hasErrors()) {
			return form(model, form);
		}
		List<String> uais = form.establishments() == null ? List.of()
				: Arrays.stream(form.establishments().toUpperCase(java.util.Locale.ROOT).split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
		try {
			Campaigns.SatisfactionCampaign c = campaigns.create(new Campaigns.NewSatisfactionCampaign(form.title(), form.decisionId(),
					form.roles().stream().map(Role::name).toList(), uais, form.opensOn(), form.closesOn(), questions));
			// Plain values: flash attributes go through the session, which the database keeps (serialised).
			redirect.addFlashAttribute("launchedTitle", c.title());
			redirect.addFlashAttribute("launchedInvited", c.invited());
			return "redirect:/indicateurs/enquetes";
		}
		catch (ProblemException e) {
			for (FieldProblem p : e.errors()) {
				errors.rejectValue(p.field(), "invalid", p.message());
			}
			return form(model, form);
		}
	}

	private String form(Model model, CampaignForm form) {
		model.addAttribute("campaignForm", form);
		model.addAttribute("roles", Role.values());
		model.addAttribute("decisions", campaigns.orderingDecisions());
		model.addAttribute("reminderDays", String.join(", ", reminders.days().stream().map(String::valueOf).toList()));
		model.addAttribute("rows", ROWS);
		return "reporting/campaign-form";
	}
}
