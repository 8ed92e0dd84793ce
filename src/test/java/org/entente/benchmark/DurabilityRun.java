package org.entente.benchmark;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * The durability run (not a test; scripts/durability.sh drives it while it kills the application and restarts
 * PostgreSQL): creates tickets at a fixed rate as a careful client would — each with its own Idempotency-Key, retried
 * with the same key after a 5xx, a time-out or a refused connection until acknowledged — receives the mails on a real
 * SMTP server (GreenMail), then, once the event registry has drained, checks in the database that every acknowledged
 * creation exists exactly once and that every mail arrived exactly once (by Message-ID).
 *
 * <p>Arguments: {@code BASE_URL JDBC_URL SMTP_PORT RATE SECONDS}; loopback only, bounded in count and time.
 */
public final class DurabilityRun {

	private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbcUrl = args[1];
		int smtpPort = Integer.parseInt(args[2]);
		int rate = Math.min(100, Integer.parseInt(args[3]));
		int seconds = Math.min(600, Integer.parseInt(args[4]));
		if (!URI.create(base).getHost().equals("127.0.0.1") || !jdbcUrl.contains("//127.0.0.1:")) {
			throw new IllegalArgumentException("boucle locale uniquement");
		}
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		String run = Long.toString(System.currentTimeMillis(), 36);
		String auth = "Basic " + Base64.getEncoder().encodeToString(("niveau1:" + System.getenv().getOrDefault("ENTENTE_DEMO_PASSWORD", "bench"))
			.getBytes(StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Map<String, String> acknowledged = new ConcurrentHashMap<>(); // title → number
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger retried = new AtomicInteger();
		AtomicInteger replayed = new AtomicInteger();
		AtomicInteger givenUp = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(64);
		int total = rate * seconds;
		long start = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long due = start + (long) (i * 1e9 / rate);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			String title = "durab-" + run + "-" + i;
			String key = UUID.randomUUID().toString();
			String body = """
					{"establishment":"0359901X","title":"%s","description":"Essai de durabilité.","component":"ADDUCTION_INTERNET","intervention":"REPAIR"}"""
				.formatted(title);
			pool.submit(() -> {
				long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
				boolean first = true;
				while (System.nanoTime() < deadline) {
					attempts.incrementAndGet();
					if (!first) {
						retried.incrementAndGet();
					}
					first = false;
					try {
						HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
							.timeout(Duration.ofSeconds(10)).header("Authorization", auth).header("Content-Type", "application/json")
							.header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
								HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() == 201) {
							Matcher m = NUMBER.matcher(r.body());
							acknowledged.put(title, m.find() ? m.group(1) : "?");
							if (r.headers().firstValue("Idempotent-Replayed").isPresent()) {
								replayed.incrementAndGet();
							}
							return;
						}
						if (r.statusCode() < 500 && r.statusCode() != 409 && r.statusCode() != 401) {
							System.err.println("refus " + r.statusCode() + " " + r.body());
							givenUp.incrementAndGet();
							return;
						}
					}
					catch (ConnectException | java.net.http.HttpTimeoutException e) {
						// application down or restarting: retry with the same key
					}
					catch (Exception e) {
						// connection reset mid-request: the same
					}
					try {
						TimeUnit.MILLISECONDS.sleep(500);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				givenUp.incrementAndGet();
			});
		}
		pool.shutdown();
		pool.awaitTermination(5, TimeUnit.MINUTES);
		double loadSeconds = (System.nanoTime() - start) / 1e9;

		try (Connection db = connect(jdbcUrl)) {
			long drainDeadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
			long incomplete;
			while ((incomplete = count(db, "select count(*) from event_publication where completion_date is null")) > 0
					&& System.nanoTime() < drainDeadline) {
				TimeUnit.SECONDS.sleep(2);
			}
			Map<String, Integer> stored = new HashMap<>();
			try (PreparedStatement s = db.prepareStatement("select title, count(*) from ticket where title like ? group by title")) {
				s.setString(1, "durab-" + run + "-%");
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						stored.put(rs.getString(1), rs.getInt(2));
					}
				}
			}
			long lost = acknowledged.keySet().stream().filter(t -> !stored.containsKey(t)).count();
			long duplicated = stored.values().stream().filter(n -> n > 1).count();
			long unacknowledgedButStored = stored.keySet().stream().filter(t -> !acknowledged.containsKey(t)).count();

			MimeMessage[] mails = smtp.getReceivedMessages();
			// GreenMail keeps one copy per recipient: a mail to three people arrives three times, once each.
			Map<String, Integer> byMessageId = new HashMap<>();
			Map<String, Integer> recipients = new HashMap<>();
			Map<String, Integer> byTicket = new HashMap<>();
			for (MimeMessage m : mails) {
				String id = m.getMessageID();
				byMessageId.merge(id, 1, Integer::sum);
				recipients.put(id, m.getAllRecipients() == null ? 1 : m.getAllRecipients().length);
				String subject = m.getSubject() == null ? "" : m.getSubject();
				for (String n : acknowledged.values()) {
					if (subject.contains(n + " ")) {
						byTicket.merge(n, 1, Integer::sum);
					}
				}
			}
			long mailDuplicates = byMessageId.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - recipients.get(e.getKey()))).sum();
			long ticketsWithoutMail = acknowledged.values().stream().filter(n -> !byTicket.containsKey(n)).count();
			long deliveries = count(db, "select count(*) from mail_delivery where subject like '[Entente] E-%'");
			System.out.printf("durabilité : %d créations voulues (%d/s × %d s, %.0f s en tout), %d envois (%d reprises avec la même clé, %d réponses rejouées), "
					+ "%d acquittées, %d abandonnées%n", total, rate, seconds, loadSeconds, attempts.get(), retried.get(), replayed.get(),
					acknowledged.size(), givenUp.get());
			System.out.printf("tickets : %d acquittés perdus, %d en double, %d enregistrés sans acquittement%n", lost, duplicated,
					unacknowledgedButStored);
			System.out.printf("courriels : %d exemplaires reçus (%d courriels distincts), %d exemplaires en trop, %d tickets acquittés sans courriel, "
					+ "%d publications non livrées après vidage (%d livraisons consignées au total)%n", mails.length, byMessageId.size(),
					mailDuplicates, ticketsWithoutMail, incomplete, deliveries);
		}
		finally {
			smtp.stop();
		}
	}

	private static Connection connect(String url) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			try {
				return DriverManager.getConnection(url, "postgres", "");
			}
			catch (java.sql.SQLException e) {
				if (System.nanoTime() > deadline) {
					throw e;
				}
				TimeUnit.SECONDS.sleep(1);
			}
		}
	}

	private static long count(Connection db, String sql) throws Exception {
		try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
