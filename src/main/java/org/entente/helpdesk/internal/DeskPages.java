package org.entente.helpdesk.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.entente.common.Labels;
import org.entente.common.ProblemException;
import org.entente.convention.UnknownComponentException;
import org.entente.worktime.WorkTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the desk's pages share: dates in the convention calendar's zone (model attribute {@code dates}), the texts
 * of the module's message bundle, and how an action on a ticket comes back to its page (done, or refused with the
 * reason; a ticket out of scope stays a 404, rendered by the web module's page advice).
 */
@ControllerAdvice(assignableTypes = { ReportPageController.class, TicketListPageController.class,
		TicketPageController.class, TicketWorkflowPageController.class, TicketClassificationPageController.class,
		TicketConversationPageController.class, HomeWorkPageController.class })
class DeskPages {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH);

	/** Formats instants for the pages, in the convention calendar's zone. */
	record Dates(ZoneId zone) {

		public String format(Instant i) {
			return i == null ? "" : WHEN.format(i.atZone(zone));
		}
	}

	private final WorkTime workTime;
	private final MessageSource messages;
	private final Labels labels;

	DeskPages(WorkTime workTime, MessageSource messages) {
		this.workTime = workTime;
		this.messages = messages;
		// Built here rather than injected: the web module defines the templates' bean, and the desk's module tests
		// start without it.
		this.labels = new Labels(messages);
	}

	/** The words of a status, criticality, kind… in the page's language (model attribute {@code labels}). */
	@ModelAttribute("labels")
	Labels labels() {
		return labels;
	}

	@ModelAttribute("dates")
	Dates dates() {
		return new Dates(zone());
	}

	ZoneId zone() {
		return workTime.calendar().zone();
	}

	/** A text of the bundle in the request's language. */
	String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** A text of the bundle, or {@code fallback} when the bundle has none for that key. */
	String textOr(String key, String fallback, Object... args) {
		return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
	}

	/** The sentence for a field the form binding or validation refused. */
	String text(FieldError e) {
		return e.isBindingFailure() ? text("helpdesk.error.value", e.getRejectedValue(), e.getField())
				: e.getDefaultMessage();
	}

	/** Runs an action on ticket {@code id} and comes back to the ticket page with {@code done} or the reason it was refused. */
	String act(long id, RedirectAttributes flash, String done, Runnable action) {
		return act(id, null, flash, done, action);
	}

	/**
	 * Runs an action on ticket {@code id} from a form that passed validation, and comes back to the ticket page with
	 * {@code done} (a bundle key) or the reason it was refused.
	 */
	String act(long id, BindingResult form, RedirectAttributes flash, String done, Runnable action) {
		if (form != null && form.hasErrors()) {
			flash.addFlashAttribute("failure", text(form.getFieldErrors().get(0)));
			return "redirect:/tickets/" + id;
		}
		try {
			action.run();
			flash.addFlashAttribute("success", text(done));
		}
		catch (UnknownComponentException e) {
			flash.addFlashAttribute("failure", e.getMessage());
		}
		catch (ProblemException e) {
			if (e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			flash.addFlashAttribute("failure", failure(e));
		}
		return "redirect:/tickets/" + id;
	}

	/**
	 * Why an action was refused, in the page's language when the problem has its wording (the French of the API
	 * otherwise): a field's fault names the field first, as the API's detail does.
	 */
	String failure(ProblemException e) {
		if (e.wording() == null) {
			return e.getMessage();
		}
		String sentence = e.in(messages, LocaleContextHolder.getLocale());
		return DeskPages.is(e, "invalid-input") && e.errors().size() == 1 ? text("helpdesk.error.field", e.errors().get(0).field(), sentence)
				: sentence;
	}

	/** The form field a desk error is about (its first field error), or {@code fallback}. */
	static String field(ProblemException e, String fallback) {
		return e.errors().isEmpty() ? fallback : e.errors().get(0).field();
	}

	/** Whether the problem is of this type (e.g. {@link TicketRouting#ASSET_OF_OTHER_COMPONENT}). */
	static boolean is(ProblemException e, String type) {
		return e.type().toString().equals("urn:entente:problem:" + type);
	}
}
