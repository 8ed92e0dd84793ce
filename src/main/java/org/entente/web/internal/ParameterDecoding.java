package org.entente.web.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string (or form body) that is not valid UTF-8 once percent-decoded ({@code q=%C3%28}) is refused here with
 * a 400 that names the fault, before anything reads a parameter: Tomcat would otherwise throw from the first
 * {@code getParameter} wherever it happens, and that was a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ParameterDecoding extends OncePerRequestFilter {

	/** Set on a request refused here, so that the error page says why. */
	static final String ATTRIBUTE = ParameterDecoding.class.getName() + ".refused";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return request.getQueryString() == null && (type == null || !type.startsWith("application/x-www-form-urlencoded"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException e) {
			request.setAttribute(ATTRIBUTE, Boolean.TRUE);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}
}
