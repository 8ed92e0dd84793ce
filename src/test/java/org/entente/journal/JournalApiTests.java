package org.entente.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.entente.EntenteTest;
import org.entente.journal.internal.JournalRuntime;
import org.entente.journal.internal.export.ExportVerifier;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.TreeHead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The journal's API end to end: logger and UDP in, search, export byte for byte with a proof, access and custody. */
@EntenteTest
class JournalApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JournalRuntime runtime;

	@TempDir
	Path tmp;

	static int tcp;
	static int udp;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void receivers() throws IOException {
		if (tcp == 0 || runtime.tcpPort() == 0 && tcp == 0) {
			tcp = runtime.receivers().startTcp(InetAddress.getLoopbackAddress(), 0, null, false);
			udp = runtime.receivers().startUdp(InetAddress.getLoopbackAddress(), 0);
		}
	}

	private HttpResponse<byte[]> get(String user, String path) throws Exception {
		HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + EntenteTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build();
		return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
	}

	private JsonNode json(HttpResponse<byte[]> r) {
		return JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private String period() {
		return "from=" + enc(Instant.now().minusSeconds(3600).toString()) + "&to=" + enc(Instant.now().plusSeconds(3600).toString());
	}

	private static void logger(String... args) throws Exception {
		String[] cmd = new String[args.length + 1];
		cmd[0] = "logger";
		System.arraycopy(args, 0, cmd, 1, args.length);
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).isZero();
	}

	@Test
	void linesFromLoggerAndUdpAreFoundAndExportedByteForByteWithAProof() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		logger("--tcp", "-n", "127.0.0.1", "-P", String.valueOf(tcp), "-t", "squid", "user=eleve." + tag + " GET http://example.org/ " + tag + "-tcp");
		byte[] udpLine = ("<134>1 2026-12-01T10:00:00.000Z fw-0359901X dhcpd - - - " + tag + "-udp dst=10.35.1.20 é").getBytes(StandardCharsets.UTF_8);
		try (DatagramSocket d = new DatagramSocket()) {
			d.send(new DatagramPacket(udpLine, udpLine.length, InetAddress.getLoopbackAddress(), udp));
		}
		String q = period() + "&q=" + tag;
		JsonNode found = await().atMost(Duration.ofSeconds(10)).until(() -> json(get("journal", "/api/v1/journal/lines?" + q)),
				j -> j.get("total").asLong() == 2);
		assertThat(found.get("lines")).hasSize(2);
		JsonNode first = found.get("lines").get(0);
		JsonNode tcpLine = first.get("raw").asString().endsWith("-tcp") ? first : found.get("lines").get(1);
		JsonNode udpNode = tcpLine == first ? found.get("lines").get(1) : first;
		assertThat(tcpLine.get("raw").asString()).startsWith("<13>1 ").endsWith(tag + "-tcp");
		assertThat(tcpLine.get("sender").asString()).isEqualTo("127.0.0.1");
		assertThat(tcpLine.has("index")).isTrue();
		assertThat(tcpLine.has("receivedAt")).isTrue();
		assertThat(udpNode.get("raw").asString()).isEqualTo(new String(udpLine, StandardCharsets.UTF_8));

		// by establishment (the demo plan puts the loopback in the first demo collège) and by user
		assertThat(json(get("journal", "/api/v1/journal/lines?" + q + "&establishment=0359901X")).get("total").asLong()).isEqualTo(2);
		assertThat(json(get("journal", "/api/v1/journal/lines?" + q + "&establishment=0359902Y")).get("total").asLong()).isZero();
		assertThat(json(get("journal", "/api/v1/journal/lines?" + period() + "&user=eleve." + tag)).get("total").asLong()).isEqualTo(1);
		assertThat(json(get("journal", "/api/v1/journal/lines?" + period() + "&host=fw-0359901X&q=" + tag)).get("total").asLong()).isEqualTo(1);

		HttpResponse<byte[]> export = get("rssi", "/api/v1/journal/export?" + q + "&purpose=" + enc("Réquisition test " + tag)
				+ "&requisition=RJ-" + tag);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, byte[]> entries = unzip(export.body());
		assertThat(entries.keySet()).contains("lines.log", "manifest.json", "tree-head.json", "proof.json", "lines.jsonl");
		byte[] lines = entries.get("lines.log");
		String text = new String(lines, StandardCharsets.UTF_8);
		assertThat(text).contains(new String(udpLine, StandardCharsets.UTF_8) + "\n").contains(tag + "-tcp\n");
		assertThat(text.split("\n")).hasSize(2);
		JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
		assertThat(manifest.get("lines").asLong()).isEqualTo(2);
		assertThat(manifest.get("purpose").asString()).isEqualTo("Réquisition test " + tag);

		Path zip = tmp.resolve("export.zip");
		Files.write(zip, export.body());
		ExportVerifier.Report ok = ExportVerifier.verify(zip, null);
		assertThat(ok.ok()).as(ok.messages().toString()).isTrue();
		assertThat(ok.lines()).isEqualTo(2);

		// one changed byte in lines.log, and the standalone check says so
		Map<String, byte[]> tampered = new HashMap<>(entries);
		byte[] changed = lines.clone();
		changed[changed.length - 3] ^= 1;
		tampered.put("lines.log", changed);
		Path bad = tmp.resolve("tampered.zip");
		Files.write(bad, zip(tampered));
		assertThat(ExportVerifier.verify(bad, null).ok()).isFalse();
		// a line removed from the archive
		Map<String, byte[]> removed = new HashMap<>(entries);
		String[] parts = text.split("\n");
		removed.put("lines.log", (parts[1] + "\n").getBytes(StandardCharsets.UTF_8));
		Path bad2 = tmp.resolve("removed.zip");
		Files.write(bad2, zip(removed));
		assertThat(ExportVerifier.verify(bad2, null).ok()).isFalse();

		// the jar's command, in a JVM of its own with no database: java -cp … EntenteApplication journal verify x.zip
		assertThat(standalone(zip)).isZero();
		assertThat(standalone(bad)).isEqualTo(1);

		// the custody log holds the search and the export, for the DPOs
		JsonNode custody = json(get("dpd", "/api/v1/journal/custody?size=200"));
		assertThat(custody.get("items").toString()).contains("Réquisition test " + tag).contains("RJ-" + tag).contains("\"EXPORT\"")
			.contains("\"SEARCH\"");
	}

	private int standalone(Path zip) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.entente.EntenteApplication",
				"journal", "verify", zip.toString()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(out).doesNotContain("Spring").doesNotContain("HikariPool");
		return p.exitValue();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> m = new java.util.LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				m.put(e.getName(), in.readAllBytes());
			}
		}
		assertThat(m.keySet().iterator().next()).isEqualTo("lines.log");
		return m;
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(o)) {
			for (var e : entries.entrySet()) {
				z.putNextEntry(new ZipEntry(e.getKey()));
				z.write(e.getValue());
				z.closeEntry();
			}
		}
		return o.toByteArray();
	}

	@Autowired
	org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

	@Test
	void aRequisitionOfTheSecurityModuleIsAnsweredFromTheJournal() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		logger("--tcp", "-n", "127.0.0.1", "-P", String.valueOf(tcp), "-t", "squid", "requisition " + tag);
		await().atMost(Duration.ofSeconds(10)).until(() -> json(get("journal", "/api/v1/journal/lines?" + period() + "&q=" + tag))
			.get("total").asLong() == 1);
		String body = """
				{"requestedBy":"RSSI de l'Académie","reference":"PV-%s","legalBasis":"Réquisition judiciaire, art. 60-1 du code de procédure pénale",
				 "scope":"Accès à internet depuis 127.0.0.1","from":"%s","to":"%s","address":"127.0.0.1","establishment":"0359901X",
				 "deadline":"%s"}""".formatted(tag, Instant.now().minusSeconds(600), Instant.now().plusSeconds(600), Instant.now().plusSeconds(86400));
		var recorded = mvc.post().uri("/api/v1/security/requisitions").with(org.entente.TestAccounts.as("rssi"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(recorded.getResponse().getStatus()).isEqualTo(201);
		long id = JSON.readTree(recorded.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
		String answer = "/api/v1/security/requisitions/" + id + "/answer";
		// a CD agent answers requisitions but may not export the journal
		assertThat(mvc.post().uri(answer).with(org.entente.TestAccounts.as("agent.cd")).multipart().param("source", "Journal des connexions")
			.exchange().getResponse().getStatus()).isEqualTo(403);
		var answered = mvc.post().uri(answer).with(org.entente.TestAccounts.as("dpo")).multipart()
			.param("source", "Journal des connexions").exchange();
		String json = answered.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(answered.getResponse().getStatus()).as(json).isEqualTo(200);
		assertThat(JSON.readTree(json).get("answerFilename").asString()).isEqualTo("journal-requisition-" + id + ".zip");
		assertThat(JSON.readTree(json).get("answerNote").asString()).contains("Journal des connexions", "SHA-256");
		byte[] zip = mvc.get().uri(answer).with(org.entente.TestAccounts.as("rssi")).exchange().getResponse().getContentAsByteArray();
		assertThat(new String(unzip(zip).get("lines.log"), StandardCharsets.UTF_8)).contains("requisition " + tag + "\n");
		Path file = tmp.resolve("requisition.zip");
		Files.write(file, zip);
		assertThat(ExportVerifier.verify(file, null).ok()).isTrue();
		assertThat(json(get("dpo", "/api/v1/journal/custody?size=200")).get("items").toString()).contains("PV-" + tag);
	}

	@Test
	void retentionComesFromTheConventionFile() throws Exception {
		JsonNode status = json(get("journal", "/api/v1/journal/status"));
		assertThat(status.get("retention").asString()).isEqualTo("P1Y");
		assertThat(status.get("retentionFromConvention").asBoolean()).isTrue();
		assertThat(status.get("retentionClause").asString()).contains("Conservation des données");
	}

	@Test
	void onlyTheJournalRolesGetIn() throws Exception {
		String p = "/api/v1/journal/lines?" + period();
		assertThat(get("journal", p).statusCode()).isEqualTo(200);
		assertThat(get("admin", p).statusCode()).isEqualTo(200);
		for (String u : new String[] { "agent.cd", "rssi", "dpo", "dpd", "college" }) {
			assertThat(get(u, p).statusCode()).as(u).isEqualTo(403);
		}
		String e = "/api/v1/journal/export?" + period() + "&purpose=test";
		for (String u : new String[] { "journal", "rssi", "dpo", "admin" }) {
			HttpResponse<byte[]> r = get(u, e);
			assertThat(r.statusCode()).as(u).isEqualTo(200);
		}
		for (String u : new String[] { "dpd", "agent.cd", "agent.aca", "college" }) {
			assertThat(get(u, e).statusCode()).as(u).isEqualTo(403);
		}
		assertThat(get("dpd", "/api/v1/journal/custody").statusCode()).isEqualTo(200);
		assertThat(get("dpo", "/api/v1/journal/custody").statusCode()).isEqualTo(200);
		assertThat(get("journal", "/api/v1/journal/custody").statusCode()).isEqualTo(403);
	}

	@Test
	void badParametersAreNamedAndNothingIsWritten() throws Exception {
		JsonNode noFrom = json(get("journal", "/api/v1/journal/lines?to=2026-12-01"));
		assertThat(noFrom.get("status").asInt()).isEqualTo(400);
		assertThat(noFrom.get("parameter").asString()).isEqualTo("from");
		assertThat(json(get("journal", "/api/v1/journal/lines?from=hier&to=2026-12-01")).get("parameter").asString()).isEqualTo("from");
		assertThat(json(get("journal", "/api/v1/journal/lines?from=2026-12-02&to=2026-12-01")).get("parameter").asString()).isEqualTo("to");
		assertThat(json(get("journal", "/api/v1/journal/lines?" + period() + "&establishment=123")).get("parameter").asString())
			.isEqualTo("establishment");
		assertThat(json(get("journal", "/api/v1/journal/lines?" + period() + "&size=5000")).get("parameter").asString()).isEqualTo("size");
		HttpResponse<byte[]> noPurpose = get("rssi", "/api/v1/journal/export?" + period());
		assertThat(noPurpose.statusCode()).isEqualTo(400);
		assertThat(json(noPurpose).get("parameter").asString()).isEqualTo("purpose");
		assertThat(json(get("journal", "/api/v1/journal/consistency?first=0&second=1")).get("parameter").asString()).isEqualTo("first");
	}

	@Test
	void verifyTreeHeadAndConsistency() throws Exception {
		JsonNode v = json(get("journal", "/api/v1/journal/verify"));
		assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
		assertThat(v.has("lines")).isTrue();
		assertThat(v.has("treeSize")).isTrue();
		assertThat(v.has("rootHash")).isTrue();
		assertThat(v.has("firstBadIndex")).isFalse();
		JsonNode h = json(get("rssi", "/api/v1/journal/tree-head"));
		TreeHead head = TreeHead.parse(h.toString());
		assertThat(head.verify(SigningKey.decodePublic(h.get("publicKey").asString()))).isTrue();
		if (head.treeSize() >= 2) {
			JsonNode c = json(get("journal", "/api/v1/journal/consistency?first=1&second=" + head.treeSize()));
			assertThat(c.get("hashes").size()).isPositive();
		}
		assertThat(get("college", "/api/v1/journal/tree-head").statusCode()).isEqualTo(403);
		JsonNode status = json(get("journal", "/api/v1/journal/status"));
		assertThat(status.has("udpDropped")).isTrue();
	}

}
