package org.entente.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop load generator for a server on loopback: N clients each send GET requests back to back
 * for a fixed time, then it prints throughput and latency percentiles. Bounded in time and refuses any host
 * other than loopback.
 *
 * <pre>java -cp … org.entente.benchmark.HttpLoad URL CLIENTS SECONDS [user:password]</pre>
 */
public final class HttpLoad {

	public record Result(long requests, long errors, double perSecond, double p50, double p95, double p99, double max) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT,
					"%d requêtes, %d erreurs, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
					requests, errors, perSecond, p50, p95, p99, max);
		}
	}

	private HttpLoad() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: HttpLoad URL CLIENTS SECONDS [user:password]");
			System.exit(2);
		}
		String auth = args.length > 3 ? args[3] : null;
		// Warm-up, then the measured run.
		run(args[0], Integer.parseInt(args[1]), Duration.ofSeconds(5), auth);
		System.out.println(run(args[0], Integer.parseInt(args[1]), Duration.ofSeconds(Long.parseLong(args[2])), auth));
	}

	public static Result run(String url, int clients, Duration duration, String auth) throws Exception {
		URI uri = URI.create(url);
		if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
			throw new IllegalArgumentException("loopback only: " + uri.getHost());
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
		if (auth != null) {
			builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
		}
		HttpRequest request = builder.build();
		long end = System.nanoTime() + duration.toNanos();
		AtomicLong errors = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<long[]>> futures = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			futures.add(pool.submit(() -> {
				long[] latencies = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					try {
						HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() >= 400) {
							errors.incrementAndGet();
						}
					}
					catch (java.io.IOException e) {
						errors.incrementAndGet();
					}
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = System.nanoTime() - t0;
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> f : futures) {
			all.add(f.get());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(merged.length, errors.get(), merged.length / seconds, pct(merged, 50), pct(merged, 95), pct(merged, 99),
				merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6);
	}

	private static double pct(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}
}
