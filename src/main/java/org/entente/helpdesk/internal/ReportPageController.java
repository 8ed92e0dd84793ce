package org.entente.helpdesk.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.ProblemException;
import org.entente.convention.InterventionKind;
import org.entente.convention.UnknownComponentException;
import org.entente.directory.EntenteUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** « Signaler un problème »: the collège's words, the component search, its assets to name the one concerned. */
@Controller
class ReportPageController {

	/** The report form; {@code problem} is a choice's key, or « autre » with a {@code component} found by search. */
	record ReportForm(String problem, String component, InterventionKind intervention, String establishment,
			@NotBlank(message = "{helpdesk.error.title.required}") @Size(max = 200, message = "{helpdesk.error.title.tooLong}") String title,
			@NotBlank(message = "{helpdesk.error.description.required}") @Size(max = 10_000, message = "{helpdesk.error.description.tooLong}") String description,
			Boolean dataInvolved, String assetId, Boolean sharedBetweenNetworks, String dataConcerned,
			@Size(max = 200, message = "{helpdesk.error.tooLong}") String q,
			@Size(max = 200, message = "{helpdesk.error.tooLong}") String contact) {
	}

	static final List<InterventionKind> KINDS = List.of(InterventionKind.REPAIR, InterventionKind.ASSISTANCE,
			InterventionKind.INSTALLATION, InterventionKind.SUPPLY);

	private final TicketOpening opening;
	private final TicketConversation conversation;
	private final TicketAccess access;
	private final DeskPages pages;
	private final ReportFormModel formModel;

	ReportPageController(TicketOpening opening, TicketConversation conversation, TicketAccess access, DeskPages pages,
			ReportFormModel formModel) {
		this.opening = opening;
		this.conversation = conversation;
		this.access = access;
		this.pages = pages;
		this.formModel = formModel;
	}

	@GetMapping("/signaler")
	String reportForm(@AuthenticationPrincipal EntenteUser user, @RequestParam(required = false) String q, Model model) {
		prepare(user, q, model);
		return "helpdesk/report";
	}

	@GetMapping("/signaler/composants")
	String searchComponents(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("results", formModel.search(q));
		model.addAttribute("q", q);
		model.addAttribute("kinds", KINDS);
		return "helpdesk/report :: results";
	}

	@PostMapping("/signaler")
	String report(@AuthenticationPrincipal EntenteUser user, @Valid @ModelAttribute("report") ReportForm form,
			BindingResult binding, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes flash) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		var what = ProblemChoices.resolve(form.problem(), form.component(), form.intervention());
		if (what.isEmpty()) {
			errors.put("problem", pages.text("helpdesk.error.problem"));
		}
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), pages.text(e)));
		String uai = access.reportedEstablishment(user, form.establishment());
		if (uai == null || uai.isBlank()) {
			errors.put("establishment", pages.text("helpdesk.error.establishment"));
		}
		if (errors.isEmpty()) {
			try {
				Ticket t = opening.open(user, new TicketOpening.NewTicket(uai, form.title(), form.description(),
						what.get().component(), what.get().intervention(), what.get().network(), null, null, what.get().kind(),
						Boolean.TRUE.equals(form.dataInvolved()), Inputs.blank(form.assetId()), null,
						Boolean.TRUE.equals(form.sharedBetweenNetworks()) ? Boolean.TRUE : null,
						Inputs.blank(form.dataConcerned()), null, what.get().requestType()), form.contact()).ticket();
				// The ticket page then says what happens next: who handles it, by when, how the collège is told.
				flash.addFlashAttribute("reported", true);
				return attached(user, t, file);
			}
			catch (UnknownComponentException e) {
				errors.put("problem", e.getMessage());
			}
			catch (ProblemException e) {
				// Next to the field the service names; its « component » is the form's « problem ».
				String field = DeskPages.field(e, "establishment");
				errors.put("component".equals(field) ? "problem" : field,
						DeskPages.is(e, TicketRouting.ASSET_OF_OTHER_COMPONENT)
								? pages.text("helpdesk.error.assetKind") : pages.failure(e));
			}
		}
		// Everything typed comes back, the search and the component found included.
		model.addAttribute("errors", errors);
		model.addAttribute("form", Map.of("problem", orEmpty(form.problem()), "title", orEmpty(form.title()), "description",
				orEmpty(form.description()), "establishment", uai == null ? "" : uai, "assetId", orEmpty(form.assetId()),
				"dataConcerned", orEmpty(form.dataConcerned()), "shared", String.valueOf(Boolean.TRUE.equals(form.sharedBetweenNetworks())),
				"contact", orEmpty(form.contact())));
		prepare(user, form.q(), model);
		model.addAttribute("component", orEmpty(form.component()));
		model.addAttribute("intervention", form.intervention() == null ? "" : form.intervention().name());
		return "helpdesk/report";
	}

	/** The ticket page of a ticket just opened; the file joined to the report, if refused, is said there. */
	private String attached(EntenteUser user, Ticket t, MultipartFile file) throws IOException {
		if (file != null && !file.isEmpty()) {
			try {
				conversation.attach(user, t.id(), file.getOriginalFilename(), file.getBytes());
			}
			catch (ProblemException e) {
				return "redirect:/tickets/" + t.id() + "?piece=refusee";
			}
		}
		return "redirect:/tickets/" + t.id();
	}

	private void prepare(EntenteUser user, String q, Model model) {
		formModel.prepare(user, q, model);
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}
}
