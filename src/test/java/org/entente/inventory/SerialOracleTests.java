package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.util.UUID;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A serial held by another collège's asset is answered like any taken serial, by the import and by the API alike:
 * nothing says where it is or that it lies outside one's scope, and the asset stays where it was.
 */
@EntenteTest
class SerialOracleTests {

	static final String HEADER = AssetApiTests.HEADER;

	@Autowired
	MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	JsonNode body(MvcTestResult r) {
		return json.readTree(r.getResponse().getContentAsByteArray());
	}

	MvcTestResult importCsv(String user, String csv) {
		return mvc.post().uri("/api/v1/assets/import?dryRun=false").contentType("text/csv").content(csv).with(as(user)).exchange();
	}

	@Test
	void aForeignSerialIsAnsweredLikeAnyTakenOne() {
		String s = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String line = ",BORNES_WIFI,PEDAGOGICAL,BW-%s-CDI-0%d,SN-" + s + "-%s,Ubiquiti,U6,OWN_FUNDS_OTHER,2025-02-01,2027-02-01,IN_SERVICE\n";
		assertThat(importCsv("college", HEADER + "0359901X" + line.formatted("0359901X", 1, "A"))).hasStatusOk();
		assertThat(importCsv("college2", HEADER + "0359902Y" + line.formatted("0359902Y", 1, "B"))).hasStatusOk();

		// college2 reuses college's serial: on the import, then on the API.
		var imported = importCsv("college2", HEADER + "0359902Y" + line.formatted("0359902Y", 2, "A"));
		assertThat(imported).hasStatus(422);
		JsonNode errors = body(imported).get("errors");
		assertThat(errors.size()).isEqualTo(1);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("serial");
		String said = errors.get(0).get("message").asString();
		assertThat(said).doesNotContain("périmètre").doesNotContain("0359901X");

		String asset = """
				{"uai":"0359902Y","component":"BORNES_WIFI","network":"PEDAGOGICAL","name":"BW-0359902Y-CDI-03",
				 "serial":"SN-%s-%s","funding":"OWN_FUNDS_OTHER","status":"IN_SERVICE"}""";
		var foreign = mvc.post().uri("/api/v1/assets").contentType("application/json").content(asset.formatted(s, "A"))
			.with(as("college2")).exchange();
		var own = mvc.post().uri("/api/v1/assets").contentType("application/json").content(asset.formatted(s, "B"))
			.with(as("college2")).exchange();
		assertThat(foreign).hasStatus(409);
		assertThat(own).hasStatus(409);
		assertThat(body(foreign).get("detail").asString()).isEqualTo(body(own).get("detail").asString())
			.containsIgnoringCase(said);

		// Still where it was, and not duplicated.
		JsonNode items = body(mvc.get().uri("/api/v1/assets?serial=SN-" + s + "-A").with(as("agent.cd")).exchange()).get("items");
		assertThat(items.size()).isEqualTo(1);
		assertThat(items.get(0).get("uai").asString()).isEqualTo("0359901X");
		assertThat(items.get(0).get("name").asString()).isEqualTo("BW-0359901X-CDI-01");
	}
}
