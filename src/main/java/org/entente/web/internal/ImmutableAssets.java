package org.entente.web.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A stylesheet, script, font or image asked for by its content-versioned address (Spring's resource chain,
 * {@code spring.web.resources.chain.strategy.content}: {@code /css/entente-<md5>.css}) never changes: the browser
 * keeps it a year without asking again ({@code immutable}). The same file asked for by its plain address is revalidated
 * (the {@code no-cache} of {@code spring.web.resources.cache}, answered by a 304). Pages name only versioned addresses.
 */
class ImmutableAssets extends OncePerRequestFilter {

	static final String FOREVER = "public, max-age=31536000, immutable";

	private static final Pattern VERSIONED = Pattern.compile("^/(?:css|js|img|webjars)/.+-[0-9a-f]{32}\\.[a-z0-9]+$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !VERSIONED.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Cache-Control", FOREVER);
		chain.doFilter(request, new HttpServletResponseWrapper(response) {
			@Override
			public void setHeader(String name, String value) {
				if (!"Cache-Control".equalsIgnoreCase(name)) {
					super.setHeader(name, value);
				}
			}

			@Override
			public void addHeader(String name, String value) {
				if (!"Cache-Control".equalsIgnoreCase(name)) {
					super.addHeader(name, value);
				}
			}
		});
	}
}
