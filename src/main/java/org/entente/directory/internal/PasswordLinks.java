package org.entente.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring links to set a password (an invitation for a new account, a reset for an existing one). The
 * token travels in the mail only; the database keeps its SHA-256. A new link cancels the person's earlier ones.
 */
@Component
class PasswordLinks {

	enum Purpose {
		INVITATION, RESET
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	PasswordLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token for {@code username}, valid for {@code validity}; the earlier unused ones stop working. */
	String issue(String username, Purpose purpose, Duration validity) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		jdbc.sql("update directory_password_token set used_at = ? where username = ? and used_at is null")
			.params(Timestamp.from(now), username)
			.update();
		jdbc.sql("insert into directory_password_token (token_hash, username, purpose, created_at, expires_at) values (?, ?, ?, ?, ?)")
			.params(hash(token), username, purpose.name(), Timestamp.from(now), Timestamp.from(now.plus(validity)))
			.update();
		return token;
	}

	/** The account a still valid, unused token is for, without using it up. */
	Optional<String> peek(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select username from directory_password_token where token_hash = ? and used_at is null and expires_at > ?")
			.params(hash(token), Timestamp.from(Instant.now()))
			.query(String.class)
			.optional();
	}

	/** Uses the token up (once: a second call, or a concurrent one, gets nothing) and says whose it was. */
	Optional<String> consume(String token) {
		Optional<String> username = peek(token);
		if (username.isEmpty()) {
			return username;
		}
		int used = jdbc.sql("update directory_password_token set used_at = ? where token_hash = ? and used_at is null and expires_at > ?")
			.params(Timestamp.from(Instant.now()), hash(token), Timestamp.from(Instant.now()))
			.update();
		return used == 1 ? username : Optional.empty();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
