package org.entente.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every API POST (IETF httpapi draft «The Idempotency-Key HTTP Header Field»): a client
 * that retries a creation after a time-out or a 500 sends the same key and gets the first result, never a second
 * ticket. The key, the request it came with and the response are written in the same transaction as the creation
 * itself (the handler's services join it), so either both are saved or neither is: a failure in the middle leaves no
 * creation and no key, and the retry does the work. Keys belong to the account that sent them and live 24 hours.
 * A key sent again with another body is 422; a key whose first request is still running makes the second wait for
 * it (the database's unique index) and then replays its result. Only successful (2xx) results are kept: an error
 * wrote nothing, so its retry runs again.
 */
class IdempotencyKeys extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	static final Duration KEPT = Duration.ofHours(24);
	private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	IdempotencyKeys(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	record Stored(String requestHash, int status, String contentType, String location, String etag, String body) {
	}

	/** The key was already used: answer with what is stored, outside the transaction. */
	private static final class AlreadyUsed extends RuntimeException {
		AlreadyUsed() {
			super(null, null, false, false);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		if (key.startsWith("\"") && key.endsWith("\"") && key.length() > 2) {
			key = key.substring(1, key.length() - 1); // the draft writes the key as a structured-field string
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (!VALID.matcher(key).matches()) {
			problem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "En-tête Idempotency-Key invalide",
					"L'en-tête Idempotency-Key doit compter 1 à 255 caractères ASCII visibles (un UUID, par exemple).");
			return;
		}
		if (auth == null || !auth.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		String account = auth.getName();
		String what = request.getMethod() + " " + request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		// A multipart or form body is read by the container's parser from the request itself: it is hashed by its
		// length only; any other body is read once here, hashed and handed on.
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		boolean parsedByContainer = type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
		byte[] body = parsedByContainer ? Long.toString(request.getContentLengthLong()).getBytes(StandardCharsets.UTF_8)
				: request.getInputStream().readAllBytes();
		String hash = sha256(what, body);
		HttpServletRequest handed = parsedByContainer ? request : new BufferedBodyRequest(request, body);
		ContentCachingResponseWrapper res = new ContentCachingResponseWrapper(response);
		String k = key;
		try {
			transactions.executeWithoutResult(tx -> {
				if (find(account, k).isPresent()) {
					throw new AlreadyUsed();
				}
				try {
					chain.doFilter(handed, res);
				}
				catch (IOException | ServletException e) {
					throw new IllegalStateException(e);
				}
				if (res.getStatus() < 200 || res.getStatus() > 299) {
					tx.setRollbackOnly();
					return;
				}
				try {
					jdbc.sql("insert into web_idempotency_key (account, idem_key, request, request_hash, status, content_type,"
							+ " location, etag, body, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
						.params(account, k, truncate(what, 600), hash, res.getStatus(), res.getContentType(),
								res.getHeader("Location"), res.getHeader("ETag"),
								new String(res.getContentAsByteArray(), StandardCharsets.UTF_8), Timestamp.from(Instant.now()))
						.update();
				}
				catch (DuplicateKeyException e) {
					// The same key committed meanwhile by a concurrent request: undo this one, answer with that one's.
					throw new AlreadyUsed();
				}
			});
		}
		catch (AlreadyUsed used) {
			res.resetBuffer();
			Optional<Stored> stored = find(account, k);
			if (stored.isEmpty()) {
				problem(response, HttpStatus.CONFLICT, "idempotency-key-in-use", "Requête en cours",
						"Une requête avec cette clé Idempotency-Key est en cours : réessayez dans un instant.");
				return;
			}
			if (!stored.get().requestHash().equals(hash)) {
				problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Clé déjà utilisée",
						"Cette clé Idempotency-Key a déjà servi pour une autre requête : prenez-en une nouvelle pour une nouvelle création.");
				return;
			}
			replay(response, stored.get());
			return;
		}
		catch (TransactionException e) {
			// The commit failed (database restarted…): nothing was kept, the same key may be sent again.
			res.resetBuffer();
			response.reset();
			response.setHeader("Retry-After", "5");
			problem(response, HttpStatus.SERVICE_UNAVAILABLE, "retry", "Réessayez",
					"L'enregistrement n'a pas pu être validé ; rien n'a été créé. Renvoyez la même requête avec la même clé.");
			return;
		}
		res.copyBodyToResponse();
	}

	private Optional<Stored> find(String account, String key) {
		return jdbc.sql("select request_hash, status, content_type, location, etag, body from web_idempotency_key"
				+ " where account = ? and idem_key = ? and created_at > ?")
			.params(account, key, Timestamp.from(Instant.now().minus(KEPT)))
			.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6)))
			.optional();
	}

	private static void replay(HttpServletResponse response, Stored s) throws IOException {
		response.setStatus(s.status());
		if (s.contentType() != null) {
			response.setContentType(s.contentType());
		}
		if (s.location() != null) {
			response.setHeader("Location", s.location());
		}
		if (s.etag() != null) {
			response.setHeader("ETag", s.etag());
		}
		response.setHeader("Idempotent-Replayed", "true");
		byte[] bytes = s.body().getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
			throws IOException {
		ProblemResponses.write(response, status, type, title, detail, null);
	}

	private static String sha256(String what, byte[] body) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			d.update(what.getBytes(StandardCharsets.UTF_8));
			d.update((byte) 0);
			d.update(body);
			return HexFormat.of().formatHex(d.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The request with its body already read, served again to the handler. */
	private static final class BufferedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public jakarta.servlet.ServletInputStream getInputStream() {
			java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
			return new jakarta.servlet.ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(jakarta.servlet.ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
