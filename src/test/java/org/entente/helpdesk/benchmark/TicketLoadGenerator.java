package org.entente.helpdesk.benchmark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the desk's API (not a test; run by hand, see docs/benchmarks.md). Two modes:
 * <ul>
 * <li>{@code create}: ticket creation at a fixed rate (open loop: a scheduler hands each request, with the instant
 * it should start, to a pool of {@code connections} keep-alive connections, and latency is counted from that
 * instant, so a slow server cannot hide its queueing), while {@code listers} other clients list queues in closed
 * loops with {@code think-ms} between requests;</li>
 * <li>{@code list}: first-page requests of filtered lists after {@code warmup} unmeasured ones, from {@code clients}
 * connections (1: sequential), p50/p95/p99 and throughput per filter.</li>
 * </ul>
 * Loopback only, every loop bounded by a count or a duration. HTTP through {@link LoopbackHttp}, cheap enough not
 * to steal the CPU it measures.
 */
public final class TicketLoadGenerator {

	static final String[] COLLEGES = { "0359901X", "0359902Y", "0359903Z", "0359904A", "0359905B", "0359906C",
			"0359907D", "0359908E", "0359909F", "0359910G" };

	static final String[][] PROBLEMS = { { "ADDUCTION_INTERNET", "REPAIR" }, { "VIDEOPROJECTEURS", "REPAIR" },
			{ "STATIONS_PEDAGOGIQUES", "REPAIR" }, { "IMPRESSION_PEDAGOGIQUE", "REPAIR" }, { "TOUTATICE_PORTAIL", "ASSISTANCE" },
			{ "BORNES_WIFI", "REPAIR" }, { "TELEPHONIE", "REPAIR" } };

	static final String[] QUEUES = { "party=CD&openOnly=true&level=1", "party=ACA&openOnly=true",
			"criticality=CRITICAL&openOnly=true", "status=NEW", "establishment=0359903Z&openOnly=true", "sla=AT_RISK" };

	static final int TIMEOUT_MILLIS = 30_000;

	public static void main(String[] args) throws Exception {
		Map<String, String> a = options(args);
		String base = a.getOrDefault("base", "http://127.0.0.1:8080");
		if (!URI.create(base).getHost().equals("127.0.0.1") && !URI.create(base).getHost().equals("localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		String auth = "Basic " + Base64.getEncoder().encodeToString((a.getOrDefault("user", "niveau1") + ":"
				+ a.getOrDefault("password", System.getenv().getOrDefault("ENTENTE_DEMO_PASSWORD", "bench"))).getBytes(StandardCharsets.UTF_8));
		if ("list".equals(a.getOrDefault("mode", "create"))) {
			listMode(base, auth, Integer.parseInt(a.getOrDefault("requests", "300")),
					a.containsKey("filters") ? a.get("filters").split(",") : new String[] { "establishment=0359903Z&status=IN_PROGRESS",
							"party=CD&openOnly=true", "criticality=CRITICAL&openOnly=true", "sla=BREACHED", "status=NEW&party=ACA",
							"q=imprimante", "q=tableau%20blanc" },
					Integer.parseInt(a.getOrDefault("warmup", "20")), Integer.parseInt(a.getOrDefault("clients", "1")));
			return;
		}
		createMode(base, auth, Integer.parseInt(a.getOrDefault("rate", "300")),
				Integer.parseInt(a.getOrDefault("seconds", "60")), Integer.parseInt(a.getOrDefault("listers", "50")),
				Integer.parseInt(a.getOrDefault("think-ms", "500")), Integer.parseInt(a.getOrDefault("warmup-seconds", "10")),
				Integer.parseInt(a.getOrDefault("connections", "100")));
	}

	static void createMode(String base, String auth, int rate, int seconds, int listers, int thinkMs, int warmupSeconds,
			int connections) throws Exception {
		// Warm-up at the same rate, not measured (JIT, connection pools, caches).
		if (warmupSeconds > 0) {
			runCreations(base, auth, rate, warmupSeconds, connections, "warm");
		}
		AtomicBoolean stop = new AtomicBoolean();
		List<long[]> listLatencies = new ArrayList<>();
		AtomicInteger listErrors = new AtomicInteger();
		CountDownLatch listersDone = new CountDownLatch(listers);
		for (int l = 0; l < listers; l++) {
			long[] lat = new long[(seconds + 30) * 1000 / Math.max(1, thinkMs) + 1000];
			listLatencies.add(lat);
			int me = l;
			Thread t = new Thread(() -> {
				int n = 0;
				try (LoopbackHttp http = new LoopbackHttp(base, TIMEOUT_MILLIS)) {
					while (!stop.get() && n < lat.length) {
						String q = QUEUES[(me + n) % QUEUES.length];
						long start = System.nanoTime();
						int status;
						try {
							status = http.get("/api/v1/tickets?" + q, auth).status();
						}
						catch (Exception e) {
							status = -1;
						}
						lat[n++] = System.nanoTime() - start;
						if (status != 200) {
							listErrors.incrementAndGet();
						}
						if (thinkMs > 0) {
							Thread.sleep(thinkMs);
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					Arrays.fill(lat, n, lat.length, -1);
					listersDone.countDown();
				}
			}, "lister-" + l);
			t.setDaemon(true);
			t.start();
		}
		Result created = runCreations(base, auth, rate, seconds, connections, "run");
		stop.set(true);
		listersDone.await(60, TimeUnit.SECONDS);
		long[] all = listLatencies.stream().flatMapToLong(Arrays::stream).filter(v -> v >= 0).toArray();
		System.out.printf("creations: target %d/s for %d s, sent %d, ok %d, errors %d, achieved %.1f/s; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n",
				rate, seconds, created.sent, created.ok, created.errors, created.ok / created.elapsedSeconds,
				pct(created.latencies, 50), pct(created.latencies, 95), pct(created.latencies, 99), pct(created.latencies, 100));
		System.out.printf("queue lists (%d clients, think %d ms): %d requests (%.1f/s), errors %d; latency ms p50 %.1f p95 %.1f p99 %.1f%n",
				listers, thinkMs, all.length, all.length / created.elapsedSeconds, listErrors.get(), pct(all, 50), pct(all, 95), pct(all, 99));
	}

	record Result(int sent, int ok, int errors, long[] latencies, double elapsedSeconds) {
	}

	/** Request i, to be sent at the instant {@code intended} (System.nanoTime). */
	private record Job(int index, long intended) {
	}

	static Result runCreations(String base, String auth, int rate, int seconds, int connections, String tag) throws Exception {
		int total = rate * seconds;
		long period = 1_000_000_000L / rate;
		long[] latencies = new long[total];
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(total);
		BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < connections; w++) {
			Thread t = new Thread(() -> {
				try (LoopbackHttp http = new LoopbackHttp(base, TIMEOUT_MILLIS)) {
					while (true) {
						Job job = jobs.take();
						String[] p = PROBLEMS[job.index() % PROBLEMS.length];
						String body = """
								{"establishment":"%s","title":"Charge %s %d","description":"Ticket de charge n° %d","component":"%s","intervention":"%s"}"""
							.formatted(COLLEGES[job.index() % COLLEGES.length], tag, job.index(), job.index(), p[0], p[1]);
						int status;
						try {
							status = http.postJson("/api/v1/tickets", auth, body).status();
						}
						catch (Exception e) {
							status = -1;
						}
						latencies[job.index()] = System.nanoTime() - job.intended();
						(status == 201 ? ok : errors).incrementAndGet();
						done.countDown();
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}, "creator-" + w);
			t.setDaemon(true);
			t.start();
			workers.add(t);
		}
		long t0 = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long intended = t0 + i * period;
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			jobs.add(new Job(i, intended));
		}
		boolean finished = done.await(120, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - t0) / 1e9;
		workers.forEach(Thread::interrupt);
		int unfinished = finished ? 0 : (int) done.getCount();
		long now = System.nanoTime();
		for (int i = 0; i < total; i++) {
			if (latencies[i] == 0) { // never answered: as late as the wait
				latencies[i] = now - (t0 + i * period);
			}
		}
		return new Result(total, ok.get(), errors.get() + unfinished, latencies, elapsed);
	}

	/**
	 * Each filter in turn: {@code warmup} unmeasured requests (the whole list of filters first gets one such round,
	 * so the JIT has seen every query before the first is measured), then {@code requests} measured ones shared by
	 * {@code clients} connections in closed loops; p50/p95/p99 of every request and the throughput (requests per
	 * second of wall time) of the filter.
	 */
	static void listMode(String base, String auth, int requests, String[] filters, int warmup, int clients) throws Exception {
		try (LoopbackHttp http = new LoopbackHttp(base, TIMEOUT_MILLIS)) {
			for (String f : filters) {
				for (int i = 0; i < warmup; i++) {
					http.get("/api/v1/tickets?" + f, auth);
				}
			}
		}
		for (String f : filters) {
			long[] lat = new long[requests];
			AtomicInteger errors = new AtomicInteger();
			AtomicInteger next = new AtomicInteger();
			AtomicInteger items = new AtomicInteger(-1);
			List<Thread> threads = new ArrayList<>();
			try (LoopbackHttp warm = new LoopbackHttp(base, TIMEOUT_MILLIS)) {
				for (int i = 0; i < warmup; i++) {
					warm.get("/api/v1/tickets?" + f, auth);
				}
			}
			long t0 = System.nanoTime();
			for (int c = 0; c < clients; c++) {
				Thread t = new Thread(() -> {
					try (LoopbackHttp http = new LoopbackHttp(base, TIMEOUT_MILLIS)) {
						for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
							long start = System.nanoTime();
							LoopbackHttp.Response r = http.get("/api/v1/tickets?" + f, auth);
							lat[i] = System.nanoTime() - start;
							if (r.status() != 200) {
								errors.incrementAndGet();
							}
							else {
								items.compareAndSet(-1, r.body().split("\"number\"").length - 1);
							}
						}
					}
					catch (Exception e) {
						errors.incrementAndGet();
					}
				}, "list-" + c);
				threads.add(t);
				t.start();
			}
			for (Thread t : threads) {
				t.join();
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("%-50s %d req (%d clients, %d warm-up), %d errors, %d items on page 1; ms p50 %.1f p95 %.1f p99 %.1f; %.1f req/s%n",
					f, requests, clients, warmup, errors.get(), items.get(), pct(lat, 50), pct(lat, 95), pct(lat, 99),
					requests / seconds);
		}
	}

	static double pct(long[] values, double p) {
		if (values.length == 0) {
			return Double.NaN;
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> m = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				m.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		return m;
	}
}
