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
 * Parameters are read once here, right after authentication, so that a request whose parameters cannot be read is
 * refused with a 4xx that says why instead of failing wherever the first {@code getParameter} happens (that was a
 * 500): a query string or form that is not valid UTF-8 once percent-decoded ({@code q=%C3%28}) is a 400; a multipart
 * body over the limits is a 413, one without boundary a 400 — thrown as Spring's multipart exceptions, so that the
 * error dispatch renders them ({@link ErrorPages}) instead of parsing the body a second time.
 */
@Component
@Order(-99) // after Spring Security (-100): nobody unauthenticated gets a body parsed
class ParameterDecoding extends OncePerRequestFilter {

	/** Set on a request refused here, so that the error page says why. */
	static final String ATTRIBUTE = ParameterDecoding.class.getName() + ".refused";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		return request.getQueryString() == null && !type.startsWith("application/x-www-form-urlencoded")
				&& !type.startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException e) {
			if (request.getContentType() != null && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
				for (Throwable t = e; t != null; t = t.getCause()) {
					if (t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException) {
						throw new org.springframework.web.multipart.MaxUploadSizeExceededException(-1, e);
					}
				}
				throw new org.springframework.web.multipart.MultipartException("Corps multipart illisible", e);
			}
			request.setAttribute(ATTRIBUTE, Boolean.TRUE);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}
}
