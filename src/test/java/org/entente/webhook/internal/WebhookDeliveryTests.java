package org.entente.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.entente.EntenteTest;
import org.entente.TestAccounts;
import org.entente.convention.ConventionVersionLoaded;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketOpened;
import org.entente.helpdesk.TicketSnapshot;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.TicketStatusChanged;
import org.entente.notification.InAppNotifications;
import org.entente.worktime.Criticality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a real HTTP receiver on 127.0.0.1 (the JDK's HttpServer), registered by an administrator who
 * allows that loopback address: events published in a transaction are delivered after commit, signed as Standard
 * Webhooks (checked here with an HMAC of our own), in order per ticket, retried after the receiver's outage, never
 * twice for the same event, and an endpoint that keeps failing is paused and its owner told.
 */
@EntenteTest
class WebhookDeliveryTests {

	static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	static final JsonMapper JSON = JsonMapper.builder().build();

	record Received(String id, String timestamp, String signature, String body, int answered) {
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	InAppNotifications notices;

	@Autowired
	WebhookRepository repository;

	@Autowired
	org.entente.directory.Accounts accounts;

	@Autowired
	List<ScheduledTaskHolder> scheduledTasks;

	@Autowired
	TaskScheduler scheduler;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** The status the receiver answers; 0: it drops the connection. */
	final AtomicInteger answer = new AtomicInteger(204);

	final List<Long> webhooks = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = answer.get();
			received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
			exchange.sendResponseHeaders(status == 0 ? 500 : status, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		// Other test classes publish ticket events too: leave no active endpoint behind.
		webhooks.forEach(id -> mvc.post().uri("/api/v1/webhooks/" + id + "/pause").with(TestAccounts.as("admin")).exchange());
		receiver.stop(0);
	}

	private String url() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	private long register(String account, String body) throws Exception {
		var result = mvc.post().uri("/api/v1/webhooks").with(TestAccounts.as(account))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(result).hasStatus(201);
		long id = JSON.readTree(result.getResponse().getContentAsString()).get("id").asLong();
		webhooks.add(id);
		return id;
	}

	private long registerLoopback(String establishment) throws Exception {
		return register("admin", """
				{"url": "%s", "events": ["ticket.opened", "ticket.status-changed"], "secret": "%s", "allowPrivate": true,
				 "establishment": %s, "description": "test"}""".formatted(url(), SECRET,
				establishment == null ? "null" : "\"" + establishment + "\""));
	}

	private static TicketSnapshot ticket(long id, String uai) {
		return new TicketSnapshot(id, "T-" + id, uai, List.of("CD"), 1, Criticality.NON_CRITICAL, "BORNES_WIFI", "1");
	}

	private void publish(Object... published) {
		transactions.executeWithoutResult(tx -> {
			for (Object e : published) {
				events.publishEvent(e);
			}
		});
	}

	private List<Received> about(long ticketId) {
		return received.stream().filter(r -> r.body().contains("\"ticketId\":" + ticketId + ",")).toList();
	}

	/** The Standard Webhooks check a receiver makes, written here independently of the sender. */
	private static boolean verifies(Received r) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
		String expected = Base64.getEncoder().encodeToString(
				mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
		return List.of(r.signature().split(" ")).contains("v1," + expected)
				&& Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp())) < 300;
	}

	@Test
	void deliveredSignedInOrderAndOnlyInScope() throws Exception {
		registerLoopback(null);
		long otherCollege = registerLoopback("0359902Y");
		long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
		Instant at = Instant.now();
		publish(new TicketOpened(ticket(id, "0359901X"), TicketKind.INCIDENT, false, "college", at),
				new TicketStatusChanged(ticket(id, "0359901X"), TicketStatus.NEW, TicketStatus.TAKEN_IN_CHARGE, "niveau1", null, at.plusSeconds(1)),
				new TicketStatusChanged(ticket(id, "0359901X"), TicketStatus.TAKEN_IN_CHARGE, TicketStatus.IN_PROGRESS, "niveau1", null, at.plusSeconds(2)));

		await().atMost(Duration.ofSeconds(20)).until(() -> about(id).size() >= 3);
		List<Received> got = about(id);
		assertThat(got).hasSize(3);
		assertThat(got).allSatisfy(r -> assertThat(verifies(r)).as("signature of %s", r.id()).isTrue());
		assertThat(got).extracting(r -> JSON.readTree(r.body()).get("type").asString())
			.containsExactly("ticket.opened", "ticket.status-changed", "ticket.status-changed");
		assertThat(JSON.readTree(got.get(2).body()).at("/data/to").asString()).isEqualTo("IN_PROGRESS");
		assertThat(got).extracting(Received::id).doesNotHaveDuplicates().allMatch(s -> s.startsWith("msg_"));

		// The collège 0359902Y's webhook got none of 0359901X's events: its log is empty.
		var log = mvc.get().uri("/api/v1/webhooks/" + otherCollege + "/deliveries").with(TestAccounts.as("admin")).exchange();
		assertThat(log).hasStatusOk();
		assertThat(JSON.readTree(log.getResponse().getContentAsString()).toString()).doesNotContain(Long.toString(id));
	}

	@Test
	void retriedAfterAnOutageAndNeverTwice() throws Exception {
		long webhook = registerLoopback(null);
		answer.set(503);
		long id = ThreadLocalRandom.current().nextLong(2_000_000_000L, 3_000_000_000L);
		TicketOpened opened = new TicketOpened(ticket(id, "0359901X"), TicketKind.REQUEST, false, "college", Instant.now());
		publish(opened);
		await().atMost(Duration.ofSeconds(20)).until(() -> about(id).size() >= 2);
		JsonNode failing = deliveries(webhook).get(0);
		assertThat(failing.get("status").asString()).isEqualTo("PENDING");
		assertThat(failing.get("lastStatus").asInt()).isEqualTo(503);
		assertThat(failing.get("lastError").asString()).contains("503");

		answer.set(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveries(webhook).get(0).get("status").asString()));
		// The same event published again (a redelivered publication) is the same delivery: not sent again.
		publish(opened);
		int before = about(id).size();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> about(id).size() == before);
		List<Received> got = about(id);
		assertThat(got).extracting(Received::id).containsOnly(got.get(0).id());
		assertThat(got.stream().filter(r -> r.answered() == 200)).hasSize(1);
		assertThat(deliveries(webhook)).hasSize(1);
		assertThat(deliveries(webhook).get(0).get("attempts").asInt()).isEqualTo(before);
	}

	@Test
	void keepsFailingSoPausedAndOwnerTold() throws Exception {
		long webhook = registerLoopback(null);
		answer.set(500);
		long id = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
		publish(new TicketOpened(ticket(id, "0359901X"), TicketKind.INCIDENT, false, "college", Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(webhookJson(webhook).get("status").asString()));
		int attempts = about(id).size();
		assertThat(attempts).isEqualTo(6);
		assertThat(webhookJson(webhook).get("pausedReason").asString()).contains("6 échecs");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notices.latest("admin", 20).stream().anyMatch(n -> n.link().equals("/webhooks/" + webhook)));

		answer.set(200);
		assertThat(mvc.post().uri("/api/v1/webhooks/" + webhook + "/resume").with(TestAccounts.as("admin")).exchange()).hasStatusOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveries(webhook).get(0).get("status").asString()));
		assertThat(about(id)).hasSize(7);
	}

	@Test
	void registrationIsCheckedAndScoped() throws Exception {
		var loopback = mvc.post().uri("/api/v1/webhooks").with(TestAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\": \"" + url() + "\", \"events\": [\"ticket.opened\"]}").exchange();
		assertThat(loopback).hasStatus(400);
		assertThat(loopback).bodyJson().extractingPath("$.errors[0].field").isEqualTo("url");
		var managerAllows = mvc.post().uri("/api/v1/webhooks").with(TestAccounts.as("gestion.cd")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\": \"" + url() + "\", \"events\": [\"ticket.opened\"], \"allowPrivate\": true}").exchange();
		assertThat(managerAllows).hasStatus(400);
		assertThat(managerAllows).bodyJson().extractingPath("$.errors[0].field").isEqualTo("allowPrivate");
		var unknown = mvc.post().uri("/api/v1/webhooks").with(TestAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\": \"https://example.org/h\", \"events\": [\"ticket.opened\", \"nope\"], \"secret\": \"abc\"}").exchange();
		assertThat(unknown).hasStatus(400);
		assertThat(unknown).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("events[1]", "secret");
		assertThat(mvc.get().uri("/api/v1/webhooks").with(TestAccounts.as("agent.cd")).exchange()).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/webhooks").with(TestAccounts.as("college")).exchange()).hasStatus(403);

		long adminOwn = registerLoopback(null);
		var forManager = mvc.get().uri("/api/v1/webhooks/" + adminOwn).with(TestAccounts.as("gestion.aca")).exchange();
		assertThat(forManager).hasStatus(404);
		var view = mvc.get().uri("/api/v1/webhooks/" + adminOwn).with(TestAccounts.as("admin")).exchange();
		assertThat(view).hasStatusOk();
		assertThat(view.getResponse().getContentAsString()).doesNotContain(SECRET);
	}

	/** The convention module's ConventionVersionLoaded reaches a collège's webhook too: the convention is public. */
	@Test
	void aConventionVersionLoadedIsForwardedToEveryScope() throws Exception {
		register("admin", """
				{"url": "%s", "events": ["convention.version-loaded"], "secret": "%s", "allowPrivate": true,
				 "establishment": "0359902Y", "description": "test"}""".formatted(url(), SECRET));
		String version = "avenant-" + ThreadLocalRandom.current().nextInt(1_000_000);
		publish(new ConventionVersionLoaded("entente-35", version, "Convention", "Bornes Wi-Fi au CD", "admin", Instant.now()));
		await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> r.body().contains(version)));
		Received r = received.stream().filter(x -> x.body().contains(version)).findFirst().orElseThrow();
		assertThat(verifies(r)).isTrue();
		JsonNode body = JSON.readTree(r.body());
		assertThat(body.get("type").asString()).isEqualTo("convention.version-loaded");
		assertThat(body.at("/data/version").asString()).isEqualTo(version);
		assertThat(body.at("/data/amendmentSummary").asString()).isEqualTo("Bornes Wi-Fi au CD");
	}

	/**
	 * A pending delivery outlives its worker: the scheduled dispatcher is stopped while the receiver fails, nothing is
	 * sent while no worker runs, and a new dispatcher — no memory of the first — finds the row in webhook_delivery and
	 * sends it once, under the webhook-id of the failed attempts. (The whole application killed and restarted on the
	 * same database is scripts/webhook-durability.sh, docs/benchmarks.md.)
	 */
	@Test
	void aPendingDeliveryOutlivesItsWorker() throws Exception {
		long webhook = registerLoopback(null);
		answer.set(503);
		long id = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
		publish(new TicketOpened(ticket(id, "0359901X"), TicketKind.INCIDENT, false, "college", Instant.now()));
		await().atMost(Duration.ofSeconds(20)).until(() -> !about(id).isEmpty());
		ScheduledTask worker = scheduledTasks.stream().flatMap(h -> h.getScheduledTasks().stream())
			.filter(t -> t.getTask().getRunnable().toString().contains("WebhookDispatcher.scheduled"))
			.findFirst().orElseThrow();
		worker.cancel(false);
		try {
			answer.set(200);
			int before = about(id).size();
			// Longer than retry-max: the old worker would have tried again by now.
			await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> about(id).size() == before);
			assertThat(deliveries(webhook).get(0).get("status").asString()).isEqualTo("PENDING");

			WebhookDispatcher fresh = new WebhookDispatcher(repository, new WebhookSender(), events, accounts, transactions,
					Duration.ofMillis(200), Duration.ofSeconds(1), 6, Duration.ofMillis(300));
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				fresh.dispatchDue();
				return about(id).stream().anyMatch(r -> r.answered() == 200);
			});
			List<Received> got = about(id);
			assertThat(got).extracting(Received::id).containsOnly(got.get(0).id());
			assertThat(got.stream().filter(r -> r.answered() == 200)).hasSize(1);
			assertThat(deliveries(webhook).get(0).get("status").asString()).isEqualTo("DELIVERED");
		}
		finally {
			// The shared context's worker again, for the other tests.
			scheduler.scheduleWithFixedDelay(worker.getTask().getRunnable(), Duration.ofMillis(250));
		}
	}

	private JsonNode deliveries(long webhook) throws Exception {
		var r = mvc.get().uri("/api/v1/webhooks/" + webhook + "/deliveries").with(TestAccounts.as("admin")).exchange();
		return JSON.readTree(r.getResponse().getContentAsString());
	}

	private JsonNode webhookJson(long webhook) throws Exception {
		var r = mvc.get().uri("/api/v1/webhooks/" + webhook).with(TestAccounts.as("admin")).exchange();
		return JSON.readTree(r.getResponse().getContentAsString());
	}

}
