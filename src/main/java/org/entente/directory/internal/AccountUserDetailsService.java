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

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		// One read per authentication: the stateless API authenticates every request.
		return jdbc.sql("select * from account where username = ?")
			.param(username)
			.query((rs, i) -> {
				Timestamp lockedUntil = rs.getTimestamp("locked_until");
				boolean nonLocked = lockedUntil == null || lockedUntil.toInstant().isBefore(Instant.now());
				return new EntenteUser(Accounts.map(rs, i), rs.getString("password_hash"), nonLocked);
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}
}
