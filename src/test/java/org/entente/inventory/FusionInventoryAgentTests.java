package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real FusionInventory agent (Debian's fusioninventory-agent 2.6, installed by .ci/run) inventories this
 * machine into the collège of its tag over loopback, configured as docs/inventory.md says: PROLOG, 401 challenge,
 * credentials, XML inventory; a second run updates the same asset instead of creating another. Skipped where the
 * agent is not installed, unless ENTENTE_REQUIRE_AGENTS=true (CI).
 */
@EntenteTest
class FusionInventoryAgentTests {

	static final String AGENT = "/usr/bin/fusioninventory-agent";
	private static final Pattern NEW_INVENTORY = Pattern.compile("New inventory from (\\S+) for ");

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theRealAgentInventoriesThisMachineIntoItsCollegeThenUpdatesIt() throws Exception {
		boolean installed = new File(AGENT).canExecute();
		if (!installed && "true".equals(System.getenv("ENTENTE_REQUIRE_AGENTS"))) {
			throw new AssertionError(AGENT + " est requis (ENTENTE_REQUIRE_AGENTS=true) : apt-get install fusioninventory-agent");
		}
		Assumptions.assumeTrue(installed, "fusioninventory-agent n'est pas installé");

		String deviceId = run();
		JsonNode first = assetOf(deviceId);
		assertThat(first.get("uai").asString()).isEqualTo("0359901X");
		assertThat(first.get("component").asString()).isEqualTo("STATIONS_PEDAGOGIQUES");
		String observedName = first.get("name").asString();

		// A person renames it; the next inventory brings back what the agent observes, on the same asset.
		String body = first.toString().replace("\"name\":\"" + observedName + "\"", "\"name\":\"PEDA-0359901X-B204-07\"");
		assertThat(mvc.put().uri("/api/v1/assets/" + first.get("id").asLong()).contentType("application/json")
			.header("If-Match", "\"" + first.get("version").asLong() + "\"").content(body).with(as("admin")).exchange())
			.hasStatusOk();
		assertThat(run()).isEqualTo(deviceId);
		JsonNode second = assetOf(deviceId);
		assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
		assertThat(second.get("name").asString()).isEqualTo(observedName);
		assertThat(second.get("version").asLong()).isGreaterThan(first.get("version").asLong() + 1);
	}

	/** Runs the agent once against this test's server; returns its device id, read from its log. */
	private String run() throws Exception {
		Process p = new ProcessBuilder(AGENT, "--server=http://127.0.0.1:" + port + "/api/v1/inventory/glpi-agent",
				"--tag=0359901X", "--user=glpi-agent", "--password=" + EntenteTest.PASSWORD, "--tasks=inventory", "--force",
				"--no-httpd", "--logger=stderr", "--no-category=software,process,environment,user,local_user,local_group")
			.redirectErrorStream(true)
			.start();
		p.getOutputStream().close();
		byte[] out = p.getInputStream().readAllBytes();
		assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("agent finished").isTrue();
		String log = new String(out, StandardCharsets.UTF_8);
		assertThat(p.exitValue()).as(log).isZero();
		assertThat(log).doesNotContain("[error]").contains("sending prolog request");
		Matcher m = NEW_INVENTORY.matcher(log);
		assertThat(m.find()).as(log).isTrue();
		return m.group(1);
	}

	private JsonNode assetOf(String deviceId) {
		JsonNode items = json.readTree(mvc.get().uri("/api/v1/assets?uai=0359901X&size=100").with(as("admin")).exchange()
			.getResponse().getContentAsByteArray()).get("items");
		List<JsonNode> mine = new java.util.ArrayList<>();
		items.forEach(a -> {
			if (deviceId.equals(a.path("deviceId").asString())) {
				mine.add(a);
			}
		});
		assertThat(mine).as("assets of agent %s", deviceId).hasSize(1);
		return mine.get(0);
	}
}
