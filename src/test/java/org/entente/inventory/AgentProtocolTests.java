package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocols as the real agents speak them, replayed from payloads recorded on this machine
 * (src/test/resources/inventory/agents): GLPI Agent 1.12's first PROLOG and its JSON inventory, FusionInventory
 * 2.6's PROLOG and XML inventory, GLPI Agent's netinventory of a Net-SNMP device; hostile XML refused.
 */
@EntenteTest
class AgentProtocolTests {

	static final String URL = GlpiAgentTests.URL;

	@Autowired
	MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	static String recorded(String name) throws IOException {
		try (InputStream in = new GZIPInputStream(AgentProtocolTests.class.getResourceAsStream("/inventory/agents/" + name))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static final String PROLOG = """
			<?xml version="1.0" encoding="UTF-8" ?>
			<REQUEST>
			  <DEVICEID>vm-2026-12-01-09-13-49</DEVICEID>
			  <QUERY>PROLOG</QUERY>
			  <TOKEN>12345678</TOKEN>
			</REQUEST>
			""";

	MvcTestResult send(String contentType, byte[] body, String... header) {
		var request = mvc.post().uri(URL).contentType(contentType).content(body).with(as("glpi-agent"));
		if (header.length == 2) {
			request = request.header(header[0], header[1]);
		}
		return request.exchange();
	}

	/** Plain XML to the URL that carries the tag, as a network device's message needs. */
	MvcTestResult sendTagged(String xml) {
		return mvc.post().uri(URL + "?tag=0359901X").contentType("application/xml").content(xml.getBytes(StandardCharsets.UTF_8))
			.with(as("glpi-agent")).exchange();
	}

	JsonNode assets(String query) {
		return json.readTree(mvc.get().uri("/api/v1/assets?" + query).with(as("admin")).exchange().getResponse().getContentAsByteArray());
	}

	@Test
	void anAgentWithoutCredentialsIsChallengedWithARealmItsRegexReads() {
		MvcTestResult r = mvc.post().uri(URL).contentType("application/x-compress-zlib").content(new byte[] { 1 }).exchange();
		assertThat(r).hasStatus(HttpStatus.UNAUTHORIZED);
		// FusionInventory reads the realm with /^Basic realm="(.*)"/: nothing may follow the closing quote.
		assertThat(r.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Entente\"");
	}

	@Test
	void glpiAgentsPrologIsAnsweredInJsonSoItSwitchesToTheNativeProtocol() throws Exception {
		MvcTestResult r = send("application/x-compress-zlib", GlpiAgentTests.zlib(PROLOG), "GLPI-Agent-ID",
				"3a4c5e6f-1234-4cde-9abc-0123456789ab");
		assertThat(r).hasStatusOk();
		assertThat(r.getResponse().getContentType()).startsWith("application/json");
		JsonNode body = json.readTree(r.getResponse().getContentAsByteArray());
		assertThat(body.get("status").asString()).isEqualTo("ok");
		assertThat(body.get("expiration").asInt()).isEqualTo(24);
	}

	@Test
	void fusionInventorysPrologStartsItsInventoryTask() throws Exception {
		// zlib (its default), gzip (its --compression option) and plain XML (-C, --no-compression).
		String[] types = { "application/x-compress-zlib", "application/x-compress-gzip", "application/xml" };
		byte[][] bodies = { GlpiAgentTests.zlib(PROLOG), GlpiAgentTests.gzip(PROLOG), PROLOG.getBytes(StandardCharsets.UTF_8) };
		for (int i = 0; i < types.length; i++) {
			MvcTestResult r = send(types[i], bodies[i]);
			assertThat(r).hasStatusOk();
			assertThat(r.getResponse().getContentType()).startsWith("application/xml");
			assertThat(r.getResponse().getContentAsString()).contains("<PROLOG_FREQ>24</PROLOG_FREQ>").contains("<RESPONSE>SEND</RESPONSE>");
		}
	}

	@Test
	void recordedInventoriesOfBothAgentsCreateThenUpdateOneAssetEach() throws Exception {
		String u = UUID.randomUUID().toString().substring(0, 8);
		// GLPI Agent's JSON inventory, as it sent it, with its tag 0359901X; a device id of this test's own.
		String glpi = recorded("glpi-agent-1.12-computer.json.gz").replace("vm-2026-12-01-09-17-27", "ga-" + u);
		assertThat(send("application/x-compress-zlib", GlpiAgentTests.zlib(glpi))).hasStatusOk();
		assertThat(send("application/json", glpi.getBytes(StandardCharsets.UTF_8))).hasStatusOk();
		// FusionInventory's XML inventory (ACCOUNTINFO TAG = 0359901X), zlib as the agent sends it, then plain.
		String fusion = recorded("fusioninventory-2.6-computer.xml.gz").replace("vm-2026-12-01-09-13-49", "fi-" + u);
		MvcTestResult first = send("application/x-compress-zlib", GlpiAgentTests.zlib(fusion));
		assertThat(first).hasStatusOk();
		assertThat(first.getResponse().getContentAsString()).contains("<REPLY>");
		assertThat(send("application/xml", fusion.getBytes(StandardCharsets.UTF_8))).hasStatusOk();

		for (String device : new String[] { "ga-" + u, "fi-" + u }) {
			JsonNode items = assets("uai=0359901X&size=100&name=vm").get("items");
			long matching = 0;
			for (JsonNode a : items) {
				if (device.equals(a.path("deviceId").asString())) {
					matching++;
					assertThat(a.get("uai").asString()).isEqualTo("0359901X");
					assertThat(a.get("component").asString()).isEqualTo("STATIONS_PEDAGOGIQUES");
				}
			}
			assertThat(matching).as("assets of agent %s", device).isEqualTo(1);
		}
	}

	@Test
	void netinventoryOfASwitchAPrinterAndAnAccessPointGivesTheConventionsComponents() throws Exception {
		String u = UUID.randomUUID().toString().substring(0, 6).toLowerCase();
		String mac = "02:fc:00:" + u.substring(0, 2) + ":" + u.substring(2, 4) + ":" + u.substring(4, 6);
		String sw = recorded("glpi-netinventory-1.12-switch.xml.gz").replace("02:fc:00:00:00:01", mac);
		MvcTestResult r = mvc.post().uri(URL + "?tag=0359901X").contentType("application/x-compress-zlib")
			.content(GlpiAgentTests.zlib(sw)).with(as("glpi-agent")).exchange();
		assertThat(r).hasStatusOk();
		JsonNode items = assets("uai=0359901X&size=100&name=switch-0359901X-coeur").get("items");
		JsonNode found = null;
		for (JsonNode a : items) {
			if (("snmp:" + mac).equals(a.path("deviceId").asString())) {
				found = a;
			}
		}
		assertThat(found).as("the switch's asset").isNotNull();
		assertThat(found.get("component").asString()).isEqualTo("ELEMENTS_ACTIFS");
		assertThat(found.get("network").asString()).isEqualTo("TECHNICAL");
		assertThat(found.get("manufacturer").asString()).isEqualTo("Cisco");

		String printer = sw.replace("<TYPE>NETWORKING</TYPE>", "<TYPE>PRINTER</TYPE>").replace(mac, mac.replace("02:fc", "02:fd"))
			.replace("switch-0359901X-coeur", "imprimante-cdi-" + u);
		assertThat(sendTagged(printer)).hasStatusOk();
		assertThat(assets("uai=0359901X&size=10&name=imprimante-cdi-" + u).get("items").get(0).get("component").asString())
			.isEqualTo("IMPRESSION_PEDAGOGIQUE");

		String ap = sw.replace("Catalyst 2960S Software", "Aironet 1832I").replace(mac, mac.replace("02:fc", "02:fe"))
			.replace("switch-0359901X-coeur", "borne-b2-" + u);
		assertThat(sendTagged(ap)).hasStatusOk();
		assertThat(assets("uai=0359901X&size=10&name=borne-b2-" + u).get("items").get(0).get("component").asString())
			.isEqualTo("BORNES_WIFI");

		// A UPS is not inventoried: kept as a report, said in the answer, no asset.
		String ups = sw.replace("<TYPE>NETWORKING</TYPE>", "<TYPE>POWER</TYPE>").replace(mac, mac.replace("02:fc", "02:ff"))
			.replace("switch-0359901X-coeur", "onduleur-" + u);
		assertThat(sendTagged(ups)).hasStatusOk();
		assertThat(assets("uai=0359901X&size=10&name=onduleur-" + u).get("items")).isEmpty();
		JsonNode reports = json.readTree(mvc.get().uri("/api/v1/inventory/agent-reports?uai=0359901X").with(as("agent.cd"))
			.exchange().getResponse().getContentAsByteArray());
		assertThat(reports.toString()).contains("SNMP POWER").contains("onduleur-" + u);
	}

	@Test
	void netdiscoveryAndNetinventoryOfOneDeviceGiveOneAsset() throws Exception {
		String u = UUID.randomUUID().toString().substring(0, 6).toLowerCase();
		String mac = "02:fb:00:" + u.substring(0, 2) + ":" + u.substring(2, 4) + ":" + u.substring(4, 6);
		String discovered = recorded("glpi-netdiscovery-1.12-switch.xml.gz").replace("02:fc:00:00:00:01", mac)
			.replace("switch-0359901X-coeur", "commutateur-" + u);
		assertThat(sendTagged(discovered)).hasStatusOk();
		String inventoried = recorded("glpi-netinventory-1.12-switch.xml.gz").replace("02:fc:00:00:00:01", mac)
			.replace("switch-0359901X-coeur", "commutateur-" + u);
		assertThat(sendTagged(inventoried)).hasStatusOk();
		JsonNode items = assets("uai=0359901X&size=10&name=commutateur-" + u).get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("deviceId").asString()).isEqualTo("snmp:" + mac);
		assertThat(items.get(0).get("component").asString()).isEqualTo("ELEMENTS_ACTIFS");
	}

	@Test
	void hostileXmlIsRefusedAndWritesNothing() throws Exception {
		String u = UUID.randomUUID().toString().substring(0, 8);
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<REQUEST><QUERY>INVENTORY</QUERY><DEVICEID>xxe-%s</DEVICEID><CONTENT><HARDWARE><NAME>&x;</NAME></HARDWARE>
				<ACCOUNTINFO><KEYNAME>TAG</KEYNAME><KEYVALUE>0359901X</KEYVALUE></ACCOUNTINFO></CONTENT></REQUEST>
				""".formatted(u);
		assertProblem(send("application/xml", xxe.getBytes(StandardCharsets.UTF_8)), "DOCTYPE");
		String laughs = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<REQUEST><QUERY>INVENTORY</QUERY><DEVICEID>lol-%s</DEVICEID><CONTENT><HARDWARE><NAME>&lol3;</NAME></HARDWARE></CONTENT></REQUEST>
				""".formatted(u);
		assertProblem(send("application/x-compress-zlib", GlpiAgentTests.zlib(laughs)), "DOCTYPE");
		String deep = "<REQUEST><QUERY>INVENTORY</QUERY><CONTENT>" + "<A>".repeat(40) + "x" + "</A>".repeat(40) + "</CONTENT></REQUEST>";
		assertProblem(send("application/xml", deep.getBytes(StandardCharsets.UTF_8)), "imbrication");
		assertProblem(send("application/xml", "<REQUEST><QUERY>INVENTORY".getBytes(StandardCharsets.UTF_8)), "XML");
		assertProblem(send("application/xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8)), "REQUEST");
		assertProblem(send("application/xml", "<REQUEST><QUERY>UPDATE</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8)), "UPDATE");
		assertThat(assets("uai=0359901X&size=100").toString()).doesNotContain("xxe-" + u).doesNotContain("lol-" + u)
			.doesNotContain("root:");
	}

	void assertProblem(MvcTestResult r, String detailContains) {
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(json.readTree(r.getResponse().getContentAsByteArray()).get("detail").asString()).contains(detailContains);
	}
}
