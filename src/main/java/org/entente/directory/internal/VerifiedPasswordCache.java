package org.entente.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt on every stateless API call (HTTP Basic: GLPI Agent, scripts) costs tens of milliseconds of CPU per request
 * and caps the server at a few dozen calls per second. This encoder remembers, for a few minutes, that a password
 * matched a hash: only an HMAC of (password, hash) under a key drawn at start-up is kept, never the password; a new
 * hash (password change) misses the cache; failures are never cached, so lockout counting is unchanged.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

	private static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;
	private final long ttlNanos;
	private final byte[] key = new byte[32];
	private final Map<String, Long> verified = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl) {
		this.delegate = delegate;
		this.ttlNanos = ttl.toNanos();
		new SecureRandom().nextBytes(key);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return delegate.matches(rawPassword, encodedPassword);
		}
		String fingerprint = fingerprint(rawPassword, encodedPassword);
		long now = System.nanoTime();
		synchronized (verified) {
			Long at = verified.get(fingerprint);
			if (at != null && now - at < ttlNanos) {
				return true;
			}
		}
		boolean matches = delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			synchronized (verified) {
				verified.put(fingerprint, now);
			}
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private String fingerprint(CharSequence raw, String encoded) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(raw.toString().getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
