package org.entente.policy.benchmark;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the backup reports (docs/benchmarks.md), against a running Entente on the loopback only: the
 * 59 collèges × both data classes × JOBS jobs a day, sent as fast as THREADS clients can, then the compliance of every
 * collège read once. Usage: {@code URL JOBS_PER_DAY THREADS} (bounded), account {@code glpi-agent} with the password
 * in ENTENTE_DEMO_PASSWORD. The establishments are the demo ones (0359901X …), cycled.
 */
public final class BackupReportLoad {

	private BackupReportLoad() {
	}

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
			throw new IllegalArgumentException("boucle locale uniquement : " + base.getHost());
		}
		int jobs = Math.max(1, Math.min(48, Integer.parseInt(args[1])));
		int threads = Math.max(1, Math.min(16, Integer.parseInt(args[2])));
		String password = System.getenv().getOrDefault("ENTENTE_DEMO_PASSWORD", "bench");
		String auth = "Basic " + Base64.getEncoder().encodeToString(("glpi-agent:" + password).getBytes(StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<String> uais = uais(http, base, "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
		List<String> bodies = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int c = 0; c < 59; c++) {
			String uai = uais.get(c % uais.size());
			for (String dataClass : List.of("ADMINISTRATIVE", "PEDAGOGICAL_GROUP")) {
				for (int j = 0; j < jobs; j++) {
					Instant end = now.minus(Duration.ofMinutes(30L * (jobs - j)));
					bodies.add("""
							{"uai":"%s","dataClass":"%s","job":"job-%d","startedAt":"%s","endedAt":"%s","status":"%s","oldestRestorePoint":"%s"}"""
						.formatted(uai, dataClass, j, end.minus(Duration.ofMinutes(20)).atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC),
								j % 10 == 9 ? "FAILURE" : "SUCCESS", end.minus(Duration.ofDays(100)).atOffset(ZoneOffset.UTC)));
				}
			}
		}
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failed = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (String body : bodies) {
			futures.add(pool.submit(() -> {
				long t = System.nanoTime();
				try {
					HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/backups/reports"))
						.header("Authorization", auth).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
					if (r.statusCode() != 201) {
						failed.incrementAndGet();
					}
				}
				catch (Exception e) {
					failed.incrementAndGet();
				}
				latencies.add(System.nanoTime() - t);
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%d rapports (%d collèges × 2 classes × %d travaux) en %.1f s : %.0f/s, p50 %.1f ms, p99 %.1f ms, %d échec(s)%n",
				bodies.size(), 59, jobs, seconds, bodies.size() / seconds, sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6, failed.get());
		long t = System.nanoTime();
		for (String uai : uais) {
			http.send(HttpRequest.newBuilder(base.resolve("/api/v1/backups/compliance?uai=" + uai))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
				.GET().build(), HttpResponse.BodyHandlers.discarding());
		}
		System.out.printf("conformité de %d établissements lue en %.0f ms%n", uais.size(), (System.nanoTime() - t) / 1e6);
	}

	private static List<String> uais(HttpClient http, URI base, String auth) throws Exception {
		String json = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/establishments")).header("Authorization", auth).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		List<String> uais = new ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"uai\"\\s*:\\s*\"(03599\\d\\d[A-Z])\"").matcher(json);
		while (m.find() && uais.size() < 59) {
			if (!uais.contains(m.group(1)) && !m.group(1).equals("0359999X")) {
				uais.add(m.group(1));
			}
		}
		if (uais.isEmpty()) {
			throw new IllegalStateException("aucun établissement de démonstration : " + json.substring(0, Math.min(200, json.length())));
		}
		return uais;
	}
}
