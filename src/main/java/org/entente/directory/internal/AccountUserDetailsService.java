package org.entente.directory.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads local accounts for form login and HTTP Basic; a throttled account is reported as locked. The stateless API
 * authenticates every request, so an account read is remembered for a few seconds ({@link #FRESHNESS}); a wrong
 * password forgets it at once (see {@link LoginThrottle}), so the count of failures and the lock are read fresh.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	static final Duration FRESHNESS = Duration.ofSeconds(10);
	private static final int MAX_ENTRIES = 10_000;

	private record Read(EntenteUser user, long at) {
	}

	private final Accounts accounts;
	private final Map<String, Read> recent = new ConcurrentHashMap<>();

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Read read = recent.get(username);
		if (read == null || System.nanoTime() - read.at() > FRESHNESS.toNanos()) {
			EntenteUser user = accounts.forAuthentication(username).orElseThrow(() -> new UsernameNotFoundException(username));
			if (recent.size() >= MAX_ENTRIES) {
				recent.clear();
			}
			read = new Read(user, System.nanoTime());
			recent.put(username, read);
		}
		// A copy: Spring Security erases the password of the instance it authenticated.
		return read.user().copy();
	}

	void forget(String username) {
		recent.remove(username);
	}
}
