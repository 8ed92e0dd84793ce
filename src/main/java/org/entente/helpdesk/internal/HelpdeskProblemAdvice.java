package org.entente.helpdesk.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import tools.jackson.core.JacksonException;

/** Problem documents (RFC 9457, in French) for the tickets API. */
@RestControllerAdvice(assignableTypes = TicketApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class HelpdeskProblemAdvice {

	@ExceptionHandler(HelpdeskException.class)
	ResponseEntity<ProblemDetail> helpdesk(HelpdeskException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
		p.setTitle(e.title());
		e.properties().forEach(p::setProperty);
		return ResponseEntity.status(e.status()).body(p);
	}

	/** Unreadable JSON or a value outside an enumeration: names the field and, for an enumeration, its values. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		String field = null;
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
				field = je.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
					.collect(Collectors.joining("."));
				break;
			}
		}
		String detail = field == null ? "Le corps de la requête n'est pas un JSON lisible."
				: "La valeur du champ « " + field + " » est invalide" + allowed(field) + ".";
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		p.setTitle("Données invalides");
		if (field != null) {
			p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		return p;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "Le fichier dépasse 5 Mo.");
		p.setTitle("Fichier trop volumineux");
		p.setProperty("errors", List.of(Map.of("field", "file", "message", "5 Mo au plus")));
		return p;
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"La partie « " + e.getRequestPartName() + " » (fichier) est obligatoire.");
		p.setTitle("Données invalides");
		p.setProperty("errors", List.of(Map.of("field", e.getRequestPartName(), "message", "obligatoire")));
		return p;
	}

	private static String allowed(String field) {
		Class<? extends Enum<?>> type = switch (field) {
			case "intervention" -> org.entente.convention.InterventionKind.class;
			case "network" -> org.entente.convention.Network.class;
			case "funding" -> org.entente.convention.Funding.class;
			case "criticality" -> org.entente.worktime.Criticality.class;
			case "kind" -> org.entente.helpdesk.TicketKind.class;
			case "to" -> org.entente.helpdesk.TicketStatus.class;
			case "waitingReason" -> org.entente.helpdesk.WaitingReason.class;
			default -> null;
		};
		return type == null ? "" : " : valeurs permises " + List.of(type.getEnumConstants());
	}
}
