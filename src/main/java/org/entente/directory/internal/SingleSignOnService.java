package org.entente.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entente.directory.Account;
import org.entente.directory.EntenteUser;
import org.entente.directory.SingleSignOn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;

/** {@link SingleSignOn} on Spring Security's OAuth2 client and resource server, with {@link OidcClaimsMapping}. */
@Service
class SingleSignOnService implements SingleSignOn {

	private final OidcSettings settings;
	private final OidcClaimsMapping mapping;
	private final ObjectProvider<ClientRegistrationRepository> registrations;
	private final OidcUserService delegate = new OidcUserService();

	SingleSignOnService(OidcSettings settings, OidcClaimsMapping mapping, ObjectProvider<ClientRegistrationRepository> registrations) {
		this.settings = settings;
		this.mapping = mapping;
		this.registrations = registrations;
	}

	@Override
	public List<Provider> providers() {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		List<Provider> providers = new ArrayList<>();
		if (repository instanceof Iterable<?> all) {
			for (Object o : all) {
				ClientRegistration r = (ClientRegistration) o;
				String label = mapping.mapping(r.getRegistrationId()).map(OidcSettings.Mapping::label).filter(l -> !l.isBlank())
					.orElse(r.getClientName());
				providers.add(new Provider(r.getRegistrationId(), label));
			}
		}
		return providers;
	}

	/** Whom a person refused by the mapping of this provider should ask. */
	String contact(String registrationId) {
		return mapping.mapping(registrationId).map(OidcSettings.Mapping::contact).filter(c -> !c.isBlank()).orElse(null);
	}

	@Override
	public boolean localLoginEnabled() {
		return settings.localLogin();
	}

	@Override
	public OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
		return request -> {
			// The ID token is verified (signature, issuer, audience, expiry, nonce) before this is called.
			OidcUser user = delegate.loadUser(request);
			String registrationId = request.getClientRegistration().getRegistrationId();
			Account account = mapping.signIn(registrationId, user.getIdToken().getIssuer().toString(), user.getClaims());
			return new EntenteOidcUser(account, user.getIdToken(), user.getUserInfo());
		};
	}

	@Override
	public Converter<Jwt, AbstractAuthenticationToken> jwtConverter() {
		return jwt -> {
			String registrationId = settings.bearerMapping();
			if (registrationId == null || registrationId.isBlank()) {
				throw new InvalidBearerTokenException("Aucune correspondance configurée pour les jetons (entente.directory.bearer-mapping)");
			}
			Map<String, Object> claims = jwt.getClaims();
			Account account;
			try {
				account = mapping.signIn(registrationId, String.valueOf(jwt.getIssuer()), claims);
			}
			catch (OAuth2AuthenticationException e) {
				throw new InvalidBearerTokenException("Jeton sans compte Entente : " + e.getError().getDescription());
			}
			EntenteUser user = new EntenteUser(account, "{bcrypt}!", true);
			return new UsernamePasswordAuthenticationToken(user, jwt, user.getAuthorities());
		};
	}

	static OAuth2Error error(String code) {
		return new OAuth2Error(code);
	}
}
