package org.entente.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entente.common.ProblemException;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.notification.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords and the first administrator: a person's own change, the one-use links that set a password (invitation,
 * reset) and the mail that carries them, and the bootstrap administrator. The rules of {@link PasswordRules} apply
 * everywhere; a password set ends the person's other sessions.
 */
@Service
class AccountCredentials {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final PasswordEncoder encoder;
	private final PasswordRules rules;
	private final PasswordLinks links;
	private final AccountAudit audit;
	private final AccountSettings settings;
	private final AccountUserDetailsService userDetails;
	private final AccountSessions sessions;
	private final ApplicationEventPublisher events;

	AccountCredentials(JdbcClient jdbc, Accounts accounts, PasswordEncoder encoder, PasswordRules rules,
			PasswordLinks links, AccountAudit audit, AccountSettings settings, AccountUserDetailsService userDetails,
			AccountSessions sessions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.encoder = encoder;
		this.rules = rules;
		this.links = links;
		this.audit = audit;
		this.settings = settings;
		this.userDetails = userDetails;
		this.sessions = sessions;
		this.events = events;
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
			audit.recordIfChanged(username, "bootstrap", "BOOTSTRAP", "role", before.role().name(), Role.ADMIN.name());
			audit.recordIfChanged(username, "bootstrap", "BOOTSTRAP", "enabled", before.enabled(), true);
		}
		else {
			jdbc.sql("""
					insert into account (username, display_name, email, role, demo, created_at, updated_at)
					values (?, ?, ?, 'ADMIN', false, ?, ?)""")
				.params(username, "Administrateur·ice", AccountFields.blankToNull(email), Timestamp.from(now), Timestamp.from(now))
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

	/** Issues a one-use link to set a password and mails it (an invitation for a new account, or a reset). */
	void sendLink(String username, String email, String displayName, PasswordLinks.Purpose purpose, String by,
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

}
