package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** BYOD: no opening of the guest network to pupils before the board's decision; with it, a desk request to the CD. */
@EntenteTest
class ByodApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static String body(MvcTestResult r) {
		try {
			return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void anOpeningWithoutTheBoardsDecisionIsRefusedWithTheReasonThenGoesToTheDepartment() {
		MvcTestResult refused = mvc.post().uri("/api/v1/byod/openings").with(as("college2")).exchange();
		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(JsonPath.<String>read(body(refused), "$.detail")).contains("décision du Conseil d'Administration");

		MvcTestResult bad = mvc.post().uri("/api/v1/byod/decisions").with(as("college2")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decidedOn\":\"12/11/2026\"}").exchange();
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(bad), "$.errors[*].field")).containsExactlyInAnyOrder("decidedOn", "reference");
		assertThat(mvc.post().uri("/api/v1/byod/decisions").with(as("agent.cd")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decidedOn\":\"2026-11-12\",\"reference\":\"CA-2026-07\"}")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult decided = mvc.post().uri("/api/v1/byod/decisions").with(as("college2")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decidedOn\":\"2026-11-12\",\"reference\":\"CA-2026-07\"}").exchange();
		assertThat(decided).hasStatus(HttpStatus.CREATED);

		MvcTestResult opened = mvc.post().uri("/api/v1/byod/openings").with(as("college2")).exchange();
		assertThat(opened).as(body(opened)).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<String>read(body(opened), "$.reference")).isEqualTo("CA-2026-07");
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from ticket where establishment = '0359902Y' and component = 'BYOD_INFRASTRUCTURE' and title like 'Ouverture du réseau invité%'")
			.query(Integer.class).single() == 1);
	}
}
