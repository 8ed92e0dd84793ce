package org.entente.web.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nothing is served before Entente is ready: the web server listens before the start-up work (migrations, the
 * convention file, demo accounts) is done, and a client that came too early got 401 for accounts not yet written.
 * Until readiness is {@code ACCEPTING_TRAFFIC} (Spring Boot sets it once every start-up runner has finished), every
 * request but the health probes gets 503 with {@code Retry-After}: a problem document on the API, a short French page
 * elsewhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGate extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 5;

	private final ApplicationAvailability availability;

	/** Once ready, never checked again (readiness going down later is for the load balancer, through the probe). */
	private volatile boolean opened;

	StartupGate(ApplicationAvailability availability) {
		this.availability = availability;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (opened || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
			chain.doFilter(request, response);
			return;
		}
		if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			opened = true;
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "starting", "Entente démarre",
					"Entente termine son démarrage : réessayez dans " + RETRY_AFTER_SECONDS + " secondes.", request.getRequestURI());
		}
		else {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\""
					+ RETRY_AFTER_SECONDS + "\"><title>Entente démarre</title></head><body><main><h1>Entente démarre</h1>"
					+ "<p>Le service termine son démarrage. Cette page se recharge dans " + RETRY_AFTER_SECONDS
					+ " secondes.</p></main></body></html>");
		}
	}

	/** For tests: close the gate again as if start-up were not over. */
	void reset() {
		opened = false;
	}
}
