package org.entente.reporting.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.entente.directory.Uai;

/**
 * The indicators at a million tickets (a benchmark, not a test: under {@code benchmark/}, which Surefire excludes).
 * <ul>
 * <li>{@code --mode=seed}: fills the desk's tables of a migrated PostgreSQL schema in bulk (set-wise SQL, this
 * benchmark only: the application never writes another module's tables) with N tickets spread over the convention's
 * period (2025-04-01 to today), over 59 collèges, 24 components, five sets of parties, with their status history
 * (opening, take-charge, closure), hand-backs and survey answers; most are closed, the last days' are open.</li>
 * <li>{@code --mode=measure}: against the running application on loopback, times {@code POST
 * /api/v1/reporting/rebuild} (which fills reporting's tables from the desk's facts), then warms the JVM and measures
 * p50/p95/p99 of the dashboard pages, one request at a time.</li>
 * </ul>
 * <pre>java -cp … org.entente.reporting.benchmark.DashboardBenchmark --mode=seed --url=jdbc:postgresql://127.0.0.1:5432/db --tickets=1000000
 * java -cp … org.entente.reporting.benchmark.DashboardBenchmark --mode=measure --base=http://127.0.0.1:18xxx --password=… --requests=300</pre>
 */
public final class DashboardBenchmark {

	static final List<String> COMPONENTS = List.of("STATIONS_PEDAGOGIQUES", "TABLETTES", "EQUIPEMENTS_MOBILITE",
			"APPAREILS_CONNECTES", "VIDEOPROJECTEURS", "IMPRESSION_PEDAGOGIQUE", "OBJETS_CONNECTES", "STATIONS_AGENTS",
			"BYOD_INFRASTRUCTURE", "TECHNIQUE_SERVEURS_LOGICIELS", "RESEAU_PEDAGOGIQUE", "ONDULEURS", "SERVEUR_HORUS",
			"STATIONS_ADMINISTRATIVES", "IMPRESSION_ADMINISTRATIVE", "ADDUCTION_INTERNET", "ELEMENTS_ACTIFS", "BORNES_WIFI",
			"TELEPHONIE", "RESEAU_ADMINISTRATIF", "BAIES_BRASSAGE", "TELEPROCEDURES", "PORTAIL_AGENT", "EXTRANET_CLOUD");

	static final List<String> PARTIES = List.of(",CD,", ",ACA,", ",CD,EPLE,", ",EPLE,", ",ACA,CD,");

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> o = options(args);
		if ("seed".equals(o.getOrDefault("mode", "measure"))) {
			seed(o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/h_report13"), o.getOrDefault("user", "postgres"),
					Integer.parseInt(o.getOrDefault("tickets", "1000000")));
		}
		else {
			measure(o.getOrDefault("base", "http://127.0.0.1:18080"), o.getOrDefault("password", "bench"),
					Integer.parseInt(o.getOrDefault("requests", "300")), !"false".equals(o.get("rebuild")),
					Integer.parseInt(o.getOrDefault("warmup", "100")), !"false".equals(o.get("year")));
		}
	}

	// ---------------------------------------------------------------- seeding

	static void seed(String url, String user, int target) throws Exception {
		if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith("jdbc:postgresql://localhost")) {
			throw new IllegalArgumentException("loopback PostgreSQL only");
		}
		List<String> uais = IntStream.rangeClosed(359901, 359959).mapToObj(n -> Uai.withCheckLetter(n).value()).toList();
		try (Connection c = DriverManager.getConnection(url, user, "")) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				for (String uai : uais) {
					s.executeUpdate("insert into establishment (uai, name, commune, kind, demo) select '" + uai
							+ "', 'Collège de banc d''essai " + uai + "', 'Rennes', 'COLLEGE', true where not exists "
							+ "(select 1 from establishment where uai = '" + uai + "')");
				}
			}
			c.commit();
			long existing = count(c, "select count(*) from ticket");
			int batch = 50_000;
			long start = System.nanoTime();
			for (long done = existing; done < target; done += batch) {
				int n = (int) Math.min(batch, target - done);
				try (Statement s = c.createStatement()) {
					long before = count(c, "select coalesce(max(id), 0) from ticket");
					s.executeUpdate(tickets(done + 1, n, target, uais));
					s.executeUpdate(history(before));
					s.executeUpdate("""
							insert into ticket_party (ticket_id, party, status)
							select t.id, p, t.status from ticket t
							  cross join lateral unnest(string_to_array(trim(both ',' from t.parties), ',')) p
							where t.id > %d""".formatted(before));
					s.executeUpdate("""
							insert into ticket_satisfaction (ticket_id, rating, answered_by, answered_at)
							select id, 1 + (id * 7) %% 5, 'college', closed_at + interval '1 day' from ticket
							where id > %d and status = 'CLOSED' and id %% 8 = 0 and closed_at + interval '1 day' < now()"""
						.formatted(before).replace("%%", "%"));
				}
				c.commit();
				System.out.printf("%d tickets (%.0f s)%n", done + n, (System.nanoTime() - start) / 1e9);
			}
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				for (String t : List.of("ticket", "ticket_event", "ticket_party", "ticket_satisfaction")) {
					s.execute("vacuum analyze " + t);
				}
			}
			System.out.printf("seeded in %.0f s%n", (System.nanoTime() - start) / 1e9);
		}
	}

	private static long count(Connection c, String sql) throws java.sql.SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String array(List<String> values) {
		return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(",", "(array[", "])"));
	}

	/**
	 * Tickets first..first+n-1 of {@code total}, opened evenly from 2025-04-01 to now (a ticket's rank is its time);
	 * the last ten days' are open in five states, a few older ones too (the backlog), the rest closed 1 to 72 hours
	 * after opening.
	 */
	static String tickets(long first, int n, int total, List<String> uais) {
		return """
				insert into ticket (number, kind, establishment, requester, title, description, component, intervention,
				  criticality, priority_class, data_involved, status, level, parties, to_arbitrate, routing_explanation,
				  routing_clause, convention_version, sla_state, opened_at, resolved_at, closed_at, updated_at, version)
				select 'B-' || g, case when g % 3 = 0 then 'REQUEST' else 'INCIDENT' end,
				  UAIS[1 + g % 59], 'college', 'Ticket de banc d''essai ' || g, 'Description du ticket ' || g,
				  COMPONENTS[1 + (g * 7919) % 24], 'REPAIR',
				  case when g % 11 = 0 then 'CRITICAL' else 'NON_CRITICAL' end, case when g % 11 = 0 then null else 1 end,
				  false, st, 1 + (g % 3 = 0)::int, PARTIES[1 + (g * 31) % 5], false, 'Routage de banc d''essai',
				  'Annexe opérationnelle §3', '1',
				  case when st in ('CLOSED', 'RESOLVED') then 'OK' when g % 97 = 0 then 'BREACHED' when g % 89 = 0 then 'AT_RISK' else 'OK' end,
				  op, case when st in ('CLOSED', 'RESOLVED') then op + (1 + g % 72) * interval '1 hour' end,
				  case when st = 'CLOSED' then op + (1 + g % 72) * interval '1 hour' end, now(), 0
				from (select g, op,
				        case when op + (1 + g % 72) * interval '1 hour' > now() then (array['NEW','TAKEN_IN_CHARGE','IN_PROGRESS','WAITING'])[1 + g % 4]
				             when op > now() - interval '10 days' and g % 5 < 2 then (array['TAKEN_IN_CHARGE','IN_PROGRESS','WAITING'])[1 + g % 3]
				             when g % 400 = 0 then 'IN_PROGRESS' when g % 50 = 1 then 'RESOLVED' else 'CLOSED' end st
				      from (select g, timestamptz '2025-04-01 08:00+02' + (g::float8 / TOTAL) * (now() - timestamptz '2025-04-01 08:00+02') op
				            from generate_series(FIRST::bigint, LAST::bigint) g) a) b"""
			.replace("UAIS", array(uais))
			.replace("COMPONENTS", array(COMPONENTS))
			.replace("PARTIES", array(PARTIES))
			.replace("TOTAL", Integer.toString(total))
			.replace("FIRST", Long.toString(first))
			.replace("LAST", Long.toString(first + n - 1));
	}

	/** Each new ticket's history as the desk writes it: created, taken in charge, resolved, closed; some hand-backs. */
	static String history(long afterId) {
		return """
				insert into ticket_event (ticket_id, at, actor, type, from_status, to_status, detail)
				select id, opened_at, 'college', 'CREATED', null, 'NEW', 'Ouverture' from ticket where id > :after
				union all
				select id, opened_at + (5 + id % 235) * interval '1 minute', 'agent.cd', 'STATUS', 'NEW', 'TAKEN_IN_CHARGE', null
				  from ticket where id > :after and status <> 'NEW' and opened_at + (5 + id % 235) * interval '1 minute' < now()
				union all
				select id, opened_at + interval '3 hours', 'agent.cd', 'HAND_BACK', null, null, 'Renvoi au niveau 1'
				  from ticket where id > :after and id % 40 = 0 and status = 'CLOSED'
				union all
				select id, resolved_at, 'agent.cd', 'STATUS', 'TAKEN_IN_CHARGE', 'RESOLVED', null
				  from ticket where id > :after and resolved_at is not null
				union all
				select id, closed_at, 'college', 'STATUS', 'RESOLVED', 'CLOSED', null
				  from ticket where id > :after and closed_at is not null""".replace(":after", Long.toString(afterId));
	}

	// ---------------------------------------------------------------- measuring

	static void measure(String base, String password, int requests, boolean rebuild, int warmup, boolean year) throws Exception {
		URI root = URI.create(base);
		if (!List.of("127.0.0.1", "localhost").contains(root.getHost())) {
			throw new IllegalArgumentException("loopback only: " + base);
		}
		if (rebuild) {
			HttpClient admin = client();
			long t0 = System.nanoTime();
			HttpResponse<String> r = admin.send(HttpRequest.newBuilder(root.resolve("/api/v1/reporting/rebuild"))
				.timeout(Duration.ofMinutes(30)).header("Authorization", basic("admin", password))
				.header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
			System.out.printf("rebuild: HTTP %d in %.1f s: %s%n", r.statusCode(), (System.nanoTime() - t0) / 1e9, r.body());
		}
		String last = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Paris")).minusMonths(1).toString();
		String lastFrom = last + "-01", lastTo = java.time.YearMonth.parse(last).atEndOfMonth().toString();
		Map<String, String> pages = new java.util.LinkedHashMap<>();
		pages.put("agent.cd /indicateurs (this month)", "/indicateurs");
		pages.put("agent.cd last month", "/indicateurs?from=" + lastFrom + "&to=" + lastTo);
		pages.put("agent.cd last month, party=ACA", "/indicateurs?from=" + lastFrom + "&to=" + lastTo + "&party=ACA");
		pages.put("agent.cd last month, establishment", "/indicateurs?from=" + lastFrom + "&to=" + lastTo + "&establishment="
				+ Uai.withCheckLetter(359903).value());
		pages.put("agent.cd last month, component", "/indicateurs?from=" + lastFrom + "&to=" + lastTo + "&component=BORNES_WIFI");
		if (year) {
			pages.put("agent.cd school year 2025-09-01..today", "/indicateurs?from=2025-09-01");
		}
		pages.put("GET /api/v1/reporting/monthly (last month)", "/api/v1/reporting/monthly?month=" + last);
		HttpClient http = client();
		String auth = basic("agent.cd", password);
		// Warm-up: every page, until the JIT has compiled the paths (not measured).
		for (int i = 0; i < warmup; i++) {
			for (String path : pages.values()) {
				get(http, root, path, auth);
			}
		}
		for (Map.Entry<String, String> p : pages.entrySet()) {
			long[] lat = new long[requests];
			int errors = 0;
			for (int i = 0; i < requests; i++) {
				long t0 = System.nanoTime();
				int status = get(http, root, p.getValue(), auth);
				lat[i] = System.nanoTime() - t0;
				if (status != 200) {
					errors++;
				}
			}
			System.out.printf("%-45s %d req, %d errors; ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n", p.getKey(), requests, errors,
					pct(lat, 50), pct(lat, 95), pct(lat, 99), pct(lat, 100));
		}
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static int get(HttpClient http, URI root, String path, String auth) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
			.header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		return r.statusCode();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static double pct(long[] values, double p) {
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
