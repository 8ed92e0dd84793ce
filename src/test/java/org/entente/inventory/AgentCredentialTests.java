package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inventory agent's credential bound to one collège sends that collège's inventory only; no agent inventory moves
 * an asset to another establishment or touches one its party does not manage: refused, reported, left as it was.
 */
@EntenteTest
class AgentCredentialTests {

	@Autowired
	MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	JsonNode body(MvcTestResult r) {
		return json.readTree(r.getResponse().getContentAsByteArray());
	}

	/** The token an administrator gives a collège's agents (the account's password, stored hashed). */
	static final String TOKEN = "jeton d'agent du collège " + UUID.randomUUID();

	MvcTestResult send(String user, String deviceId, String serial, String name, String tag) {
		return mvc.post().uri(GlpiAgentTests.URL).contentType("application/json")
			.content(GlpiAgentTests.inventory(deviceId, serial, name, tag).getBytes(StandardCharsets.UTF_8))
			.with(user.startsWith("agent-") ? httpBasic(user, TOKEN) : as(user)).exchange();
	}

	JsonNode bySerial(String serial) {
		return body(mvc.get().uri("/api/v1/assets?serial=" + serial).with(as("admin")).exchange()).get("items");
	}

	@Test
	void aBoundCredentialSendsItsOwnCollegeOnly() throws Exception {
		String s = unique();
		String agent = "agent-0359901x-" + s.toLowerCase();
		var created = mvc.post().uri("/api/v1/accounts").contentType("application/json").content("""
				{"username":"%s","displayName":"GLPI Agent du collège 0359901X","role":"INVENTORY_AGENT","party":"CD",
				 "establishment":"0359901X","password":"%s"}""".formatted(agent, TOKEN)).with(as("admin")).exchange();
		assertThat(created).hasStatus(201);

		var foreign = send(agent, "dev-" + s + "-1", "SN-AG-" + s + "-1", "PEDA-0359902Y-B101-01", "0359902Y");
		assertThat(foreign).hasStatus(403);
		assertThat(foreign.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(body(foreign).get("detail").asString()).contains("0359901X");
		assertThat(bySerial("SN-AG-" + s + "-1").size()).isZero();

		assertThat(send(agent, "dev-" + s + "-2", "SN-AG-" + s + "-2", "PEDA-0359901X-B101-02", "0359901X")).hasStatusOk();
		assertThat(bySerial("SN-AG-" + s + "-2").get(0).get("uai").asString()).isEqualTo("0359901X");

		// Revoked: the administrator disables the account, its token no longer opens anything.
		assertThat(mvc.patch().uri("/api/v1/accounts/" + agent).contentType("application/json").content("{\"enabled\":false}")
			.with(as("admin")).exchange()).hasStatusOk();
		assertThat(send(agent, "dev-" + s + "-2", "SN-AG-" + s + "-2", "PEDA-0359901X-B101-02", "0359901X")).hasStatus(401);
	}

	@Test
	void anAgentInventoryNeverMovesAnAssetNorTouchesAnotherPartys() throws Exception {
		String s = unique();
		String csv = AssetApiTests.HEADER
				+ "0359902Y,STATIONS_PEDAGOGIQUES,PEDAGOGICAL,PEDA-0359902Y-B204-07,SN-MV-" + s + ",Dell,OptiPlex 7010,CD,2024-09-01,2029-09-01,IN_SERVICE\n";
		assertThat(mvc.post().uri("/api/v1/assets/import?dryRun=false").contentType("text/csv").content(csv).with(as("agent.cd"))
			.exchange()).hasStatusOk();
		var moved = send("glpi-agent", "dev-mv-" + s, "SN-MV-" + s, "PEDA-0359901X-B204-08", "0359901X");
		assertThat(moved).hasStatus(409);
		assertThat(body(moved).get("detail").asString()).contains("ne déplace pas").contains("rapport n°");
		JsonNode still = bySerial("SN-MV-" + s).get(0);
		assertThat(still.get("uai").asString()).isEqualTo("0359902Y");
		assertThat(still.get("name").asString()).isEqualTo("PEDA-0359902Y-B204-07");
		JsonNode reports = body(mvc.get().uri("/api/v1/inventory/agent-reports?uai=0359901X").with(as("agent.cd")).exchange());
		assertThat(reports.valueStream().anyMatch(r -> r.toString().contains("dev-mv-" + s))).isTrue();

		String adm = AssetApiTests.HEADER
				+ "0359901X,STATIONS_ADMINISTRATIVES,ADMINISTRATIVE,ADM-0359901X-SEC-01,SN-ADM-" + s + ",Dell,OptiPlex 7010,CD,2024-09-01,2029-09-01,IN_SERVICE\n";
		var admImport = mvc.post().uri("/api/v1/assets/import?dryRun=false").contentType("text/csv").content(adm).with(as("agent.aca")).exchange();
		assertThat(admImport).hasStatusOk();
		var other = send("glpi-agent", "dev-adm-" + s, "SN-ADM-" + s, "RENAMED", "0359901X");
		assertThat(other).hasStatus(403);
		assertThat(bySerial("SN-ADM-" + s).get(0).get("name").asString()).isEqualTo("ADM-0359901X-SEC-01");
	}
}
