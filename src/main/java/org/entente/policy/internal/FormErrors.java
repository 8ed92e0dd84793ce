package org.entente.policy.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;

/** A 400's field problems as the page shows them (the first message of each field, next to it); other problems rethrown. */
final class FormErrors {

	private FormErrors() {
	}

	static Map<String, String> of(ProblemException e) {
		if (e.errors().isEmpty()) {
			throw e;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : e.errors()) {
			errors.putIfAbsent(p.field(), p.message());
		}
		return errors;
	}

	/** What the person typed, to show it again with the errors (without the CSRF token). */
	static Map<String, String> form(Map<String, String> params) {
		Map<String, String> form = new LinkedHashMap<>(params);
		form.remove("_csrf");
		return form;
	}
}
