package org.entente.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The claims mapping is checked at start-up: each fault named with its property. */
class OidcClaimsMappingTests {

	private static OidcSettings.Mapping mapping(String establishmentClaim, OidcSettings.RoleRule... rules) {
		return new OidcSettings.Mapping("sub", "preferred_username", "name", "email", establishmentClaim, List.of(rules), true,
				"Toutatice", null, "uid");
	}

	@Test
	void aRuleThatNamesNoClaimOrNoKnownRoleIsRefused() {
		var settings = new OidcSettings(true, Map.of("outil", mapping(null,
				new OidcSettings.RoleRule("", "secretariat", "CD_AGENT", null),
				new OidcSettings.RoleRule("profil", "x", "CHEF", null),
				new OidcSettings.RoleRule("profil", "x", "SCHOOL_STAFF", null),
				new OidcSettings.RoleRule("profil", "x", "CONTRACTOR", null))), "outil");
		assertThat(OidcClaimsMapping.problems(settings, null)).containsExactly(
				"entente.directory.oidc.outil.roles[0].claim : la règle ne nomme aucune revendication (claim)",
				"entente.directory.oidc.outil.roles[1].role : « CHEF » n'est pas un rôle ; rôles possibles : " + List.of(org.entente.directory.Role.values()),
				"entente.directory.oidc.outil.roles[2] : le rôle SCHOOL_STAFF demande un établissement ; définissez entente.directory.oidc.outil.establishment-claim",
				"entente.directory.oidc.outil.roles[3].party : le rôle CONTRACTOR demande une partie, CD ou ACA");
	}

	@Test
	void aMappingForNoRegistrationIsRefused() {
		var settings = new OidcSettings(true, Map.of("toutatice", mapping("uai", new OidcSettings.RoleRule("profil", "x", "SCHOOL_STAFF", null))),
				"ailleurs");
		assertThat(OidcClaimsMapping.problems(settings, null)).containsExactly(
				"entente.directory.oidc.toutatice : aucune inscription spring.security.oauth2.client.registration.toutatice",
				"entente.directory.bearer-mapping : « ailleurs » ne nomme aucune entrée de entente.directory.oidc");
	}
}
