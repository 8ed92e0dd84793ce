package org.entente.web.internal;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.entente.common.AsProblem;
import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem documents for every API error, in French, naming the parameter or field at fault: the one advice
 * of the API. Modules throw {@link ProblemException} (or a subclass); Spring's own binding errors (missing or
 * unreadable parameter, invalid body) are rendered in the same shape ({@code parameter}, {@code errors[{field,
 * message}]}); anything else is logged and said as a 500 without detail.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
// Before PageErrorAdvice, which also matches REST controllers (they are @Controllers too).
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(ProblemException.missingParameter(ex.getParameterName(),
				"Le paramètre « " + ex.getParameterName() + " » est obligatoire.").toProblemDetail());
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		String expected = type != null && type.isEnum() ? "une des valeurs " + List.of(type.getEnumConstants())
				: type != null ? type.getSimpleName() : "?";
		return ResponseEntity.badRequest().body(ProblemException.invalidParameter(name,
				"La valeur « " + ex.getValue() + " » du paramètre « " + name + " » est invalide : attendu " + expected + ".").toProblemDetail());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(ProblemException.invalid(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(f -> new FieldProblem(f.getField(), String.valueOf(f.getDefaultMessage())))
			.toList()).toProblemDetail());
	}

	/** The one error type of every module (see {@link ProblemException}). */
	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> entente(ProblemException e) {
		return ResponseEntity.status(e.status()).body(e.toProblemDetail());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraint(ConstraintViolationException ex) {
		return ProblemException.invalid(ex.getConstraintViolations().stream()
			.map(v -> new FieldProblem(String.valueOf(v.getPropertyPath()), v.getMessage()))
			.toList()).toProblemDetail();
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ProblemDetail accessDenied(org.springframework.security.access.AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Accès refusé", "Votre rôle ne permet pas cette opération.");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
		if (ex instanceof AsProblem p) {
			return entente(p.problem());
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Requête invalide", ex.getMessage()));
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Erreur inattendue sur l'API", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne",
				"Une erreur inattendue est survenue ; elle a été journalisée.");
	}

	/**
	 * Unreadable JSON, or a value of the wrong type (e.g. outside an enumeration): 400 naming the field (JSON path
	 * {@code items[2].name}) and, for an enumeration, its values. Generic: the type comes from Jackson.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = null;
		Class<?> type = null;
		boolean nullElement = false;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof tools.jackson.core.JacksonException je && !je.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (var r : je.getPath()) {
					path.append(r.getPropertyName() != null ? (path.isEmpty() ? "" : ".") + r.getPropertyName()
							: "[" + r.getIndex() + "]");
				}
				field = path.toString();
				type = t instanceof tools.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
				nullElement = t instanceof tools.jackson.databind.exc.InvalidNullException;
				break;
			}
		}
		if (field == null) {
			ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Données invalides", "Le corps de la requête n'est pas un JSON lisible.");
			return ResponseEntity.badRequest().body(p);
		}
		if (nullElement) {
			return ResponseEntity.badRequest().body(render(ProblemException.invalid(field, NullElements.MESSAGE)));
		}
		String allowed = type != null && type.isEnum() ? " : valeurs permises " + List.of(type.getEnumConstants()) : "";
		return ResponseEntity.badRequest()
			.body(render(org.entente.common.ProblemException.invalid(field, "La valeur du champ « " + field + " » est invalide" + allowed + ".")));
	}

	/** A multipart request without its file part: 400 naming the part. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(
			org.springframework.web.multipart.support.MissingServletRequestPartException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		org.entente.common.ProblemException e = new org.entente.common.ProblemException(HttpStatus.BAD_REQUEST,
				"invalid-input", "Données invalides", "La partie « " + ex.getRequestPartName() + " » (fichier) est obligatoire.",
				null, List.of(new org.entente.common.FieldProblem(ex.getRequestPartName(), "obligatoire")), Map.of());
		return ResponseEntity.badRequest().body(render(e));
	}

	/** A file over {@code spring.servlet.multipart.max-file-size}: 413 on the field {@code file}. */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
			org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		org.entente.common.ProblemException e = new org.entente.common.ProblemException(HttpStatus.CONTENT_TOO_LARGE,
				"too-large", "Fichier trop volumineux", "Le fichier dépasse " + maxFileSize + ".", null,
				List.of(new org.entente.common.FieldProblem("file", maxFileSize + " au plus")), Map.of());
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(render(e));
	}

	/** The upload limit in French units (« 5 Mo »), read from the multipart configuration. */
	@org.springframework.beans.factory.annotation.Value("#{T(org.springframework.util.unit.DataSize).parse('${spring.servlet.multipart.max-file-size:5MB}').toMegabytes() + ' Mo'}")
	private String maxFileSize = "5 Mo";

	/** The RFC 9457 document of a {@link ProblemException} (for the web module's other error paths). */
	static ProblemDetail render(ProblemException e) {
		return e.toProblemDetail();
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setTitle(title);
		return p;
	}
}
