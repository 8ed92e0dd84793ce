package org.entente.helpdesk.internal;

import java.io.IOException;

import org.entente.directory.EntenteUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The ticket page's conversation (comments, attachments) and the satisfaction survey page. */
@Controller
class TicketConversationPageController {

	record CommentForm(@Size(max = 10_000, message = "{helpdesk.error.comment.tooLong}") String body) {
	}

	/** {@code rating}: 1 to 5 (checked by the service; absent is 0, which it refuses). */
	record SatisfactionForm(Integer rating, @Size(max = 2000, message = "{helpdesk.error.tooLong}") String comment) {
	}

	private final TicketLookup lookup;
	private final TicketConversation conversation;
	private final TicketSatisfaction satisfaction;
	private final DeskPages pages;

	TicketConversationPageController(TicketLookup lookup, TicketConversation conversation,
			TicketSatisfaction satisfaction, DeskPages pages) {
		this.lookup = lookup;
		this.conversation = conversation;
		this.satisfaction = satisfaction;
		this.pages = pages;
	}

	@PostMapping("/tickets/{id}/commentaires")
	String comment(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @Valid @ModelAttribute CommentForm f,
			BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.comment", () -> conversation.comment(user, id, f.body()));
	}

	@PostMapping("/tickets/{id}/pieces-jointes")
	String attach(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		byte[] content = file == null ? new byte[0] : file.getBytes();
		String name = file == null ? null : file.getOriginalFilename();
		return pages.act(id, flash, "helpdesk.done.attached", () -> conversation.attach(user, id, name, content));
	}

	@GetMapping("/tickets/{id}/pieces-jointes/{attachmentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return TicketConversationApiController.download(conversation, user, id, attachmentId);
	}

	@GetMapping("/tickets/{id}/satisfaction")
	String surveyForm(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		Ticket t = lookup.get(user, id);
		model.addAttribute("t", t);
		model.addAttribute("satisfaction", satisfaction.of(t).orElse(null));
		return "helpdesk/satisfaction";
	}

	@PostMapping("/tickets/{id}/satisfaction")
	String survey(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, @Valid @ModelAttribute SatisfactionForm f,
			BindingResult binding, RedirectAttributes flash) {
		return pages.act(id, binding, flash, "helpdesk.done.survey",
				() -> satisfaction.answer(user, id, f.rating() == null ? 0 : f.rating(), f.comment()));
	}
}
