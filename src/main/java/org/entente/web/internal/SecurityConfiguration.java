package org.entente.web.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.entente.directory.SignInLocks;
import org.entente.directory.SingleSignOn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: the API (stateless, HTTP Basic, problem documents, no cookies so no CSRF) and the pages
 * (form login, session, CSRF). The convention is a public document, so its pages and API are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String REALM = "Entente";

	/** The only API requests served without an account (also read by {@link OpenApiContract}). */
	static final String PUBLIC_API_GET = "/api/v1/convention/**";

	static final String[] PUBLIC_PAGES = { "/", "/connexion", "/login", "/qui-fait-quoi", "/qui-fait-quoi/**",
			"/points-a-clarifier", "/convention/versions", "/convention/versions/**", "/webjars/**", "/css/**", "/js/**",
			"/img/**", "/favicon.ico", "/error", "/mot-de-passe/definir", "/connexion/sans-compte", "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html" };

	/** The pages that take a write without an account (the error page renders failed writes too). */
	static final String[] PUBLIC_WRITES = { "/connexion", "/login", "/mot-de-passe/definir", "/error" };

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
	SecurityFilterChain api(HttpSecurity http, SingleSignOn sso, ObjectProvider<JwtDecoder> jwtDecoder, SignInLocks locks,
			java.time.Clock clock) throws Exception {
		if (jwtDecoder.getIfAvailable() != null) {
			// Bearer tokens (JWT) of the configured issuer, mapped to accounts as single sign-on is; Basic stays.
			http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(sso.jwtConverter()))
				.authenticationEntryPoint((req, res, e) -> problem(req, res, HttpStatus.UNAUTHORIZED, "Authentification requise",
						"Jeton refusé : " + e.getMessage())));
		}
		http.securityMatcher("/api/**")
			.addFilterBefore(new LoginThrottleFilter(locks, clock), BasicAuthenticationFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(req, res, HttpStatus.UNAUTHORIZED,
					"Authentification requise", "Identifiez-vous (HTTP Basic) avec un compte Entente.")))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(req, res, HttpStatus.UNAUTHORIZED,
						"Authentification requise", "Identifiez-vous (HTTP Basic) avec un compte Entente."))
				.accessDeniedHandler((req, res, ex) -> problem(req, res, HttpStatus.FORBIDDEN, "Accès refusé",
						"Votre rôle ne permet pas cette opération.")))
			.authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, PUBLIC_API_GET)
				.permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SingleSignOn sso, ObjectProvider<ClientRegistrationRepository> registrations,
			SignInLocks locks, java.time.Clock clock) throws Exception {
		ClientRegistrationRepository clients = registrations.getIfAvailable();
		OidcClientInitiatedLogoutSuccessHandler logout = null;
		if (clients != null) {
			// Authorization code with PKCE for every provider, confidential clients included.
			DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(clients,
					"/oauth2/authorization");
			resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
			SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/connexion?error=sso") {
				@Override
				public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
						org.springframework.security.core.AuthenticationException e) throws IOException, jakarta.servlet.ServletException {
					if (e instanceof OAuth2AuthenticationException o) {
						org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class).info("Connexion par {} refusée : {} ({})",
								request.getRequestURI().replaceAll(".*/", ""), o.getError().getErrorCode(), o.getError().getDescription());
					}
					if (e instanceof OAuth2AuthenticationException o && SingleSignOn.UNMAPPED.equals(o.getError().getErrorCode())) {
						String id = request.getRequestURI().replaceAll(".*/", "");
						response.sendRedirect(request.getContextPath() + "/connexion/sans-compte?fournisseur="
								+ java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
						return;
					}
					super.onAuthenticationFailure(request, response, e);
				}
			};
			// Sign-out ends the provider's session too when it offers RP-initiated logout (end_session_endpoint).
			logout = new OidcClientInitiatedLogoutSuccessHandler(clients);
			logout.setPostLogoutRedirectUri("{baseUrl}/connexion?logout");
			logout.setDefaultTargetUrl("/connexion?logout");
			http.oauth2Login(o -> o.loginPage("/connexion")
				.authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
				.userInfoEndpoint(u -> u.oidcUserService(sso.oidcUserService()))
				.failureHandler(refused));
		}
		OidcClientInitiatedLogoutSuccessHandler oidcLogout = logout;
		if (sso.localLoginEnabled()) {
			http.formLogin(f -> f.loginPage("/connexion").defaultSuccessUrl("/", false).permitAll());
		}
		// Before the form and the Basic filters: a held-back attempt never reaches a password check.
		http.addFilterBefore(new LoginThrottleFilter(locks, clock), UsernamePasswordAuthenticationFilter.class);
		// Public pages are read by anyone; only signing in and setting one's password are writes without an account
		// (an anonymous upload of a convention amendment was parsed before being refused).
		http.authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(org.springframework.http.HttpMethod.HEAD, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(PUBLIC_WRITES)
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.logout(l -> {
				l.logoutUrl("/deconnexion");
				if (oidcLogout != null) {
					l.logoutSuccessHandler(oidcLogout);
				}
				else {
					l.logoutSuccessUrl("/connexion?logout");
				}
			})
			// A new session id at sign-in: a session id planted before cannot be used after (session fixation).
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.httpBasic(Customizer.withDefaults())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String title, String detail) throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			// The challenge alone, no charset parameter: FusionInventory reads the realm with /^Basic realm="(.*)"/, whose
			// greedy group would take « Entente", charset="UTF-8 » as the realm and never send its credentials.
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
		}
		ProblemResponses.write(response, status, status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden", title,
				detail, request.getRequestURI());
	}
}
