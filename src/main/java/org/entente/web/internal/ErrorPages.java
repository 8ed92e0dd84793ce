package org.entente.web.internal;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container forwards to {@code /error} — an unknown address, a request Spring could not hand to any
 * controller (a multipart body without boundary), an exception out of a filter — answered like every other error:
 * an RFC 9457 document on {@code /api/**}, the French error page elsewhere. Replaces Spring Boot's error controller,
 * whose JSON was neither a problem document nor French.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

	@RequestMapping
	Object error(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		Throwable e = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		HttpStatus status = status(request, e);
		String detail = request.getAttribute(ParameterDecoding.ATTRIBUTE) != null
				? "Un paramètre de l'adresse n'est pas de l'UTF-8 valide une fois décodé (par exemple %C3%28) : corrigez son encodage."
				: detail(status, e);
		if (path.startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
			p.setTitle(title(status));
			p.setType(URI.create("urn:entente:problem:" + (status.is5xxServerError() ? "internal" : "http-" + status.value())));
			p.setInstance(URI.create(path.replaceAll("[^\\x21-\\x7e]", "")));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("message", detail);
		return mav;
	}

	private static HttpStatus status(HttpServletRequest request, Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
				return HttpStatus.CONTENT_TOO_LARGE;
			}
			if (t instanceof MultipartException || t instanceof IllegalArgumentException) {
				return HttpStatus.BAD_REQUEST;
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus s = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s;
	}

	static String title(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "Requête invalide";
			case UNAUTHORIZED -> "Authentification requise";
			case FORBIDDEN -> "Accès refusé";
			case NOT_FOUND -> "Introuvable";
			case METHOD_NOT_ALLOWED -> "Méthode non permise";
			case NOT_ACCEPTABLE -> "Format non disponible";
			case CONTENT_TOO_LARGE -> "Requête trop volumineuse";
			case UNSUPPORTED_MEDIA_TYPE -> "Format non pris en charge";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "En-têtes trop volumineux";
			case URI_TOO_LONG -> "Adresse trop longue";
			default -> status.is5xxServerError() ? "Erreur interne" : "Requête refusée";
		};
	}

	static String detail(HttpStatus status, Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
				return "Le fichier dépasse la taille permise (5 Mo par fichier).";
			}
			if (t instanceof MultipartException) {
				return "Le corps multipart de la requête est illisible (frontière « boundary » absente ou corps tronqué).";
			}
		}
		return switch (status) {
			case NOT_FOUND -> "Aucune ressource à cette adresse.";
			case METHOD_NOT_ALLOWED -> "Cette adresse n'accepte pas cette méthode HTTP.";
			case CONTENT_TOO_LARGE -> "La requête dépasse la taille permise.";
			case BAD_REQUEST -> "La requête est mal formée.";
			default -> status.is5xxServerError() ? "Une erreur inattendue est survenue ; elle a été journalisée."
					: "La requête a été refusée (" + status.value() + ").";
		};
	}
}
