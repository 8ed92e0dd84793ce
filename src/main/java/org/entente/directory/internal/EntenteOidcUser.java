package org.entente.directory.internal;

import java.util.Map;

import org.entente.directory.Account;
import org.entente.directory.EntenteUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through OpenID Connect: the Entente account the claims map to (so every page sees an
 * {@link EntenteUser}), with the provider's ID token, kept for RP-initiated logout.
 */
class EntenteOidcUser extends EntenteUser implements OidcUser {

	private final OidcIdToken idToken;
	private final OidcUserInfo userInfo;

	EntenteOidcUser(Account account, OidcIdToken idToken, OidcUserInfo userInfo) {
		// No password: this account signs in at its provider (an unmatchable hash for Spring Security).
		super(account, "{bcrypt}!", true);
		this.idToken = idToken;
		this.userInfo = userInfo;
	}

	@Override
	public Map<String, Object> getClaims() {
		return idToken.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return getClaims();
	}

	@Override
	public String getName() {
		return getUsername();
	}

	@Override
	public boolean equals(Object o) {
		return super.equals(o);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}
}
