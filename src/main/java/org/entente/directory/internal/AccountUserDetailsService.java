package org.entente.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads local accounts for form login and HTTP Basic; a throttled account is reported as locked. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;
	private final Accounts accounts;

	AccountUserDetailsService(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
		record Secret(String hash, Timestamp lockedUntil) {
		}
		Secret secret = jdbc.sql("select password_hash, locked_until from account where username = ?")
			.param(username)
			.query((rs, i) -> new Secret(rs.getString(1), rs.getTimestamp(2)))
			.single();
		boolean nonLocked = secret.lockedUntil() == null || secret.lockedUntil().toInstant().isBefore(Instant.now());
		return new EntenteUser(account, secret.hash(), nonLocked);
	}
}
