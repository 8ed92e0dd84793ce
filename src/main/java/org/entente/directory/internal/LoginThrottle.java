package org.entente.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.entente.directory.DirectoryProperties;
import org.entente.directory.EntenteUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated wrong passwords, so that guessing is slow. Kept in the database so
 * that every instance behind the load balancer sees the same count.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;
	private final DirectoryProperties.Security settings;
	private final AccountUserDetailsService userDetails;

	LoginThrottle(JdbcClient jdbc, DirectoryProperties properties, AccountUserDetailsService userDetails) {
		this.jdbc = jdbc;
		this.userDetails = userDetails;
		this.settings = properties.security();
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		userDetails.forget(username);
		jdbc.sql("update account set failed_logins = failed_logins + 1 where username = ?").param(username).update();
		Timestamp until = Timestamp.from(Instant.now().plus(settings.lockout()));
		int locked = jdbc.sql("update account set locked_until = ?, failed_logins = 0 where username = ? and failed_logins >= ?")
			.params(until, username, settings.maxFailedLogins())
			.update();
		if (locked > 0) {
			log.warn("Compte {} verrouillé jusqu'à {} après {} échecs de connexion", username, until.toInstant(),
					settings.maxFailedLogins());
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		// The API authenticates every request: no write when there is nothing to reset.
		if (event.getAuthentication().getPrincipal() instanceof EntenteUser user && user.failedLogins() == 0) {
			return;
		}
		jdbc.sql("update account set failed_logins = 0 where username = ? and failed_logins > 0")
			.param(event.getAuthentication().getName())
			.update();
		userDetails.forget(event.getAuthentication().getName());
	}
}
