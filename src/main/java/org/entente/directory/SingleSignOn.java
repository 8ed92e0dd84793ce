package org.entente.directory;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Single sign-on with OpenID Connect, for the web shell's security: the providers shown on the login page, whether
 * the local form stays, the service that turns a provider's claims into an Entente account (configured per
 * provider under {@code entente.directory.oidc.<registrationId>}), and the same mapping for the API's bearer tokens.
 */
public interface SingleSignOn {

	/** A provider's button on the login page. */
	record Provider(String registrationId, String label) {
	}

	List<Provider> providers();

	/** False when an administrator turned the local sign-in form off ({@code entente.directory.local-login}). */
	boolean localLoginEnabled();

	OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService();

	/** A bearer token of the configured issuer as an Entente account (principal {@link EntenteUser}). */
	Converter<Jwt, AbstractAuthenticationToken> jwtConverter();

	/** The OAuth2 error code of a person whom no rule gives a role: the login page explains whom to ask. */
	String UNMAPPED = "entente_unmapped";
}
