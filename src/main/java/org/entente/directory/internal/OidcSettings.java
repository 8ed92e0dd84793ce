package org.entente.directory.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings ({@code entente.directory.*}): the local form on or off, and for each OpenID Connect
 * registration of {@code spring.security.oauth2.client.registration.<id>} how its claims map to an account. The
 * API's bearer tokens use the mapping named by {@code bearer-mapping}. Checked at start-up by {@link OidcClaimsMapping}.
 */
@ConfigurationProperties("entente.directory")
record OidcSettings(@DefaultValue("true") boolean localLogin, Map<String, Mapping> oidc, String bearerMapping) {

	OidcSettings {
		oidc = oidc == null ? Map.of() : Map.copyOf(oidc);
	}

	/**
	 * One provider's mapping: which claim is the stable subject and which give username, name, mail,
	 * establishment (UAI) and the person's Toutatice UID (stored on the account, so that privacy's purge finds it); the rules that give a role, first match wins; whether a person with a role gets an
	 * account at first sign-in; the button's label and whom to ask when no rule matches.
	 */
	record Mapping(@DefaultValue("sub") String subjectClaim, @DefaultValue("preferred_username") String usernameClaim,
			@DefaultValue("name") String nameClaim, @DefaultValue("email") String emailClaim, String establishmentClaim,
			List<RoleRule> roles, @DefaultValue("true") boolean provision, String label, String contact,
			@DefaultValue("uid") String uidClaim) {

		Mapping {
			roles = roles == null ? List.of() : List.copyOf(roles);
		}
	}

	/**
	 * A role rule: when {@code claim} holds {@code value} (or contains it, for a list; any value when blank), the
	 * person gets {@code role}, with {@code party} for roles that do not fix their own.
	 */
	record RoleRule(String claim, String value, String role, String party) {
	}
}
