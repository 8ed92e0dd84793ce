package org.entente.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * The webhook durability run (not a test; scripts/webhook-durability.sh drives it): starts the application (its own
 * JVM, on the database given), registers a webhook whose receiver — a JDK HttpServer on 127.0.0.1 — is DOWN, opens N
 * tickets through the API (each with its Idempotency-Key, retried until acknowledged), kills the application with
 * SIGKILL right after the last acknowledgement (listeners and deliveries still under way), brings the receiver UP,
 * restarts the application on the same database, and waits until every acknowledged ticket's {@code ticket.opened}
 * has arrived. Counts events lost (acknowledged ticket, no delivery), duplicated (a webhook-id received twice with a
 * 2xx answer; a ticket with two webhook-ids), bad signatures, and the time to drain.
 *
 * <p>Arguments: {@code APP_CLASSPATH_FILE JDBC_URL JDBC_USER N WORK_DIR}; loopback only, bounded in count and time.
 */
public final class WebhookDurabilityRun {

	private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("durability-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8));

	private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*(\\d+)");

	private static final String PASSWORD = "durability";

	record Received(String id, long ticketId, boolean signed, long atNanos) {
	}

	public static void main(String[] args) throws Exception {
		String classpath = Files.readString(Path.of(args[0])).trim();
		String jdbcUrl = args[1];
		String jdbcUser = args[2];
		int n = Math.min(5000, Integer.parseInt(args[3]));
		Path work = Path.of(args[4]);
		Files.createDirectories(work);
		if (!jdbcUrl.startsWith("jdbc:h2:file:/tmp/") && !jdbcUrl.contains("//127.0.0.1:")) {
			throw new IllegalArgumentException("base locale uniquement");
		}
		int appPort = freePort();
		int receiverPort = freePort();
		String base = "http://127.0.0.1:" + appPort;
		String load0 = Files.readString(Path.of("/proc/loadavg")).trim();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		long t = System.nanoTime();
		Process app = start(classpath, jdbcUrl, jdbcUser, appPort, work, 1);
		double firstStart = ready(http, base, app, t);
		System.out.printf("application prête en %.1f s (port %d), récepteur sur 127.0.0.1:%d, arrêté%n", firstStart, appPort, receiverPort);

		String admin = basic("admin");
		HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks"))
			.header("Authorization", admin).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"url": "http://127.0.0.1:%d/hook", "events": ["ticket.opened"], "secret": "%s", "allowPrivate": true,
					 "description": "durabilité"}""".formatted(receiverPort, SECRET)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (registered.statusCode() != 201) {
			throw new IllegalStateException("webhook refusé : " + registered.statusCode() + " " + registered.body());
		}

		// N tickets, 8 clients at once, each retried with its own key until acknowledged.
		String run = Long.toString(System.currentTimeMillis(), 36);
		String agent = basic("niveau1");
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger retries = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		long produceStart = System.nanoTime();
		for (int i = 0; i < n; i++) {
			String body = """
					{"establishment":"0359901X","title":"webhook-durab-%s-%d","description":"Essai de durabilité des webhooks.","component":"ADDUCTION_INTERNET","intervention":"REPAIR"}"""
				.formatted(run, i);
			String key = UUID.randomUUID().toString();
			pool.submit(() -> {
				for (int attempt = 0; attempt < 60; attempt++) {
					try {
						HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
							.timeout(Duration.ofSeconds(30)).header("Authorization", agent).header("Content-Type", "application/json")
							.header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
								HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() == 201) {
							String location = r.headers().firstValue("Location").orElseThrow();
							acknowledged.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
							return;
						}
						System.err.println("création : " + r.statusCode() + " " + r.body());
					}
					catch (Exception e) {
						// retried with the same key
					}
					retries.incrementAndGet();
					sleep(500);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		double produced = (System.nanoTime() - produceStart) / 1e9;
		app.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful end of the listeners or of the dispatcher
		app.waitFor();
		System.out.printf("%d tickets acquittés en %.1f s (%.0f/s, %d reprises), puis kill -9 de l'application%n", acknowledged.size(),
				produced, acknowledged.size() / produced, retries.get());

		String atKill;
		try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcUser.equals("sa") ? "" : "")) {
			atKill = String.format("à l'arrêt : %d tickets en base, %d livraisons en file (%d essais échoués), %d publications d'événement inachevées",
					count(db, "select count(*) from ticket where title like 'webhook-durab-" + run + "-%'"),
					count(db, "select count(*) from webhook_delivery where status = 'PENDING'"),
					count(db, "select coalesce(sum(attempts), 0) from webhook_delivery"),
					count(db, "select count(*) from event_publication where completion_date is null"));
		}
		System.out.println(atKill);

		// The receiver comes up, then the application restarts on the same database.
		Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();
		Map<Long, Set<String>> idsByTicket = new ConcurrentHashMap<>();
		List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicLong lastNew = new AtomicLong();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			boolean signed = verifies(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body);
			Matcher m = TICKET_ID.matcher(body);
			long ticket = m.find() ? Long.parseLong(m.group(1)) : -1;
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			if (byId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
				lastNew.set(System.nanoTime());
			}
			idsByTicket.computeIfAbsent(ticket, k -> ConcurrentHashMap.newKeySet()).add(id);
			received.add(new Received(id, ticket, signed, System.nanoTime()));
		});
		receiver.setExecutor(Executors.newFixedThreadPool(4));
		receiver.start();

		long restart = System.nanoTime();
		app = start(classpath, jdbcUrl, jdbcUser, appPort, work, 2);
		double secondStart = ready(http, base, app, restart);
		long readyAt = System.nanoTime();
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (!idsByTicket.keySet().containsAll(acknowledged) && System.nanoTime() < deadline && app.isAlive()) {
			sleep(200);
		}
		long drained = idsByTicket.keySet().containsAll(acknowledged) ? lastNew.get() : -1;
		sleep(15_000); // a quiet quarter of a minute: a late repeat would show here
		String load1 = Files.readString(Path.of("/proc/loadavg")).trim();

		long lost = acknowledged.stream().filter(id -> !idsByTicket.containsKey(id)).count();
		long repeatedIds = byId.values().stream().filter(c -> c.get() > 1).count();
		long extraCopies = byId.values().stream().mapToLong(c -> c.get() - 1).sum();
		long twoIds = idsByTicket.values().stream().filter(s -> s.size() > 1).count();
		long unsigned = received.stream().filter(r -> !r.signed()).count();
		long strangers = idsByTicket.keySet().stream().filter(id -> !acknowledged.contains(id)).count();
		String pendingAfter;
		try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
			pendingAfter = String.format("%d livraisons encore en file, %d publications inachevées",
					count(db, "select count(*) from webhook_delivery where status = 'PENDING'"),
					count(db, "select count(*) from event_publication where completion_date is null"));
		}
		catch (Exception e) {
			pendingAfter = "base occupée par l'application (" + e.getMessage() + ")";
		}
		app.destroy();
		app.waitFor(60, TimeUnit.SECONDS);
		receiver.stop(0);
		((ExecutorService) receiver.getExecutor()).shutdownNow();

		System.out.printf("redémarrage prêt en %.1f s ; vidage : %s après le redémarrage (%s après « prêt »)%n", secondStart,
				drained < 0 ? "INCOMPLET" : String.format("%.1f s", (drained - restart) / 1e9),
				drained < 0 ? "-" : String.format("%.1f s", (drained - readyAt) / 1e9));
		System.out.printf("webhooks : %d reçus (%d webhook-id distincts) pour %d tickets acquittés ; %d perdus, %d webhook-id reçus deux fois "
				+ "(%d exemplaires en trop), %d tickets sous deux webhook-id, %d signatures fausses, %d étrangers au passage ; %s%n",
				received.size(), byId.size(), acknowledged.size(), lost, repeatedIds, extraCopies, twoIds, unsigned, strangers, pendingAfter);
		System.out.printf("charge (loadavg) : %s au début, %s à la fin ; %d cœurs%n", load0, load1, Runtime.getRuntime().availableProcessors());
	}

	private static Process start(String classpath, String jdbcUrl, String user, int port, Path work, int round) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "org.entente.EntenteApplication",
				"--server.port=" + port, "--server.address=127.0.0.1",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user, "--spring.datasource.password=",
				"--entente.journal.directory=" + work.resolve("journal"), "--entente.journal.syslog.tcp-port=0",
				"--entente.journal.syslog.udp-port=0",
				// Fast retries for the run (production: 10 s doubling up to 1 h); never paused while the receiver is down.
				"--entente.webhook.dispatch-every=PT1S", "--entente.webhook.retry-base=PT1S", "--entente.webhook.retry-max=PT5S",
				"--entente.webhook.pause-after=1000000", "--logging.level.root=WARN"));
		if (jdbcUrl.startsWith("jdbc:postgresql:") && jdbcUrl.contains("currentSchema=")) {
			String schema = jdbcUrl.substring(jdbcUrl.indexOf("currentSchema=") + "currentSchema=".length()).replaceAll("&.*", "");
			command.add("--spring.flyway.schemas=" + schema);
		}
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().put("ENTENTE_DEMO_PASSWORD", PASSWORD);
		pb.environment().remove("SPRING_DATASOURCE_URL");
		File log = work.resolve("app-" + round + ".log").toFile();
		pb.redirectErrorStream(true).redirectOutput(log);
		return pb.start();
	}

	private static double ready(HttpClient http, String base, Process app, long since) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("l'application s'est arrêtée (voir app-*.log)");
			}
			try {
				HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return (System.nanoTime() - since) / 1e9;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			sleep(500);
		}
		throw new IllegalStateException("l'application n'a pas démarré");
	}

	private static boolean verifies(String id, String timestamp, String signature, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
			String expected = Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
			return signature != null && List.of(signature.split(" ")).contains("v1," + expected);
		}
		catch (Exception e) {
			return false;
		}
	}

	private static String basic(String account) {
		return "Basic " + Base64.getEncoder().encodeToString((account + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** A free port in 18000–18999 (the range the helpers' benchmarks use). */
	private static int freePort() {
		for (int i = 0; i < 200; i++) {
			int port = 18000 + ThreadLocalRandom.current().nextInt(1000);
			try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
				return port;
			}
			catch (IOException e) {
				// taken
			}
		}
		throw new IllegalStateException("aucun port libre");
	}

	private static long count(Connection db, String sql) throws Exception {
		try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
