package org.entente.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.entente.common.FieldProblem;
import org.entente.common.PageSlice;
import org.entente.common.ProblemException;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration, for the API and the pages alike: create (with a password, or an invitation link by
 * mail), change, disable and enable, link to a single sign-on identity, reset a password by link, list with filters.
 * An administrator manages every account; a CD or ACA manager ({@link Role#managedParty()}) those of its party,
 * never an administrator. Every change goes to the audit trail in the same transaction; a fault anywhere writes
 * nothing and names the field. Field checks are {@link AccountFields}, passwords and the first administrator
 * {@link AccountCredentials}, the CSV import {@link AccountImport}. What stays here (about 450 lines, with the head of
 * establishment's designation in {@code update}) is each operation with the scope rule it must obey; kept together so
 * that no operation can skip the rule.
 */
@Service
class AccountAdministration {

	private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

	static final Set<String> NAMED_PARTIES = Set.of("CD", "ACA");

	static final Set<String> PATCHABLE = Set.of("displayName", "email", "role", "party", "establishment", "enabled",
			"oidcIssuer", "oidcSubject", "headOfEstablishment", "headFunction");

	/** What a creation carries; {@code role} as text so that an unknown one is said, not a 500. */
	record AccountRequest(String username, String displayName, String email, String role, String party,
			String establishment, String password) {
	}

	/** List filters; null means any. {@code q} searches username, name and mail. */
	record Filters(String q, Role role, String party, String establishment, Boolean enabled) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final AccountFields fields;
	private final PasswordEncoder encoder;
	private final PasswordRules rules;
	private final AccountAudit audit;
	private final AccountUserDetailsService userDetails;
	private final AccountSessions sessions;
	private final AccountCredentials credentials;

	AccountAdministration(JdbcClient jdbc, Accounts accounts, PasswordEncoder encoder, PasswordRules rules,
			AccountAudit audit, AccountUserDetailsService userDetails, AccountSessions sessions, AccountCredentials credentials,
			AccountFields fields) {
		this.fields = fields;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.encoder = encoder;
		this.rules = rules;
		this.audit = audit;
		this.userDetails = userDetails;
		this.sessions = sessions;
		this.credentials = credentials;
	}

	/** Whether this person may open the account administration at all. */
	static boolean mayAdminister(EntenteUser actor) {
		return actor != null && (actor.role() == Role.ADMIN || actor.role().managedParty() != null);
	}

	/** Whether {@code actor} manages an account with this role and party. */
	static boolean manages(EntenteUser actor, Role role, String party) {
		if (actor.role() == Role.ADMIN) {
			return true;
		}
		String managed = actor.role().managedParty();
		return managed != null && role != Role.ADMIN && managed.equals(party);
	}

	/** The roles {@code actor} may give. */
	static List<Role> assignableRoles(EntenteUser actor) {
		return Arrays.stream(Role.values())
			.filter(r -> actor.role() == Role.ADMIN
					|| (r != Role.ADMIN && (r.fixedParty() == null || r.fixedParty().equals(actor.role().managedParty()))
							&& actor.role().managedParty() != null))
			.toList();
	}

	static void requireAdministrator(EntenteUser actor) {
		if (!mayAdminister(actor)) {
			throw ProblemException.forbidden("Seuls l'administration et les gestionnaires de comptes gèrent les comptes.");
		}
	}

	/** The account, or 404 when it does not exist or is outside the actor's scope. */
	Account get(String username, EntenteUser actor) {
		requireAdministrator(actor);
		return accounts.find(username)
			.filter(a -> manages(actor, a.role(), a.party()))
			.orElseThrow(() -> ProblemException.notFound("Compte introuvable", "Aucun compte « " + username + " » dans votre périmètre."));
	}

	Optional<String> oidcIdentity(String username) {
		return jdbc.sql("select oidc_issuer, oidc_subject from account where username = ? and oidc_subject is not null")
			.param(username)
			.query((rs, i) -> rs.getString("oidc_issuer") + " · " + rs.getString("oidc_subject"))
			.optional();
	}

	PageSlice<Account> list(Filters f, int page, int size, EntenteUser actor) {
		requireAdministrator(actor);
		PageSlice.check(page, size, 200);
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (actor.role() != Role.ADMIN) {
			where.add("party = :scope and role <> 'ADMIN'");
			params.put("scope", actor.role().managedParty());
		}
		if (f.q() != null && !f.q().isBlank()) {
			where.add("(lower(username) like :q or lower(display_name) like :q or lower(email) like :q)");
			params.put("q", "%" + f.q().strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (f.role() != null) {
			where.add("role = :role");
			params.put("role", f.role().name());
		}
		if (f.party() != null && !f.party().isBlank()) {
			where.add("party = :party");
			params.put("party", f.party().strip().toUpperCase(Locale.ROOT));
		}
		if (f.establishment() != null && !f.establishment().isBlank()) {
			where.add("establishment = :establishment");
			params.put("establishment", f.establishment().strip().toUpperCase(Locale.ROOT));
		}
		if (f.enabled() != null) {
			where.add(f.enabled() ? "enabled" : "not enabled");
		}
		String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		long total = jdbc.sql("select count(*) from account" + clause).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", page * size);
		List<Account> items = accounts.findAll(jdbc.sql("select username from account" + clause
				+ " order by username limit :limit offset :offset").params(params).query(String.class).list());
		return PageSlice.counted(items, page, size, total, Long.MAX_VALUE);
	}

	List<AccountAudit.Change> history(String username, EntenteUser actor) {
		get(username, actor);
		return audit.of(username);
	}

	/**
	 * A new account. With a password (checked against the rules), it can sign in at once; without, an invitation
	 * link is mailed to its address. {@code linkBase} starts the link when {@code entente.accounts.base-url} is blank.
	 */
	@Transactional
	Account create(AccountRequest r, EntenteUser actor, String linkBase) {
		requireAdministrator(actor);
		Checked c = check(r, actor);
		if (!c.problems().isEmpty()) {
			throw ProblemException.invalid(c.problems());
		}
		if (c.duplicate()) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Identifiant déjà pris",
					"Un compte « " + c.username() + " » existe déjà.", null,
					List.of(new FieldProblem("username", "identifiant déjà pris")), Map.of());
		}
		if (c.outOfScope()) {
			throw outOfScope(actor);
		}
		return insert(c, r.password(), actor, linkBase);
	}

	/** A creation request checked without writing anything: its faults, a duplicate, the actor's scope. */
	record Checked(String username, String displayName, String email, AccountFields.Scope scope, List<FieldProblem> problems,
			boolean duplicate, boolean outOfScope) {
	}

	Checked check(AccountRequest r, EntenteUser actor) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = r.username() == null ? null : r.username().strip();
		if (username == null || username.isEmpty()) {
			problems.add(new FieldProblem("username", "identifiant obligatoire"));
		}
		else if (!username.matches("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}")) {
			problems.add(new FieldProblem("username",
					"identifiant de 2 à 100 caractères : lettres sans accent, chiffres, point, tiret, souligné ou @"));
		}
		AccountFields.Scope scope = fields.scope(r.role(), r.party(), r.establishment(), problems, actor);
		String displayName = AccountFields.displayName(r.displayName(), problems);
		String email = AccountFields.email(r.email(), r.password() == null, problems);
		if (r.password() != null) {
			String p = rules.problem(r.password(), username);
			if (p != null) {
				problems.add(new FieldProblem("password", p));
			}
		}
		boolean duplicate = problems.isEmpty() && accounts.find(username).isPresent();
		boolean outOfScope = problems.isEmpty() && !manages(actor, scope.role(), scope.party());
		return new Checked(username, displayName, email, scope, problems, duplicate, outOfScope);
	}

	Account insert(Checked c, String password, EntenteUser actor, String linkBase) {
		String username = c.username();
		String displayName = c.displayName();
		String email = c.email();
		AccountFields.Scope scope = c.scope();
		AccountRequest r = new AccountRequest(username, displayName, email, scope.role().name(), scope.party(),
				scope.establishment(), password);
		Instant now = Instant.now();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, email, role, party, establishment, demo, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, false, ?, ?)""")
			.params(username, r.password() == null ? null : encoder.encode(r.password()), displayName, email,
					scope.role().name(), scope.party(), scope.establishment(), Timestamp.from(now), Timestamp.from(now))
			.update();
		String by = actor.getUsername();
		audit.record(username, by, "CREATED", "role", null, scope.role().name());
		audit.recordIfChanged(username, by, "CREATED", "displayName", null, displayName);
		audit.recordIfChanged(username, by, "CREATED", "email", null, email);
		audit.recordIfChanged(username, by, "CREATED", "party", null, scope.party());
		audit.recordIfChanged(username, by, "CREATED", "establishment", null, scope.establishment());
		if (r.password() != null) {
			audit.record(username, by, "PASSWORD_SET");
		}
		else {
			credentials.sendLink(username, email, displayName, PasswordLinks.Purpose.INVITATION, by, linkBase);
		}
		log.info("Compte {} créé par {} (rôle {})", username, by, scope.role());
		return accounts.find(username).orElseThrow();
	}

	/**
	 * Changes the named fields (a JSON merge patch: an absent field is kept; {@code party} or {@code establishment}
	 * null removes it). Disabling ends the person's open sessions.
	 */
	@Transactional
	Account update(String username, Map<String, Object> patch, EntenteUser actor) {
		Account before = get(username, actor);
		List<FieldProblem> problems = new ArrayList<>();
		for (String key : patch.keySet()) {
			if (!PATCHABLE.contains(key)) {
				problems.add(new FieldProblem(key, "champ inconnu ou non modifiable ; champs possibles : " + PATCHABLE.stream().sorted().toList()
						+ (key.equals("password") ? " (le mot de passe se réinitialise par lien : POST …/password-reset)" : "")));
			}
		}
		String roleText = patch.containsKey("role") ? AccountFields.text(patch.get("role"), "role", problems) : before.role().name();
		String party = patch.containsKey("party") ? AccountFields.text(patch.get("party"), "party", problems) : before.party();
		String establishment = patch.containsKey("establishment") ? AccountFields.text(patch.get("establishment"), "establishment", problems)
				: before.establishment();
		if (patch.containsKey("role") && !patch.containsKey("party")) {
			// A new role with a party of its own takes it; the old one would contradict it.
			Role next = AccountFields.parseRole(roleText);
			if (next != null && next.fixedParty() != null) {
				party = next.fixedParty();
			}
			if (next == Role.ADMIN) {
				party = null;
			}
			if (next != null && !next.needsEstablishment() && !patch.containsKey("establishment")) {
				establishment = null;
			}
		}
		AccountFields.Scope scope = fields.scope(roleText, party, establishment, problems, actor);
		String displayName = patch.containsKey("displayName") ? AccountFields.displayName(AccountFields.text(patch.get("displayName"), "displayName", problems), problems)
				: before.displayName();
		String email = patch.containsKey("email") ? AccountFields.email(AccountFields.text(patch.get("email"), "email", problems), false, problems) : before.email();
		Boolean enabled = before.enabled();
		if (patch.containsKey("enabled")) {
			Object e = patch.get("enabled");
			if (e instanceof Boolean b) {
				enabled = b;
			}
			else {
				problems.add(new FieldProblem("enabled", "true ou false attendu"));
			}
		}
		Head head = head(before, patch, scope, actor, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		if (!manages(actor, scope.role(), scope.party())) {
			throw outOfScope(actor);
		}
		if (actor.getUsername().equals(username) && (!enabled || scope.role() != before.role())) {
			throw ProblemException.invalid(enabled ? "role" : "enabled",
					"vous ne pouvez ni désactiver votre propre compte ni changer votre propre rôle");
		}
		if (before.role() == Role.ADMIN && before.enabled() && (!enabled || scope.role() != Role.ADMIN) && credentials.enabledAdministrators() <= 1) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Dernier administrateur",
					"C'est le dernier administrateur actif : nommez-en un autre d'abord.", null,
					List.of(new FieldProblem(enabled ? "role" : "enabled", "dernier administrateur actif")), Map.of());
		}
		if (patch.containsKey("oidcIssuer") || patch.containsKey("oidcSubject")) {
			link(username, patch, actor);
		}
		jdbc.sql("""
				update account set display_name = ?, email = ?, role = ?, party = ?, establishment = ?, enabled = ?, updated_at = ?
				where username = ?""")
			.params(displayName, email, scope.role().name(), scope.party(), scope.establishment(), enabled,
					Timestamp.from(Instant.now()), username)
			.update();
		accounts.designateHead(username, head.head(), head.function());
		String by = actor.getUsername();
		audit.recordIfChanged(username, by, "UPDATED", "headOfEstablishment", before.headOfEstablishment(), head.head());
		audit.recordIfChanged(username, by, "UPDATED", "headFunction", before.headFunction(), head.head() ? head.function() : null);
		audit.recordIfChanged(username, by, "UPDATED", "displayName", before.displayName(), displayName);
		audit.recordIfChanged(username, by, "UPDATED", "email", before.email(), email);
		audit.recordIfChanged(username, by, "UPDATED", "role", before.role().name(), scope.role().name());
		audit.recordIfChanged(username, by, "UPDATED", "party", before.party(), scope.party());
		audit.recordIfChanged(username, by, "UPDATED", "establishment", before.establishment(), scope.establishment());
		if (before.enabled() != enabled) {
			audit.record(username, by, enabled ? "ENABLED" : "DISABLED", "enabled", before.enabled(), enabled);
		}
		userDetails.forget(username);
		if (!enabled || scope.role() != before.role() || !Objects.equals(scope.party(), before.party())
				|| !Objects.equals(scope.establishment(), before.establishment())) {
			// Sessions hold the role and scope they were opened with: they end, and the person signs in again.
			sessions.endAll(username);
		}
		return accounts.find(username).orElseThrow();
	}

	record Head(boolean head, String function) {
	}

	/**
	 * Head of establishment (« chef·fe d'établissement ») and function, from the patch or as before: a collège account
	 * only (a role or establishment change that leaves the collège drops it), set or changed by an administrator only.
	 */
	private static Head head(Account before, Map<String, Object> patch, AccountFields.Scope scope, EntenteUser actor,
			List<FieldProblem> problems) {
		boolean head = before.headOfEstablishment();
		if (patch.containsKey("headOfEstablishment")) {
			if (patch.get("headOfEstablishment") instanceof Boolean b) {
				head = b;
			}
			else {
				problems.add(new FieldProblem("headOfEstablishment", "true ou false attendu"));
			}
		}
		String function = patch.containsKey("headFunction")
				? AccountFields.blankToNull(AccountFields.text(patch.get("headFunction"), "headFunction", problems)) : before.headFunction();
		if (function != null && function.length() > 100) {
			problems.add(new FieldProblem("headFunction", "100 caractères au plus"));
		}
		boolean asked = Boolean.TRUE.equals(patch.get("headOfEstablishment"));
		if (head && (scope.role() != Role.SCHOOL_STAFF || scope.establishment() == null)) {
			if (asked) {
				problems.add(new FieldProblem("headOfEstablishment", "seul un compte du personnel d'un collège est chef·fe de son établissement"));
			}
			head = false;
		}
		else if (head && !asked && !Objects.equals(scope.establishment(), before.establishment())) {
			head = false; // moved to another collège: no longer the head of either
		}
		boolean changed = head != before.headOfEstablishment() || (head && !Objects.equals(function, before.headFunction()));
		// Only an explicit designation is the administrator's: the flag dropped by a move or a change of role is not.
		boolean designating = patch.containsKey("headOfEstablishment") || patch.containsKey("headFunction");
		if (changed && designating && actor.role() != Role.ADMIN) {
			problems.add(new FieldProblem("headOfEstablishment", "seul·e un·e administrateur·ice désigne le·la chef·fe d'établissement"));
		}
		return new Head(head, function);
	}

	/**
	 * Links the account to an OpenID Connect identity (issuer and subject), or unlinks it (both null): the person then
	 * signs in at the provider into this account. Administrators only.
	 */
	private void link(String username, Map<String, Object> patch, EntenteUser actor) {
		if (actor.role() != Role.ADMIN) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Action non permise",
					"Seul un administrateur lie un compte à une identité d'authentification unique.", null,
					List.of(new FieldProblem("oidcSubject", "réservé aux administrateurs")), Map.of());
		}
		List<FieldProblem> problems = new ArrayList<>();
		String issuer = AccountFields.blankToNull(AccountFields.text(patch.get("oidcIssuer"), "oidcIssuer", problems));
		String subject = AccountFields.blankToNull(AccountFields.text(patch.get("oidcSubject"), "oidcSubject", problems));
		if ((issuer == null) != (subject == null)) {
			problems.add(new FieldProblem(issuer == null ? "oidcIssuer" : "oidcSubject",
					"l'émetteur (oidcIssuer) et le sujet (oidcSubject) vont ensemble ; null pour les deux délie le compte"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Optional<String> other = issuer == null ? Optional.empty()
				: jdbc.sql("select username from account where oidc_issuer = ? and oidc_subject = ? and username <> ?")
					.params(issuer, subject, username).query(String.class).optional();
		if (other.isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Identité déjà liée",
					"Cette identité est déjà liée au compte « " + other.get() + " ».", null,
					List.of(new FieldProblem("oidcSubject", "déjà liée à " + other.get())), Map.of());
		}
		String before = oidcIdentity(username).orElse(null);
		jdbc.sql("update account set oidc_issuer = ?, oidc_subject = ? where username = ?").params(issuer, subject, username).update();
		audit.recordIfChanged(username, actor.getUsername(), issuer == null ? "OIDC_UNLINKED" : "OIDC_LINKED", "oidc", before,
				issuer == null ? null : issuer + " · " + subject);
	}

	/** Mails a reset link to the account's address. */
	@Transactional
	void sendReset(String username, EntenteUser actor, String linkBase) {
		Account a = get(username, actor);
		if (a.email() == null || a.email().isBlank()) {
			throw ProblemException.invalid("email", "ce compte n'a pas d'adresse électronique : renseignez-la d'abord");
		}
		if (!a.enabled()) {
			throw ProblemException.invalid("enabled", "compte désactivé : réactivez-le d'abord");
		}
		credentials.sendLink(username, a.email(), a.displayName(), PasswordLinks.Purpose.RESET, actor.getUsername(), linkBase);
	}

	private static ProblemException outOfScope(EntenteUser actor) {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Action non permise",
				"Vous gérez les comptes de la partie " + actor.role().managedParty() + " uniquement, et jamais un administrateur.",
				null, List.of(new FieldProblem("party", "hors de votre périmètre (" + actor.role().managedParty() + ")")), Map.of());
	}

	static Map<String, Object> orderedView(Account a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("username", a.username());
		m.put("displayName", a.displayName());
		m.put("email", a.email());
		m.put("role", a.role().name());
		m.put("roleLabel", a.role().label());
		m.put("party", a.party());
		m.put("establishment", a.establishment());
		m.put("enabled", a.enabled());
		m.put("demo", a.demo());
		m.put("headOfEstablishment", a.headOfEstablishment());
		m.put("headFunction", a.headFunction());
		return m;
	}
}
