package org.entente.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.directory.SingleSignOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * From a provider's claims to an Entente account, as configuration says ({@link OidcSettings}): the account linked
 * to (issuer, subject), refreshed from the claims at each sign-in (name, mail, and role, party and establishment
 * when a rule gives a role); or, at a first sign-in with a role, a new account (just-in-time provisioning); or a
 * refusal that the login page explains. The configuration is checked when the application starts: a rule that names
 * no claim, an unknown role, a mapping for no registration stop the start-up with the reason.
 */
@Component
class OidcClaimsMapping {

	private static final Logger log = LoggerFactory.getLogger(OidcClaimsMapping.class);

	private final OidcSettings settings;
	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Establishments establishments;
	private final AccountAudit audit;
	private final AccountUserDetailsService userDetails;

	OidcClaimsMapping(OidcSettings settings, JdbcClient jdbc, Accounts accounts, Establishments establishments,
			AccountAudit audit, AccountUserDetailsService userDetails,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.establishments = establishments;
		this.audit = audit;
		this.userDetails = userDetails;
		List<String> problems = problems(settings, registrations.getIfAvailable());
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Configuration de l'authentification unique invalide (entente.directory.oidc) :\n  - "
					+ String.join("\n  - ", problems));
		}
	}

	/** What is wrong with the mappings, in French, one sentence per fault naming the property. */
	static List<String> problems(OidcSettings settings, ClientRegistrationRepository registrations) {
		List<String> problems = new ArrayList<>();
		settings.oidc().forEach((id, m) -> {
			String at = "entente.directory.oidc." + id;
			if (!id.equals(settings.bearerMapping()) && (registrations == null || registrations.findByRegistrationId(id) == null)) {
				problems.add(at + " : aucune inscription spring.security.oauth2.client.registration." + id);
			}
			if (blank(m.subjectClaim())) {
				problems.add(at + ".subject-claim : vide ; nommez la revendication (claim) stable de la personne, p. ex. sub");
			}
			for (int i = 0; i < m.roles().size(); i++) {
				OidcSettings.RoleRule r = m.roles().get(i);
				String rule = at + ".roles[" + i + "]";
				if (blank(r.claim())) {
					problems.add(rule + ".claim : la règle ne nomme aucune revendication (claim)");
				}
				Role role = role(r.role());
				if (role == null) {
					problems.add(rule + ".role : « " + r.role() + " » n'est pas un rôle ; rôles possibles : " + List.of(Role.values()));
				}
				else if (role.needsEstablishment() && blank(m.establishmentClaim())) {
					problems.add(rule + " : le rôle " + role + " demande un établissement ; définissez " + at + ".establishment-claim");
				}
				else if (role != Role.ADMIN && role.fixedParty() == null
						&& (r.party() == null || !AccountAdministration.NAMED_PARTIES.contains(r.party()))) {
					problems.add(rule + ".party : le rôle " + role + " demande une partie, CD ou ACA");
				}
			}
		});
		if (!blank(settings.bearerMapping()) && !settings.oidc().containsKey(settings.bearerMapping())) {
			problems.add("entente.directory.bearer-mapping : « " + settings.bearerMapping() + " » ne nomme aucune entrée de entente.directory.oidc");
		}
		return problems;
	}

	Optional<OidcSettings.Mapping> mapping(String registrationId) {
		return Optional.ofNullable(settings.oidc().get(registrationId));
	}

	/** The account these claims are, created or refreshed; an {@link OAuth2AuthenticationException} when none. */
	@Transactional
	Account signIn(String registrationId, String issuer, Map<String, Object> claims) {
		OidcSettings.Mapping m = mapping(registrationId).orElseThrow(() -> refuse(SingleSignOn.UNMAPPED,
				"Aucune correspondance configurée pour « " + registrationId + " »"));
		String subject = string(claims.get(m.subjectClaim()));
		if (subject == null) {
			throw refuse(SingleSignOn.UNMAPPED, "revendication " + m.subjectClaim() + " absente");
		}
		Granted granted = granted(m, claims);
		String name = Optional.ofNullable(string(claims.get(m.nameClaim()))).orElse(subject);
		String email = string(claims.get(m.emailClaim()));
		String personUid = personUid(m, claims);
		String by = "oidc:" + registrationId;
		Optional<Account> linked = jdbc.sql("select username from account where oidc_issuer = ? and oidc_subject = ?")
			.params(issuer, subject)
			.query(String.class)
			.optional()
			.flatMap(accounts::find);
		if (linked.isPresent()) {
			Account before = linked.get();
			if (!before.enabled()) {
				throw refuse("entente_disabled", "compte " + before.username() + " désactivé");
			}
			Role role = granted == null ? before.role() : granted.role();
			String party = granted == null ? before.party() : granted.party();
			String establishment = granted == null ? before.establishment() : granted.establishment();
			String mail = email == null ? before.email() : email;
			if (personUid != null) {
				jdbc.sql("update account set person_uid = ? where username = ? and (person_uid is null or person_uid <> ?)")
					.params(personUid, before.username(), personUid).update();
			}
			if (!Objects.equals(name, before.displayName()) || !Objects.equals(mail, before.email()) || role != before.role()
					|| !Objects.equals(party, before.party()) || !Objects.equals(establishment, before.establishment())) {
				jdbc.sql("update account set display_name = ?, email = ?, role = ?, party = ?, establishment = ?, updated_at = ? where username = ?")
					.params(name, mail, role.name(), party, establishment, Timestamp.from(Instant.now()), before.username())
					.update();
				change(before.username(), by, "displayName", before.displayName(), name);
				change(before.username(), by, "email", before.email(), mail);
				change(before.username(), by, "role", before.role().name(), role.name());
				change(before.username(), by, "party", before.party(), party);
				change(before.username(), by, "establishment", before.establishment(), establishment);
				userDetails.forget(before.username());
			}
			return accounts.find(before.username()).orElseThrow();
		}
		if (granted == null || !m.provision()) {
			log.info("Connexion {} refusée : aucune règle ne donne de rôle à {}", registrationId, subject);
			throw refuse(SingleSignOn.UNMAPPED, "aucune règle ne donne de rôle");
		}
		String username = username(registrationId, string(claims.get(m.usernameClaim())), subject);
		Instant now = Instant.now();
		jdbc.sql("""
				insert into account (username, display_name, email, role, party, establishment, demo, created_at, updated_at, oidc_issuer,
				  oidc_subject, person_uid)
				values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?)""")
			.params(username, name, email, granted.role().name(), granted.party(), granted.establishment(), Timestamp.from(now),
					Timestamp.from(now), issuer, subject, personUid)
			.update();
		audit.record(username, by, "OIDC_PROVISIONED", "role", null, granted.role().name());
		change(username, by, "establishment", null, granted.establishment());
		log.info("Compte {} créé à la première connexion par {} (rôle {})", username, registrationId, granted.role());
		return accounts.find(username).orElseThrow();
	}

	/** The person's Toutatice UID from the mapping's uid claim, as the académie's identity export spells it. */
	private static String personUid(OidcSettings.Mapping m, Map<String, Object> claims) {
		String uid = blank(m.uidClaim()) ? null : string(claims.get(m.uidClaim()));
		return uid == null || uid.strip().length() > 100 ? null : uid.strip();
	}

	private record Granted(Role role, String party, String establishment) {
	}

	/** The first rule that matches, with the establishment its role needs; null when none gives a role. */
	private Granted granted(OidcSettings.Mapping m, Map<String, Object> claims) {
		for (OidcSettings.RoleRule rule : m.roles()) {
			if (!matches(claims.get(rule.claim()), rule.value())) {
				continue;
			}
			Role role = role(rule.role());
			String party = role == Role.ADMIN ? null : role.fixedParty() != null ? role.fixedParty() : rule.party();
			String establishment = null;
			if (role.needsEstablishment()) {
				String uai = string(claims.get(m.establishmentClaim()));
				Optional<Establishment> e = uai == null ? Optional.empty() : establishments.find(uai.strip().toUpperCase(Locale.ROOT));
				if (e.isEmpty() || !e.get().kind().coveredByConvention()) {
					log.info("Règle {} : établissement « {} » absent de l'annuaire ou hors convention", rule, uai);
					continue;
				}
				establishment = e.get().uai().value();
			}
			return new Granted(role, party, establishment);
		}
		return null;
	}

	private static boolean matches(Object claim, String value) {
		if (claim == null) {
			return false;
		}
		if (claim instanceof Collection<?> list) {
			return blank(value) ? !list.isEmpty() : list.stream().anyMatch(v -> String.valueOf(v).equalsIgnoreCase(value.strip()));
		}
		String s = String.valueOf(claim);
		return blank(value) ? !s.isBlank() : s.equalsIgnoreCase(value.strip());
	}

	private String username(String registrationId, String preferred, String subject) {
		String candidate = preferred == null ? null : preferred.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-");
		if (candidate != null && candidate.matches("[a-z0-9][a-z0-9._@-]{1,99}") && accounts.find(candidate).isEmpty()) {
			return candidate;
		}
		String fallback = (registrationId + "-" + subject).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-");
		return fallback.length() > 100 ? fallback.substring(0, 100) : fallback;
	}

	private void change(String username, String by, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			audit.record(username, by, before == null && "establishment".equals(field) ? "OIDC_PROVISIONED" : "OIDC_REFRESHED",
					field, before, after);
		}
	}

	private static OAuth2AuthenticationException refuse(String code, String why) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
	}

	static String string(Object claim) {
		if (claim == null) {
			return null;
		}
		if (claim instanceof Collection<?> list) {
			return list.isEmpty() ? null : String.valueOf(list.iterator().next());
		}
		String s = String.valueOf(claim);
		return s.isBlank() ? null : s;
	}

	private static Role role(String text) {
		return AccountFields.parseRole(text);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
