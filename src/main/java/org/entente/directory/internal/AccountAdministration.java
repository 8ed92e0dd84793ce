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
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.directory.Uai;
import org.entente.notification.MailRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration, for the API and the pages alike: create (with a password, or an invitation link by
 * mail), change, disable and enable, reset a password by link, list with filters, and each person's own password.
 * An administrator manages every account; a CD or ACA manager ({@link Role#managedParty()}) those of its party,
 * never an administrator. Every change goes to the audit trail in the same transaction; a fault anywhere writes
 * nothing and names the field.
 */
@Service
class AccountAdministration {

	private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

	static final Set<String> NAMED_PARTIES = Set.of("CD", "ACA");

	static final Set<String> PATCHABLE = Set.of("displayName", "email", "role", "party", "establishment", "enabled",
			"oidcIssuer", "oidcSubject");

	/** What a creation carries; {@code role} as text so that an unknown one is said, not a 500. */
	record AccountRequest(String username, String displayName, String email, String role, String party,
			String establishment, String password) {
	}

	/** List filters; null means any. {@code q} searches username, name and mail. */
	record Filters(String q, Role role, String party, String establishment, Boolean enabled) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Establishments establishments;
	private final PasswordEncoder encoder;
	private final PasswordRules rules;
	private final PasswordLinks links;
	private final AccountAudit audit;
	private final AccountSettings settings;
	private final AccountUserDetailsService userDetails;
	private final AccountSessions sessions;
	private final ApplicationEventPublisher events;

	AccountAdministration(JdbcClient jdbc, Accounts accounts, Establishments establishments, PasswordEncoder encoder,
			PasswordRules rules, PasswordLinks links, AccountAudit audit, AccountSettings settings,
			AccountUserDetailsService userDetails, AccountSessions sessions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.establishments = establishments;
		this.encoder = encoder;
		this.rules = rules;
		this.links = links;
		this.audit = audit;
		this.settings = settings;
		this.userDetails = userDetails;
		this.sessions = sessions;
		this.events = events;
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

	private static void requireAdministrator(EntenteUser actor) {
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
	record Checked(String username, String displayName, String email, Scope scope, List<FieldProblem> problems,
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
		Scope scope = scope(r.role(), r.party(), r.establishment(), problems, actor);
		String displayName = displayName(r.displayName(), problems);
		String email = email(r.email(), r.password() == null, problems);
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

	private Account insert(Checked c, String password, EntenteUser actor, String linkBase) {
		String username = c.username();
		String displayName = c.displayName();
		String email = c.email();
		Scope scope = c.scope();
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
		record(username, by, "CREATED", "displayName", null, displayName);
		record(username, by, "CREATED", "email", null, email);
		record(username, by, "CREATED", "party", null, scope.party());
		record(username, by, "CREATED", "establishment", null, scope.establishment());
		if (r.password() != null) {
			audit.record(username, by, "PASSWORD_SET");
		}
		else {
			sendLink(username, email, displayName, PasswordLinks.Purpose.INVITATION, by, linkBase);
		}
		log.info("Compte {} créé par {} (rôle {})", username, by, scope.role());
		return accounts.find(username).orElseThrow();
	}

	static final List<String> IMPORT_COLUMNS = List.of("username", "displayName", "email", "role");

	static final List<String> IMPORT_OPTIONAL = List.of("party", "uai");

	/** What an import did, or would do ({@code dryRun}); nothing at all when {@code errors} is not empty. */
	record ImportResult(int created, List<org.entente.common.CsvReader.LineError> errors, boolean dryRun, boolean truncated) {

		public boolean ok() {
			return errors.isEmpty();
		}
	}

	/**
	 * CSV import of accounts (username, displayName, email, role, party, uai), all or nothing: every line is checked
	 * as a creation would be, and against the other lines; one fault anywhere and nothing is written. Each new
	 * account is mailed its invitation.
	 */
	@Transactional
	ImportResult importCsv(java.io.Reader reader, EntenteUser actor, boolean dryRun, String linkBase) {
		requireAdministrator(actor);
		var errors = new org.entente.common.CsvReader.Errors();
		var lines = org.entente.common.CsvReader.read(reader, IMPORT_COLUMNS, IMPORT_OPTIONAL, 10_000, errors);
		Map<String, Long> seen = new HashMap<>();
		List<Checked> valid = new ArrayList<>();
		for (var line : lines) {
			AccountRequest r = new AccountRequest(line.get("username"), line.get("displayName"), line.get("email"), line.get("role"),
					line.get("party"), line.get("uai"), null);
			Checked c = check(r, actor);
			c.problems().forEach(p -> errors.add(line.number(), "establishment".equals(p.field()) ? "uai" : p.field(), p.message()));
			if (!c.problems().isEmpty()) {
				continue;
			}
			Long first = seen.putIfAbsent(c.username().toLowerCase(Locale.ROOT), line.number());
			if (first != null) {
				errors.add(line.number(), "username", "identifiant « " + c.username() + " » déjà présent ligne " + first);
			}
			else if (c.duplicate()) {
				errors.add(line.number(), "username", "un compte « " + c.username() + " » existe déjà");
			}
			else if (c.outOfScope()) {
				errors.add(line.number(), "party", "hors de votre périmètre (" + actor.role().managedParty() + ")");
			}
			else {
				valid.add(c);
			}
		}
		if (!errors.isEmpty()) {
			return new ImportResult(0, errors.list(), dryRun, errors.truncated());
		}
		if (!dryRun) {
			valid.forEach(c -> insert(c, null, actor, linkBase));
			log.info("{} compte(s) importé(s) par {}", valid.size(), actor.getUsername());
		}
		return new ImportResult(valid.size(), List.of(), dryRun, false);
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
		String roleText = patch.containsKey("role") ? text(patch.get("role"), "role", problems) : before.role().name();
		String party = patch.containsKey("party") ? text(patch.get("party"), "party", problems) : before.party();
		String establishment = patch.containsKey("establishment") ? text(patch.get("establishment"), "establishment", problems)
				: before.establishment();
		if (patch.containsKey("role") && !patch.containsKey("party")) {
			// A new role with a party of its own takes it; the old one would contradict it.
			Role next = parseRole(roleText);
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
		Scope scope = scope(roleText, party, establishment, problems, actor);
		String displayName = patch.containsKey("displayName") ? displayName(text(patch.get("displayName"), "displayName", problems), problems)
				: before.displayName();
		String email = patch.containsKey("email") ? email(text(patch.get("email"), "email", problems), false, problems) : before.email();
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
		if (before.role() == Role.ADMIN && before.enabled() && (!enabled || scope.role() != Role.ADMIN) && enabledAdministrators() <= 1) {
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
		String by = actor.getUsername();
		record(username, by, "UPDATED", "displayName", before.displayName(), displayName);
		record(username, by, "UPDATED", "email", before.email(), email);
		record(username, by, "UPDATED", "role", before.role().name(), scope.role().name());
		record(username, by, "UPDATED", "party", before.party(), scope.party());
		record(username, by, "UPDATED", "establishment", before.establishment(), scope.establishment());
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
		String issuer = blankToNull(text(patch.get("oidcIssuer"), "oidcIssuer", problems));
		String subject = blankToNull(text(patch.get("oidcSubject"), "oidcSubject", problems));
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
		record(username, actor.getUsername(), issuer == null ? "OIDC_UNLINKED" : "OIDC_LINKED", "oidc", before,
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
		sendLink(username, a.email(), a.displayName(), PasswordLinks.Purpose.RESET, actor.getUsername(), linkBase);
	}

	/** A person's own password, given the current one. */
	@Transactional
	void changeOwnPassword(EntenteUser me, String current, String next) {
		String hash = jdbc.sql("select password_hash from account where username = ?").param(me.getUsername()).query(String.class)
			.optional().orElse(null);
		if (hash == null || current == null || !encoder.matches(current, hash)) {
			throw ProblemException.invalid("current", "mot de passe actuel incorrect");
		}
		String p = rules.problem(next, me.getUsername());
		if (p != null) {
			throw ProblemException.invalid("password", p);
		}
		if (next.equals(current)) {
			throw ProblemException.invalid("password", "le nouveau mot de passe doit différer de l'actuel");
		}
		accounts.changePassword(me.getUsername(), next);
		audit.record(me.getUsername(), me.getUsername(), "PASSWORD_CHANGED");
		userDetails.forget(me.getUsername());
	}

	/** The account a set-password link is for, when still valid. */
	Optional<Account> linkAccount(String token) {
		return links.peek(token).flatMap(accounts::find).filter(Account::enabled);
	}

	/** Sets the password through a link, which is then used up. */
	@Transactional
	Account setPasswordWithLink(String token, String password) {
		Account a = linkAccount(token).orElseThrow(() -> ProblemException.invalid("token",
				"lien invalide, déjà utilisé ou expiré : demandez-en un nouveau à votre gestionnaire de comptes"));
		String p = rules.problem(password, a.username());
		if (p != null) {
			throw ProblemException.invalid("password", p);
		}
		if (links.consume(token).isEmpty()) {
			throw ProblemException.invalid("token", "lien déjà utilisé");
		}
		accounts.changePassword(a.username(), password);
		audit.record(a.username(), a.username(), "PASSWORD_SET");
		userDetails.forget(a.username());
		sessions.endAll(a.username());
		return a;
	}

	/** Creates or promotes the first administrator (see {@link BootstrapAdministrator}); the rules apply. */
	@Transactional
	boolean bootstrap(String username, String password, String email) {
		if (enabledAdministrators() > 0) {
			return false;
		}
		String p = rules.problem(password, username);
		if (p != null) {
			throw new IllegalStateException("ENTENTE_BOOTSTRAP_ADMIN_PASSWORD refusé : " + p);
		}
		if (!username.matches("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}")) {
			throw new IllegalStateException("ENTENTE_BOOTSTRAP_ADMIN « " + username
					+ " » refusé : 2 à 100 caractères, lettres sans accent, chiffres, point, tiret, souligné ou @");
		}
		Instant now = Instant.now();
		Optional<Account> existing = accounts.find(username);
		if (existing.isPresent()) {
			Account before = existing.get();
			jdbc.sql("update account set role = 'ADMIN', party = null, establishment = null, enabled = true, updated_at = ? where username = ?")
				.params(Timestamp.from(now), username)
				.update();
			record(username, "bootstrap", "BOOTSTRAP", "role", before.role().name(), Role.ADMIN.name());
			record(username, "bootstrap", "BOOTSTRAP", "enabled", before.enabled(), true);
		}
		else {
			jdbc.sql("""
					insert into account (username, display_name, email, role, demo, created_at, updated_at)
					values (?, ?, ?, 'ADMIN', false, ?, ?)""")
				.params(username, "Administrateur·ice", blankToNull(email), Timestamp.from(now), Timestamp.from(now))
				.update();
			audit.record(username, "bootstrap", "BOOTSTRAP", "role", null, Role.ADMIN.name());
		}
		accounts.changePassword(username, password);
		audit.record(username, "bootstrap", "PASSWORD_SET");
		userDetails.forget(username);
		return true;
	}

	long enabledAdministrators() {
		return jdbc.sql("select count(*) from account where role = 'ADMIN' and enabled").query(Long.class).single();
	}

	private void sendLink(String username, String email, String displayName, PasswordLinks.Purpose purpose, String by,
			String linkBase) {
		boolean invitation = purpose == PasswordLinks.Purpose.INVITATION;
		String token = links.issue(username, purpose, invitation ? settings.invitationValidity() : settings.resetValidity());
		String base = settings.baseUrl() != null && !settings.baseUrl().isBlank() ? settings.baseUrl() : linkBase;
		String link = (base == null ? "" : base.replaceAll("/+$", "")) + "/mot-de-passe/definir?jeton=" + token;
		long hours = (invitation ? settings.invitationValidity() : settings.resetValidity()).toHours();
		String text = "Bonjour " + displayName + ",\n\n"
				+ (invitation ? "Un compte Entente vient d'être créé pour vous (identifiant : " + username + ").\n"
						: "Une réinitialisation du mot de passe de votre compte Entente (" + username + ") a été demandée.\n")
				+ "Choisissez votre mot de passe en ouvrant ce lien, utilisable une seule fois pendant " + hours + " heures :\n\n"
				+ link + "\n\n"
				+ "Si vous n'attendiez pas ce message, ignorez-le et prévenez votre gestionnaire de comptes.\n";
		events.publishEvent(MailRequested.text(List.of(email),
				invitation ? "Entente : votre compte est créé" : "Entente : réinitialisation de votre mot de passe", text, "ACCOUNT"));
		audit.record(username, by, invitation ? "INVITATION_SENT" : "RESET_SENT", "email", null, email);
	}

	record Scope(Role role, String party, String establishment) {
	}

	/** Role, party and establishment checked together: the role's own party, a known collège for collège staff. */
	private Scope scope(String roleText, String partyText, String establishmentText, List<FieldProblem> problems,
			EntenteUser actor) {
		Role role = parseRole(roleText);
		if (roleText == null || roleText.isBlank()) {
			problems.add(new FieldProblem("role", "rôle obligatoire ; rôles possibles : " + roleNames()));
			return new Scope(Role.CD_AGENT, null, null);
		}
		if (role == null) {
			problems.add(new FieldProblem("role", "rôle « " + roleText + " » inconnu ; rôles possibles : " + roleNames()));
			return new Scope(Role.CD_AGENT, null, null);
		}
		String party = blankToNull(partyText) == null ? null : partyText.strip().toUpperCase(Locale.ROOT);
		if (role == Role.ADMIN) {
			if (party != null) {
				problems.add(new FieldProblem("party", "un administrateur n'appartient à aucune partie"));
			}
		}
		else if (role.fixedParty() != null) {
			if (party != null && !party.equals(role.fixedParty())) {
				problems.add(new FieldProblem("party", "le rôle " + role.name() + " appartient à la partie " + role.fixedParty()
						+ ", pas « " + party + " »"));
			}
			party = role.fixedParty();
		}
		else if (party == null) {
			party = actor.role().managedParty();
			if (party == null) {
				problems.add(new FieldProblem("party", "partie obligatoire pour le rôle " + role.name() + " : CD ou ACA"));
			}
		}
		else if (!NAMED_PARTIES.contains(party)) {
			problems.add(new FieldProblem("party", "partie « " + party + " » inconnue : CD ou ACA"));
		}
		String establishment = blankToNull(establishmentText) == null ? null : establishmentText.strip().toUpperCase(Locale.ROOT);
		// An inventory agent's credential may be bound to one collège: its agents send only that collège's inventory.
		if (role.needsEstablishment() || (role == Role.INVENTORY_AGENT && establishment != null)) {
			if (establishment == null) {
				problems.add(new FieldProblem("establishment", "UAI du collège obligatoire pour le rôle " + role.name()));
			}
			else if (Uai.problem(establishment) != null) {
				problems.add(new FieldProblem("establishment", "UAI « " + establishment + " » invalide : " + Uai.problem(establishment)));
			}
			else {
				Optional<Establishment> e = establishments.find(establishment);
				if (e.isEmpty()) {
					problems.add(new FieldProblem("establishment", "aucun établissement « " + establishment + " » dans l'annuaire"));
				}
				else if (!e.get().kind().coveredByConvention()) {
					problems.add(new FieldProblem("establishment", "« " + e.get().name() + " » est une cité scolaire, hors de la convention"));
				}
			}
		}
		else if (establishment != null) {
			problems.add(new FieldProblem("establishment", "seuls le personnel d'un collège (SCHOOL_STAFF) et un agent d'inventaire (INVENTORY_AGENT) sont rattachés à un établissement"));
			establishment = null;
		}
		return new Scope(role, party, establishment);
	}

	static Role parseRole(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String roleNames() {
		return String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList());
	}

	private static String displayName(String value, List<FieldProblem> problems) {
		String v = blankToNull(value);
		if (v == null) {
			problems.add(new FieldProblem("displayName", "nom affiché obligatoire"));
		}
		else if (v.length() > 200) {
			problems.add(new FieldProblem("displayName", "200 caractères au plus"));
		}
		return v == null ? null : v.strip();
	}

	private static String email(String value, boolean required, List<FieldProblem> problems) {
		String v = blankToNull(value);
		if (v == null) {
			if (required) {
				problems.add(new FieldProblem("email", "adresse obligatoire sans mot de passe : l'invitation y est envoyée"));
			}
			return null;
		}
		v = v.strip();
		if (v.length() > 254 || !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.add(new FieldProblem("email", "adresse « " + v + " » invalide (ex. prenom.nom@ille-et-vilaine.fr)"));
		}
		return v;
	}

	private static String text(Object value, String field, List<FieldProblem> problems) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		problems.add(new FieldProblem(field, "texte attendu"));
		return null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private void record(String username, String by, String action, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			audit.record(username, by, action, field, before, after);
		}
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
		return m;
	}
}
