package org.entente.web.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** On pages, a bad parameter gives the error page with a sentence that says what is wrong, never a 500. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

	private final org.springframework.context.MessageSource messages;

	PageErrorAdvice(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView badRequest(IllegalArgumentException e) {
		if (e instanceof org.entente.common.AsProblem p) {
			return problem(p.problem());
		}
		return error(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	/**
	 * A module's error on a page that did not catch it to show next to its field: the error page with its sentence, in
	 * the page's language when the problem has its wording.
	 */
	@ExceptionHandler(org.entente.common.ProblemException.class)
	ModelAndView problem(org.entente.common.ProblemException e) {
		return error(e.status(), e.in(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
		return error(HttpStatus.BAD_REQUEST, "La valeur « " + e.getValue() + " » du paramètre « " + e.getName() + " » est invalide.");
	}

	/** A filter form (e.g. the desk's list) whose field does not take the value given. */
	@ExceptionHandler(org.springframework.validation.BindException.class)
	ModelAndView binding(org.springframework.validation.BindException e) {
		var f = e.getFieldError();
		return error(HttpStatus.BAD_REQUEST, f == null ? "Paramètres invalides."
				: "La valeur « " + f.getRejectedValue() + " » du paramètre « " + f.getField() + " » est invalide.");
	}

	private static ModelAndView error(HttpStatus status, String message) {
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("message", message);
		return mav;
	}
}
