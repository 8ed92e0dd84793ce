package org.entente.governance.internal;

import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.entente.governance.GovernanceInputException;
import org.entente.governance.internal.GovernanceStore.Meeting;
import org.entente.governance.internal.GovernanceStore.Status;
import org.entente.governance.internal.GovernanceStore.TargetType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The committees' calendar, their named members, meetings (convocation, minutes, decisions) and the decision search. */
@Controller
class CommitteePageController {

	private static final String CD = "@governancePermissions.manageCommittees(authentication)";

	record MemberForm(@NotBlank(message = "{gov.error.required}") String committee,
			@NotBlank(message = "{gov.error.required}") @Size(max = 200, message = "{gov.error.tooLong}") String name,
			@NotBlank(message = "{gov.error.required}") @Size(max = 320, message = "{gov.error.tooLong}") String email,
			@NotBlank(message = "{gov.error.required}") @Pattern(regexp = "CD|ACA|EPLE|PRESTATAIRE", message = "{gov.error.party}") String party,
			@Size(max = 500, message = "{gov.error.tooLong}") String role) {
	}

	record MeetingForm(@NotNull(message = "{gov.error.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@NotNull(message = "{gov.error.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime time,
			@NotNull(message = "{gov.error.required}") @Min(value = 15, message = "{gov.error.duration}") @Max(value = 600, message = "{gov.error.duration}") Integer duration,
			@Size(max = 500, message = "{gov.error.tooLong}") String place,
			@Size(max = 10000, message = "{gov.error.tooLong}") String agenda) {
	}

	record OutcomeForm(@NotNull(message = "{gov.error.required}") Status status,
			@Size(max = 100000, message = "{gov.error.tooLong}") String minutes) {
	}

	/** A guest invited to one meeting only (e.g. a contractor at the exploitation committee, article 4). */
	record GuestForm(@NotBlank(message = "{gov.error.required}") @Size(max = 200, message = "{gov.error.tooLong}") String name,
			@NotBlank(message = "{gov.error.required}") @Size(max = 320, message = "{gov.error.tooLong}") String email,
			@NotBlank(message = "{gov.error.required}") @Pattern(regexp = "CD|ACA|EPLE|PRESTATAIRE", message = "{gov.error.party}") String party) {
	}

	record DecisionForm(@NotBlank(message = "{gov.error.required}") @Size(max = 10000, message = "{gov.error.tooLong}") String text,
			TargetType targetType, @Size(max = 200, message = "{gov.error.tooLong}") String targetRef) {
	}

	/** The committee's decision on one policy change in arbitration (the meeting page has one such form per change). */
	record ArbitrationForm(@NotNull(message = "{gov.error.required}") Boolean adopted,
			@NotBlank(message = "{gov.error.required}") @Size(max = 10000, message = "{gov.error.tooLong}") String text) {
	}

	private final Committees committees;
	private final Arbitrations arbitrations;
	private final MessageSource messages;

	CommitteePageController(Committees committees, Arbitrations arbitrations, MessageSource messages) {
		this.committees = committees;
		this.arbitrations = arbitrations;
		this.messages = messages;
	}

	@GetMapping("/gouvernance/comites")
	String calendar(Model model) {
		if (!model.containsAttribute("memberForm")) {
			model.addAttribute("memberForm", new MemberForm(null, null, null, "CD", null));
		}
		model.addAttribute("committees", committees.overview());
		model.addAttribute("pendingArbitrations", arbitrations.pending());
		model.addAttribute("scheduledArbitrations", arbitrations.all().stream()
			.filter(a -> a.meetingId() != null && a.decisionId() == null).toList());
		return "governance/committees";
	}

	@PostMapping("/gouvernance/comites/membres")
	@PreAuthorize(CD)
	String addMember(@Valid @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Principal principal,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				committees.addMember(form.committee(), form.name(), form.email(), form.party(), form.role(), principal.getName());
				redirect.addFlashAttribute("memberAdded", form.name());
				return "redirect:/gouvernance/comites#comite-" + form.committee();
			}
			catch (GovernanceInputException e) {
				errors.rejectValue("committee".equals(e.parameter()) ? "committee" : "email", "invalid", e.in(messages));
			}
		}
		return calendar(model);
	}

	/** Past meetings entered in one go at set-up (see {@link Committees#recordPastMeetings}). */
	@PostMapping("/gouvernance/comites/{code}/reunions-passees")
	@PreAuthorize(CD)
	String recordPast(@PathVariable String code, @org.springframework.web.bind.annotation.RequestParam(required = false) String dates,
			Principal principal, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("pastRecorded", committees.recordPastMeetings(code, dates, principal.getName()));
		}
		catch (GovernanceInputException e) {
			redirect.addFlashAttribute("pastError", e.in(messages));
			redirect.addFlashAttribute("pastCommittee", code);
			redirect.addFlashAttribute("pastDates", dates);
		}
		return "redirect:/gouvernance/comites#comite-" + code;
	}

	@GetMapping("/gouvernance/comites/{code}/nouvelle-reunion")
	@PreAuthorize(CD)
	String newMeeting(@PathVariable String code, Model model) {
		model.addAttribute("committee", committees.committee(code));
		if (!model.containsAttribute("meetingForm")) {
			model.addAttribute("meetingForm", new MeetingForm(committees.proposedDate(code), LocalTime.of(14, 0), 120, null, null));
		}
		return "governance/meeting-form";
	}

	@PostMapping("/gouvernance/comites/{code}/reunions")
	@PreAuthorize(CD)
	String schedule(@PathVariable String code, @Valid @ModelAttribute("meetingForm") MeetingForm form,
			BindingResult errors, Principal principal, Model model) {
		if (!errors.hasErrors()) {
			try {
				long id = committees.schedule(code, form.date().atTime(form.time()), form.duration(), form.place(),
						form.agenda(), principal.getName());
				return "redirect:/gouvernance/reunions/" + id;
			}
			catch (GovernanceInputException e) {
				errors.rejectValue("date", "invalid", e.in(messages));
			}
		}
		return newMeeting(code, model);
	}

	@GetMapping("/gouvernance/reunions/{id}")
	String meeting(@PathVariable long id, Model model) {
		Meeting m = committees.meeting(id);
		model.addAttribute("meeting", m);
		model.addAttribute("committee", committees.committee(m.committeeCode()));
		model.addAttribute("invitees", committees.invitees(id));
		model.addAttribute("decisions", committees.decisions(id));
		model.addAttribute("pack", committees.pack(id).orElse(null));
		model.addAttribute("targetTypes", java.util.Arrays.stream(TargetType.values()).filter(t -> t != TargetType.POLICY_CHANGE).toList());
		model.addAttribute("arbitrations", arbitrations.onMeeting(id));
		model.addAttribute("statuses", Status.values());
		if (!model.containsAttribute("decisionForm")) {
			model.addAttribute("decisionForm", new DecisionForm(null, null, null));
		}
		if (!model.containsAttribute("arbitrationForm")) {
			model.addAttribute("arbitrationForm", new ArbitrationForm(null, null));
		}
		if (!model.containsAttribute("guestForm")) {
			model.addAttribute("guestForm", new GuestForm(null, null, "PRESTATAIRE"));
		}
		if (!model.containsAttribute("outcomeForm")) {
			model.addAttribute("outcomeForm", new OutcomeForm(m.status(), m.minutes()));
		}
		return "governance/meeting";
	}

	@PostMapping("/gouvernance/reunions/{id}/invites")
	@PreAuthorize(CD)
	String addGuest(@PathVariable long id, @Valid @ModelAttribute("guestForm") GuestForm form, BindingResult errors,
			Model model) {
		if (!errors.hasErrors()) {
			try {
				committees.addInvitee(id, form.name(), form.email(), form.party(), null);
				return "redirect:/gouvernance/reunions/" + id + "#invitees";
			}
			catch (GovernanceInputException e) {
				errors.rejectValue("email", "invalid", e.in(messages));
			}
		}
		return meeting(id, model);
	}

	@PostMapping("/gouvernance/reunions/{id}/convocation")
	@PreAuthorize(CD)
	String convoke(@PathVariable long id, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("convoked", committees.convoke(id));
		}
		catch (GovernanceInputException e) {
			redirect.addFlashAttribute("convocationError", e.in(messages));
		}
		return "redirect:/gouvernance/reunions/" + id;
	}

	/** The pack assembled again with today's figures (by reporting, after this request is committed). */
	@PostMapping("/gouvernance/reunions/{id}/dossier")
	@PreAuthorize(CD)
	String requestPack(@PathVariable long id, RedirectAttributes redirect) {
		try {
			committees.requestPack(id);
			redirect.addFlashAttribute("packRequested", true);
		}
		catch (GovernanceInputException e) {
			redirect.addFlashAttribute("convocationError", e.in(messages));
		}
		return "redirect:/gouvernance/reunions/" + id + "#pack";
	}

	@PostMapping("/gouvernance/reunions/{id}/compte-rendu")
	@PreAuthorize(CD)
	String outcome(@PathVariable long id, @Valid @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return meeting(id, model);
		}
		committees.recordOutcome(id, form.status(), form.minutes());
		redirect.addFlashAttribute("outcomeSaved", true);
		return "redirect:/gouvernance/reunions/" + id;
	}

	@PostMapping("/gouvernance/reunions/{id}/decisions")
	@PreAuthorize(CD)
	String addDecision(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form,
			BindingResult errors, Principal principal, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				committees.addDecision(id, form.text(), form.targetType(), form.targetRef(), principal.getName());
				redirect.addFlashAttribute("decisionAdded", true);
				return "redirect:/gouvernance/reunions/" + id + "#decisions";
			}
			catch (GovernanceInputException e) {
				errors.rejectValue("targetRef", "invalid", e.in(messages));
			}
		}
		return meeting(id, model);
	}

	/** The strategic committee's decision on a policy change in arbitration: adopted or rejected, and its text. */
	@PostMapping("/gouvernance/reunions/{id}/arbitrages/{changeId}")
	@PreAuthorize(CD)
	String decideArbitration(@PathVariable long id, @PathVariable long changeId,
			@Valid @ModelAttribute("arbitrationForm") ArbitrationForm form, BindingResult errors, Principal principal, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				GovernanceStore.Decision d = arbitrations.decide(id, changeId, form.adopted(), form.text(), principal.getName());
				redirect.addFlashAttribute("decisionAdded", true);
				return "redirect:/gouvernance/reunions/" + id + "#decision-" + d.id();
			}
			catch (GovernanceInputException e) {
				errors.rejectValue("text".equals(e.parameter()) ? "text" : "adopted", "invalid", e.in(messages));
			}
			catch (org.entente.common.ProblemException e) {
				errors.rejectValue("adopted", "invalid", e.in(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			}
		}
		model.addAttribute("arbitrationChange", changeId);
		return meeting(id, model);
	}

	@GetMapping("/gouvernance/decisions")
	String decisions(@RequestParam(name = "q", required = false) String query, Model model) {
		model.addAttribute("q", query);
		model.addAttribute("decisions", committees.search(query));
		model.addAttribute("committeeNames", committees.names());
		return "governance/decisions";
	}
}
