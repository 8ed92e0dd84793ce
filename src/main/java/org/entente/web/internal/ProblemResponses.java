package org.entente.web.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem documents written where no advice can run (servlet filters, Spring Security's entry points, Tomcat's
 * error valve): the same RFC 9457 shape as {@link ApiProblemAdvice}'s, serialised by Jackson so that any text is
 * escaped, in one place.
 */
final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** The document as JSON text; {@code type} is the last part of {@code urn:entente:problem:…}, {@code instance} may be null. */
	static String json(HttpStatus status, String type, String title, String detail, String instance) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setTitle(title);
		p.setType(URI.create("urn:entente:problem:" + type));
		if (instance != null) {
			p.setInstance(URI.create(instance.replaceAll("[^\\x21-\\x7e]", "")));
		}
		return JSON.writeValueAsString(p);
	}

	/** Writes the document as the whole response, with its status and media type. */
	static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
			String instance) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(status, type, title, detail, instance));
	}
}
