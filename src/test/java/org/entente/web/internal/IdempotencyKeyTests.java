package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A creation retried with the same Idempotency-Key gives the first result and creates nothing more. */
@EntenteTest
class IdempotencyKeyTests {

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	@Autowired
	IdempotencyKeyPurge purge;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	static String ticket(String title) {
		return """
				{"establishment":"0359901X","title":"%s","description":"Plus rien ne marche depuis ce matin.","component":"ADDUCTION_INTERNET","intervention":"REPAIR"}"""
			.formatted(title);
	}

	MvcTestResult create(String user, String key, String body) {
		return mvc.post().uri("/api/v1/tickets").with(as(user)).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	int ticketsTitled(String word) {
		JsonNode page = json.readTree(mvc.get().uri("/api/v1/tickets?q=" + word).with(as("admin")).exchange().getResponse()
			.getContentAsByteArray());
		return page.get("items").size();
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstResult() throws Exception {
		String word = "idem" + UUID.randomUUID().toString().substring(0, 8);
		String key = UUID.randomUUID().toString();
		MvcTestResult first = create("college", key, ticket("Panne " + word));
		assertThat(first).hasStatus(HttpStatus.CREATED);
		MvcTestResult again = create("college", key, ticket("Panne " + word));
		assertThat(again).hasStatus(HttpStatus.CREATED);
		assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(ticketsTitled(word)).isEqualTo(1);

		// The same key with another body is a mistake of the client: 422, nothing created.
		MvcTestResult other = create("college", key, ticket("Autre " + word));
		assertThat(other).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(other.getResponse().getContentType()).startsWith("application/problem+json");
		// Keys belong to an account: another account's same key is another creation.
		assertThat(create("agent.cd", key, ticket("Panne " + word))).hasStatus(HttpStatus.CREATED);
		assertThat(ticketsTitled(word)).isEqualTo(2);
	}

	@Test
	void anErrorKeepsNoKeySoTheCorrectedRequestIsCreated() {
		String word = "idem" + UUID.randomUUID().toString().substring(0, 8);
		String key = UUID.randomUUID().toString();
		String bad = ticket("Panne " + word).replace("ADDUCTION_INTERNET", "PAS_UN_COMPOSANT");
		assertThat(create("college", key, bad).getResponse().getStatus()).isBetween(400, 499);
		assertThat(create("college", key, ticket("Panne " + word))).hasStatus(HttpStatus.CREATED);
		assertThat(ticketsTitled(word)).isEqualTo(1);
		assertThat(create("college", "x".repeat(256), ticket("Panne " + word))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(ticketsTitled(word)).isEqualTo(1);
	}

	@Test
	void concurrentRetriesCreateOnce() throws Exception {
		String word = "idem" + UUID.randomUUID().toString().substring(0, 8);
		String key = UUID.randomUUID().toString();
		HttpClient http = HttpClient.newHttpClient();
		String auth = "Basic " + Base64.getEncoder().encodeToString(("college:" + EntenteTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tickets"))
			.header("Authorization", auth).header("Content-Type", "application/json").header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(ticket("Panne " + word))).build();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Callable<HttpResponse<String>> send = () -> http.send(request, HttpResponse.BodyHandlers.ofString());
			answers.add(pool.submit(send));
		}
		List<String> ids = new ArrayList<>();
		for (Future<HttpResponse<String>> f : answers) {
			HttpResponse<String> r = f.get();
			assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
			if (r.statusCode() == 201) {
				ids.add(json.readTree(r.body()).get("id").asString());
			}
		}
		pool.shutdown();
		assertThat(ids).isNotEmpty();
		assertThat(ids).allMatch(ids.get(0)::equals);
		assertThat(ticketsTitled(word)).isEqualTo(1);
	}

	/**
	 * Issue 17: two instances whose clocks differ by a few seconds both wake for the nightly purge; without
	 * {@code lockAtLeastFor} the second, waking just after the first finished, finds the ShedLock row free and runs the
	 * job again. Both calls go through the bean's proxy and the real JDBC lock provider, as two instances would
	 * (ShedLock never lends a lock to its own host either); the second must do nothing while the lock is held.
	 */
	@Test
	void aSecondInstanceWakingJustAfterTheNightlyPurgeDoesNotRunItAgain() {
		String account = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		releasePurgeLock();
		try {
			expiredKey(account, "first");
			purge.purgeExpired();
			assertThat(keysOf(account)).as("the first instance purges").isZero();

			expiredKey(account, "second");
			purge.purgeExpired();
			assertThat(keysOf(account)).as("the second instance, while the lock is held, purges nothing").isEqualTo(1);
			Instant heldUntil = jdbc.sql("select lock_until from shedlock where name = 'idempotency-key-purge'")
				.query(Timestamp.class).single().toInstant();
			assertThat(heldUntil).as("held for minutes after the job").isAfter(Instant.now().plus(Duration.ofMinutes(4)));
		}
		finally {
			releasePurgeLock();
		}
		purge.purgeExpired();
		assertThat(keysOf(account)).as("once the lock is released, the purge runs").isZero();
	}

	/** As if its hold had run out (the row stays: ShedLock remembers it has one and only updates it). */
	private void releasePurgeLock() {
		jdbc.sql("update shedlock set lock_until = locked_at where name = 'idempotency-key-purge'").update();
	}

	private void expiredKey(String account, String key) {
		jdbc.sql("insert into web_idempotency_key (account, idem_key, request, request_hash, status, body, created_at)"
				+ " values (?, ?, 'POST /api/v1/tickets', 'x', 201, '{}', ?)")
			.params(account, key, Timestamp.from(Instant.now().minus(IdempotencyKeys.KEPT).minus(Duration.ofHours(1))))
			.update();
	}

	private int keysOf(String account) {
		return jdbc.sql("select count(*) from web_idempotency_key where account = ?").param(account).query(Integer.class).single();
	}
}
