package org.entente.web.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the API (stateless, HTTP Basic, problem documents, no cookies so no CSRF) and the pages
 * (form login, session, CSRF). The convention is a public document, so its pages and API are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String REALM = "Entente";

	static final String[] PUBLIC_PAGES = { "/", "/connexion", "/qui-fait-quoi", "/qui-fait-quoi/**",
			"/points-a-clarifier", "/convention/versions", "/convention/versions/**", "/webjars/**", "/css/**", "/js/**",
			"/img/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html" };

	/**
	 * No Micrometer observation of each security filter, authentication and authorization: a fifth of the CPU of a
	 * ticket creation went there. Requests are still timed as a whole (http.server.requests).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(req, res, HttpStatus.UNAUTHORIZED,
					"Authentification requise", "Identifiez-vous (HTTP Basic) avec un compte Entente.")))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(req, res, HttpStatus.UNAUTHORIZED,
						"Authentification requise", "Identifiez-vous (HTTP Basic) avec un compte Entente."))
				.accessDeniedHandler((req, res, ex) -> problem(req, res, HttpStatus.FORBIDDEN, "Accès refusé",
						"Votre rôle ne permet pas cette opération.")))
			.authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/convention/**")
				.permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/connexion").defaultSuccessUrl("/", false).permitAll())
			.logout(l -> l.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?logout"))
			.httpBasic(Customizer.withDefaults())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String title, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (status == HttpStatus.UNAUTHORIZED) {
			// The challenge alone, no charset parameter: FusionInventory reads the realm with /^Basic realm="(.*)"/, whose
			// greedy group would take « Entente", charset="UTF-8 » as the realm and never send its credentials.
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
		}
		response.getWriter().write(JSON.writeValueAsString(problem));
	}
}
