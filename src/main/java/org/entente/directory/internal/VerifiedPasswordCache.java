package org.entente.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, that a password matched its BCrypt hash. The stateless
 * API authenticates every request with HTTP Basic: without this, each call would spend a BCrypt verification
 * (tens of milliseconds of CPU), which caps an instance at a few dozen requests per second. Only a SHA-256 of
 * hash and password is kept, only for successful matches, bounded in number and age; a changed password has a new
 * hash, so an old entry can no longer match.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

	private static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;
	private final long ttlNanos;
	private final Map<String, Long> verified = new ConcurrentHashMap<>();
	// Verifications under way, so that a burst of requests with the same new credentials (a client starting, or
	// an entry expiring under load) spends one BCrypt, not one per request.
	private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

	VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl) {
		this.delegate = delegate;
		this.ttlNanos = ttl.toNanos();
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
		String key = key(rawPassword, encodedPassword);
		Long until = verified.get(key);
		if (until != null && until - System.nanoTime() > 0) {
			return true;
		}
		CompletableFuture<Boolean> mine = new CompletableFuture<>();
		CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return running.join();
		}
		try {
			boolean ok = delegate.matches(rawPassword, encodedPassword);
			if (ok) {
				if (verified.size() >= MAX_ENTRIES) {
					verified.clear();
				}
				verified.put(key, System.nanoTime() + ttlNanos);
			}
			else {
				verified.remove(key);
			}
			mine.complete(ok);
			return ok;
		}
		catch (RuntimeException e) {
			mine.completeExceptionally(e);
			throw e;
		}
		finally {
			inFlight.remove(key, mine);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private static String key(CharSequence raw, String encoded) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(encoded.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
