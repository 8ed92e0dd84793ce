package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The GLPI 10 native protocol as GLPI Agent speaks it: JSON, zlib or gzip, HTTP Basic, tag = UAI. */
@EntenteTest
class GlpiAgentTests {

	static final String URL = "/api/v1/inventory/glpi-agent";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	org.entente.inventory.internal.InventoryReports reports;

	private final JsonMapper json = JsonMapper.builder().build();

	/** A Computer inventory shaped like the agent's (glpi-project/inventory_format), trimmed to common sections. */
	static String inventory(String deviceId, String serial, String name, String tag) {
		return """
				{"action":"inventory","deviceid":"%s","itemtype":"Computer","tag":"%s",
				 "content":{
				   "versionclient":"GLPI-Agent_v1.11",
				   "hardware":{"name":"%s","uuid":"4C4C4544-0051-3510-8048-B4C04F4E5A32","chassis_type":"Desktop",
				               "memory":16384,"workgroup":"PEDA","dns":"10.35.1.1"},
				   "bios":{"ssn":"%s","smanufacturer":"Dell Inc.","smodel":"OptiPlex 7010","bmanufacturer":"Dell Inc.",
				           "bversion":"1.18.0","bdate":"2024-03-12","mmanufacturer":"Dell Inc.","msn":"/8Q5ZN2/CNCMK0034P00AB/"},
				   "operatingsystem":{"full_name":"Microsoft Windows 11 Éducation","version":"23H2","arch":"64-bit"},
				   "cpus":[{"name":"Intel(R) Core(TM) i5-13500","core":14,"thread":20,"speed":2500}],
				   "memories":[{"capacity":8192,"type":"DDR5","numslots":1},{"capacity":8192,"type":"DDR5","numslots":2}],
				   "networks":[{"description":"Intel(R) Ethernet Connection","ipaddress":"10.35.12.41","macaddr":"b0:4f:13:0a:22:c1","status":"Up"}],
				   "storages":[{"name":"NVMe SSD","disksize":512110,"serial":"S6Z2NF0W123456"}],
				   "softwares":[{"name":"LibreOffice","version":"24.8.4","publisher":"The Document Foundation"},
				                {"name":"GeoGebra Classic","version":"6.0.8","publisher":"International GeoGebra Institute"}]
				 }}""".formatted(deviceId, tag, name, serial);
	}

	static byte[] zlib(String s) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
			z.write(s.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	static byte[] gzip(String s) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream z = new GZIPOutputStream(out)) {
			z.write(s.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	MvcTestResult send(String user, String contentType, byte[] body) {
		return mvc.post().uri(URL).contentType(contentType).content(body).with(as(user)).exchange();
	}

	JsonNode body(MvcTestResult r) {
		return json.readTree(r.getResponse().getContentAsByteArray());
	}

	int countSerial(String serial) {
		var r = mvc.get().uri("/api/v1/assets?serial=" + serial).with(as("admin")).exchange();
		return body(r).get("items").size();
	}

	@Test
	void contactIsAnsweredWithTheInventoryTask() throws Exception {
		String contact = """
				{"action":"contact","deviceid":"pc-b204-07-2025-11-28-10-00-00","name":"GLPI-Agent","version":"1.11",
				 "installed-tasks":["inventory","deploy","collect"],"enabled-tasks":["inventory"],"tag":"0359901X"}""";
		var r = send("glpi-agent", "application/x-compress-zlib", zlib(contact));
		assertThat(r).hasStatusOk();
		JsonNode reply = body(r);
		assertThat(reply.get("status").asString()).isEqualTo("ok");
		assertThat(reply.get("expiration").asInt()).isEqualTo(24);
		assertThat(reply.at("/tasks/inventory/params/0/category").asString()).isEqualTo("hardware");
	}

	@Test
	void inventoryCreatesThenUpdatesTheAssetMatchedBySerialOrDeviceId() throws Exception {
		String u = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String device = "pc-" + u + "-2025-11-28-10-00-00";
		var created = send("glpi-agent", "application/x-compress-zlib", zlib(inventory(device, "GLPI" + u, "PEDA-0359901X-B204-01", "0359901X")));
		assertThat(created).hasStatusOk();
		JsonNode report = body(created);
		assertThat(report.get("status").asString()).isEqualTo("ok");
		assertThat(report.at("/entente/created").asBoolean()).isTrue();
		assertThat(report.at("/entente/warnings").size()).isZero();
		long id = report.at("/entente/asset").asLong();

		// Same machine, renamed, sent gzip: matched by serial, the report says what changed.
		var renamed = send("glpi-agent", "application/x-compress-gzip", gzip(inventory(device, "GLPI" + u, "POSTE-PROF", "0359901X")));
		assertThat(renamed).hasStatusOk();
		JsonNode r2 = body(renamed);
		assertThat(r2.at("/entente/asset").asLong()).isEqualTo(id);
		assertThat(r2.at("/entente/created").asBoolean()).isFalse();
		assertThat(r2.at("/entente/changes/0/field").asString()).isEqualTo("name");
		assertThat(r2.at("/entente/changes/0/after").asString()).isEqualTo("POSTE-PROF");
		assertThat(r2.at("/entente/warnings/0").asString()).contains("ne respecte pas");
		assertThat(reports.namingViolations(org.entente.inventory.internal.InventoryPermissions.Scope.ALL))
			.anyMatch(v -> v.asset().id() == id && v.message().contains("POSTE-PROF"));

		// BIOS without a usable serial: matched by device id, plain JSON.
		var noSerial = send("admin", "application/json", inventory(device, "To be filled by O.E.M.", "POSTE-PROF", "0359901X")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(noSerial).hasStatusOk();
		assertThat(body(noSerial).at("/entente/asset").asLong()).isEqualTo(id);
		assertThat(body(noSerial).at("/entente/changes").size()).isZero();

		var history = body(mvc.get().uri("/api/v1/assets/" + id + "/history").with(as("agent.cd")).exchange());
		assertThat(history.get(0).get("source").asString()).isEqualTo("GLPI");
		assertThat(history.get(0).get("by").asString()).isEqualTo("glpi-agent");
	}

	@Test
	void hostileOrMalformedPayloadsAreRefusedAndChangeNothing() throws Exception {
		String u = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String good = inventory("pc-" + u, "BAD" + u, "PEDA-0359901X-B204-02", "0359901X");

		// Zip bomb: 9 MB of zeros in a string compresses to a few kilobytes.
		String bomb = good.replace("\"Desktop\"", "\"" + "0".repeat(9 * 1024 * 1024) + "\"");
		assertProblem(send("glpi-agent", "application/x-compress-zlib", zlib(bomb)), HttpStatus.BAD_REQUEST, "bombe");
		// Beyond 10 MB once decompressed.
		String huge = good.replace("\"Desktop\"", "\"" + "0".repeat(11 * 1024 * 1024) + "\"");
		assertProblem(send("glpi-agent", "application/x-compress-gzip", gzip(huge)), HttpStatus.BAD_REQUEST, "bombe");
		// A field of 100 KB (not compressible enough to be a bomb, too long for a field).
		StringBuilder noise = new StringBuilder();
		java.util.Random random = new java.util.Random(1);
		while (noise.length() < 100_000) {
			noise.append(Integer.toString(random.nextInt(), 36));
		}
		assertProblem(send("glpi-agent", "application/json", good.replace("\"Desktop\"", "\"" + noise + "\"")
			.getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "limite");
		// A name of 300 characters: a field error.
		assertProblem(send("glpi-agent", "application/json", good.replace("PEDA-0359901X-B204-02", "N".repeat(300))
			.getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "name");
		// Bad JSON, bad compression, wrong type, unknown or invalid UAI, a cité scolaire, unknown action.
		assertProblem(send("glpi-agent", "application/json", "{\"action\":\"inventory\",".getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, "JSON");
		assertProblem(send("glpi-agent", "application/x-compress-zlib", "pas du zlib".getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, "zlib");
		// XML is the FusionInventory protocol now (AgentProtocolTests); a request without QUERY says so, an HTML body is refused.
		assertProblem(send("glpi-agent", "application/xml", "<REQUEST/>".getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, "QUERY");
		assertProblem(send("glpi-agent", "text/html", "<html/>".getBytes(StandardCharsets.UTF_8)),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "text/html");
		assertProblem(send("glpi-agent", "application/json", good.replace("\"tag\":\"0359901X\"", "\"tag\":\"0359901A\"")
			.getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "lettre de contrôle");
		assertProblem(send("glpi-agent", "application/json", good.replace("\"tag\":\"0359901X\"", "\"tag\":\"0350000K\"")
			.getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "Aucun établissement");
		assertProblem(send("glpi-agent", "application/json", good.replace("\"tag\":\"0359901X\"", "\"tag\":\"0359990U\"")
			.getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "cité scolaire");
		assertProblem(send("glpi-agent", "application/json", "{\"action\":\"rm -rf\"}".getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, "non prise en charge");
		assertThat(countSerial("BAD" + u)).isZero();

		// Only inventory agents and administrators may send.
		assertThat(send("college", "application/json", good.getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(send("agent.cd", "application/json", good.getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(URL).contentType("application/json").content(good).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(countSerial("BAD" + u)).isZero();
	}

	void assertProblem(MvcTestResult r, HttpStatus status, String detailContains) {
		assertThat(r).hasStatus(status);
		assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(body(r).get("detail").asString()).contains(detailContains);
	}
}
