package org.entente.inventory.benchmark;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;

/**
 * Load generator for the inventory's figures (docs/benchmarks.md), against a running Entente on the loopback only,
 * with bounded work. Modes:
 * <ul>
 * <li>{@code csv URL N}: imports N generated assets in one CSV (dryRun=false) and times it;</li>
 * <li>{@code glpi URL N THREADS}: sends N zlib-compressed GLPI Agent inventories from THREADS threads, new and
 * repeated machines mixed, and reports the rate;</li>
 * <li>{@code agents URL N THREADS}: replays the payloads recorded from the real GLPI Agent (JSON) and FusionInventory
 * agent (XML), plain and zlib, N of each, and reports each rate;</li>
 * <li>{@code seed JDBC_URL SCHEMA N}: inserts N assets straight into the database (generate_series), for search;</li>
 * <li>{@code search URL N}: N searches, half by name prefix and half by serial, and the latency percentiles.</li>
 * </ul>
 * The account is {@code admin} (or {@code glpi-agent} for glpi and agents) with the password in ENTENTE_DEMO_PASSWORD.
 */
public final class InventoryLoad {

	static final int MAX_N = 2_000_000;
	static final String[] UAIS = { "0359901X", "0359902Y", "0359903Z", "0359904A", "0359905B", "0359906C", "0359907D",
			"0359908E", "0359909F", "0359910G" };

	private InventoryLoad() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: csv URL N | glpi URL N THREADS | agents URL N THREADS | seed JDBC_URL SCHEMA N | search URL N");
			System.exit(2);
		}
		String mode = args[0];
		if (!mode.equals("seed")) {
			loopbackOnly(URI.create(args[1]));
		}
		switch (mode) {
			case "csv" -> csv(args[1], bounded(args[2]));
			case "glpi" -> glpi(args[1], bounded(args[2]), Math.min(32, Integer.parseInt(args[3])));
			case "agents" -> agents(args[1], bounded(args[2]), Math.min(32, Integer.parseInt(args[3])));
			case "seed" -> seed(args[1], args[2], bounded(args[3]));
			case "search" -> search(args[1], bounded(args[2]));
			default -> throw new IllegalArgumentException(mode);
		}
	}

	static int bounded(String n) {
		int value = Integer.parseInt(n);
		if (value < 1 || value > MAX_N) {
			throw new IllegalArgumentException("N entre 1 et " + MAX_N);
		}
		return value;
	}

	static void loopbackOnly(URI uri) throws Exception {
		if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
			throw new IllegalArgumentException("boucle locale uniquement : " + uri.getHost());
		}
	}

	static String basic(String user) {
		String password = System.getenv().getOrDefault("ENTENTE_DEMO_PASSWORD", "bench");
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static void csv(String base, int n) throws Exception {
		String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
		StringBuilder b = new StringBuilder("uai,component,network,name,serial,manufacturer,model,funding,acquired,warrantyEnd,status\n");
		Random random = new Random(42);
		for (int i = 0; i < n; i++) {
			String uai = UAIS[i % UAIS.length];
			b.append(uai).append(",STATIONS_PEDAGOGIQUES,PEDAGOGICAL,PEDA-").append(uai).append("-S").append(i / 100 % 1000)
				.append('-').append(String.format("%02d", i % 100)).append(",CSV-").append(run).append('-').append(i)
				.append(",Dell,OptiPlex 70").append(10 + random.nextInt(3)).append(",CD,2024-0").append(1 + random.nextInt(9))
				.append("-15,2029-06-30,IN_SERVICE\n");
		}
		byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
		long start = System.nanoTime();
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assets/import?dryRun=false"))
			.header("Authorization", basic("admin")).header("Content-Type", "text/csv")
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("csv: %d lignes, %.1f Mio, HTTP %d en %.2f s (%.0f lignes/s)%n%s%n", n, body.length / 1048576.0,
				r.statusCode(), seconds, n / seconds, r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
	}

	static byte[] zlib(String s) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
			z.write(s.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	static String inventory(String run, int machine) {
		String uai = UAIS[machine % UAIS.length];
		StringBuilder soft = new StringBuilder();
		for (int i = 0; i < 120; i++) {
			soft.append(i == 0 ? "" : ",").append("{\"name\":\"Logiciel ").append(i).append("\",\"version\":\"1.").append(i)
				.append("\",\"publisher\":\"Éditeur ").append(i % 17).append("\"}");
		}
		return "{\"action\":\"inventory\",\"deviceid\":\"pc-" + run + "-" + machine + "-2025-11-28-10-00-00\",\"itemtype\":\"Computer\","
				+ "\"tag\":\"" + uai + "\",\"content\":{\"versionclient\":\"GLPI-Agent_v1.11\",\"hardware\":{\"name\":\"PEDA-"
				+ uai + "-B" + (machine % 300) + "-" + String.format("%02d", machine % 100) + "\",\"chassis_type\":\"Desktop\","
				+ "\"memory\":16384},\"bios\":{\"ssn\":\"GLPI-" + run + "-" + machine + "\",\"smanufacturer\":\"Dell Inc.\","
				+ "\"smodel\":\"OptiPlex 7010\"},\"operatingsystem\":{\"full_name\":\"Windows 11 Éducation\"},"
				+ "\"cpus\":[{\"name\":\"Intel Core i5-13500\",\"core\":14}],\"softwares\":[" + soft + "]}}";
	}

	static void glpi(String base, int n, int threads) throws Exception {
		String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
		int machines = Math.max(1, n / 2);
		List<byte[]> bodies = new ArrayList<>();
		for (int i = 0; i < machines; i++) {
			bodies.add(zlib(inventory(run, i)));
		}
		send(base, "glpi", bodies, "application/x-compress-zlib", n, threads);
	}

	/**
	 * The payloads the real agents sent here (src/test/resources/inventory/agents: GLPI Agent 1.12's JSON, FusionInventory
	 * 2.6's XML, 960 software entries each), replayed as JSON and XML, zlib-compressed and plain; half new machines, half
	 * sent again.
	 */
	static void agents(String base, int n, int threads) throws Exception {
		String run = Long.toString(System.currentTimeMillis(), 36);
		String glpi = recorded("glpi-agent-1.12-computer.json.gz");
		String fusion = recorded("fusioninventory-2.6-computer.xml.gz");
		int machines = Math.max(1, n / 2);
		for (String[] variant : new String[][] { { "json", "application/json" }, { "json", "application/x-compress-zlib" },
				{ "xml", "application/xml" }, { "xml", "application/x-compress-zlib" } }) {
			List<byte[]> bodies = new ArrayList<>();
			for (int i = 0; i < machines; i++) {
				String body = variant[0].equals("json") ? glpi.replace("vm-2026-12-01-09-17-27", "bench-j" + run + "-" + i)
						: fusion.replace("vm-2026-12-01-09-13-49", "bench-x" + run + "-" + i);
				byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				bodies.add(variant[1].contains("zlib") ? zlib(body) : bytes);
			}
			run += "z";
			send(base, "agents " + variant[0] + " " + variant[1], bodies, variant[1], n, threads);
		}
	}

	static String recorded(String name) throws Exception {
		try (var in = new java.util.zip.GZIPInputStream(InventoryLoad.class.getResourceAsStream("/inventory/agents/" + name))) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private static void send(String base, String label, List<byte[]> bodies, String contentType, int n, int threads) throws Exception {
		int machines = bodies.size();
		String auth = basic("glpi-agent");
		AtomicInteger next = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < n) {
					byte[] body = bodies.get(i % machines);
					try {
						HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/inventory/glpi-agent"))
							.header("Authorization", auth).header("Content-Type", contentType)
							.timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() == 200) {
							ok.incrementAndGet();
						}
						else if (failed.incrementAndGet() < 3) {
							System.err.println(r.statusCode() + " " + r.body());
						}
					}
					catch (Exception e) {
						failed.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%s: %d inventaires (%d machines, corps ≈ %d o), %d threads : %d ok, %d échecs en %.2f s = %.1f inventaires/s%n",
				label, n, machines, bodies.get(0).length, threads, ok.get(), failed.get(), seconds, ok.get() / seconds);
	}

	static void seed(String jdbcUrl, String schema, int n) throws Exception {
		if (!schema.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("schéma");
		}
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
			long start = System.nanoTime();
			s.execute("set search_path to " + schema);
			s.execute("""
					insert into inv_asset (uai, component, network, name, name_key, serial, manufacturer, model, funding,
					    acquired, warranty_end, status, created_at, created_by, updated_at, updated_by)
					select u.uai, 'STATIONS_PEDAGOGIQUES', 'PEDAGOGICAL',
					       'PEDA-' || u.uai || '-G' || (g / 100 %% 10000) || '-' || lpad((g %% 100)::text, 2, '0'),
					       lower('PEDA-' || u.uai || '-G' || (g / 100 %% 10000) || '-' || lpad((g %% 100)::text, 2, '0')),
					       'SEED-' || g, 'Dell', 'OptiPlex 7010', 'CD', date '2024-01-01' + (g %% 600),
					       date '2028-01-01' + (g %% 900), 'IN_SERVICE', now(), 'seed', now(), 'seed'
					from generate_series(1, %d) g
					join (select uai, row_number() over (order by uai) - 1 as k, count(*) over () as total
					      from establishment where kind = 'COLLEGE') u on u.k = g %% u.total
					""".formatted(n).replace("%%", "%"));
			s.execute("analyze inv_asset");
			System.out.printf("seed: %d équipements en %.1f s%n", n, (System.nanoTime() - start) / 1e9);
		}
	}

	static void search(String base, int n) throws Exception {
		String auth = basic("admin");
		Random random = new Random(7);
		List<Long> nanos = new ArrayList<>();
		int found = 0;
		for (int i = 0; i < n + 50; i++) {
			String uai = UAIS[random.nextInt(UAIS.length)];
			String query = i % 2 == 0 ? "name=PEDA-" + uai + "-G" + random.nextInt(10000) + "-"
					: "serial=SEED-" + (1 + random.nextInt(1_000_000));
			long start = System.nanoTime();
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assets?size=20&" + query))
				.header("Authorization", auth).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
			long elapsed = System.nanoTime() - start;
			if (r.statusCode() != 200) {
				throw new IllegalStateException(r.statusCode() + " " + r.body());
			}
			if (i >= 50) {
				nanos.add(elapsed);
				found += r.body().contains("\"id\"") ? 1 : 0;
			}
		}
		Collections.sort(nanos);
		System.out.printf("search: %d requêtes (%d avec résultat) p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", n, found,
				nanos.get(n / 2) / 1e6, nanos.get((int) (n * 0.95)) / 1e6, nanos.get((int) (n * 0.99)) / 1e6,
				nanos.get(n - 1) / 1e6);
	}
}
