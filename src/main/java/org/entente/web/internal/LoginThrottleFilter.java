package org.entente.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.entente.directory.SignInLocks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (form POST to /connexion, or HTTP Basic credentials) while the directory's throttle
 * holds its account and client address back, before any password is checked: HTTP Basic gets a 429 problem
 * document with Retry-After, the form goes back to the sign-in page, which says when to retry. The answer is the
 * same whether the account exists or not.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private final SignInLocks locks;
	private final Clock clock;

	LoginThrottleFilter(SignInLocks locks, Clock clock) {
		this.locks = locks;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String basic = basicUsername(request);
		boolean form = basic == null && "POST".equals(request.getMethod())
				&& (request.getContextPath() + "/connexion").equals(request.getRequestURI());
		String username = basic != null ? basic : form ? request.getParameter("username") : null;
		Optional<Instant> until = username == null ? Optional.empty() : locks.lockedUntil(username, request.getRemoteAddr());
		if (until.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (Duration.between(clock.instant(), until.get()).toMillis() + 999) / 1000);
		if (form) {
			response.sendRedirect(request.getContextPath() + "/connexion?error=throttled&until=" + until.get().getEpochSecond());
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts",
				"Trop de tentatives de connexion",
				"Trop de mots de passe erronés pour cet identifiant depuis cette adresse : réessayez dans " + delay(seconds)
						+ " (en-tête Retry-After).",
				request.getRequestURI());
	}

	/** « 45 s », « 3 min » (rounded up). */
	static String delay(long seconds) {
		return seconds < 60 ? seconds + " s" : (seconds + 59) / 60 + " min";
	}

	private static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException e) {
			// Not Base64: BasicAuthenticationFilter answers it as it always did.
			return null;
		}
	}
}
