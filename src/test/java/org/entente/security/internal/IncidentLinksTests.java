package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.entente.security.internal.SecurityTestSupport.*;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** An incident links desk tickets and assets; a compromised asset shows a warning on its inventory page. */
@EntenteTest
class IncidentLinksTests {

	@Autowired
	MockMvcTester mvc;

	long projector(String uai) {
		String s = UUID.randomUUID().toString().substring(0, 8);
		String name = "VP-" + uai + "-B" + ThreadLocalRandom.current().nextInt(100, 999) + "-0" + ThreadLocalRandom.current().nextInt(1, 9);
		String body = """
				{"uai":"%s","component":"VIDEOPROJECTEURS","network":"PEDAGOGICAL","name":"%s","serial":"SN-%s",
				 "manufacturer":"Epson","model":"EB-W51","funding":"CD","warrantyEnd":"2099-12-31","status":"IN_SERVICE",
				 "building":"B","room":"B204"}""".formatted(uai, name, s);
		MvcTestResult r = mvc.post().uri("/api/v1/assets").contentType(MediaType.APPLICATION_JSON).content(body).with(as("admin")).exchange();
		assertThat(r).as(content(r)).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(content(r), "$.id")).longValue();
	}

	@Test
	void aCompromisedAssetWarnsOnItsPageAndOnlyEntitledViewersGetTheIncident() {
		long asset = projector(COLLEGE);
		String page = "/inventaire/equipements/" + asset;
		assertThat(mvc.get().uri(page).with(as("college"))).hasStatusOk().bodyText().doesNotContain("Alerte sécurité");
		long id = reported(mvc, "college", incident(COLLEGE, "VIDEOPROJECTEURS", false, ",\"assetId\":" + asset));
		assertThat(mvc.get().uri("/api/v1/security/incidents/" + id).with(as("agent.cd"))).bodyJson()
			.extractingPath("$.links[0].kind").isEqualTo("ASSET");
		assertThat(mvc.get().uri(page).with(as("college"))).hasStatusOk().bodyText()
			.contains("Alerte sécurité", "Un incident de sécurité en cours concerne cet équipement").doesNotContain("SSI-");
		assertThat(mvc.get().uri(page).with(as("agent.cd"))).hasStatusOk().bodyText()
			.contains("Alerte sécurité", "SSI-", "/securite/incidents/" + id);
	}

	@Test
	void theHandlingPartyLinksATicketAndAnAsset() {
		long id = reported(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		long asset = projector(COLLEGE);
		String uri = "/api/v1/security/incidents/" + id + "/links";
		assertThat(mvc.post().uri(uri).with(as("agent.cd")).header("If-Match", etag(mvc, "rssi", id))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("ticketId");
		assertThat(mvc.post().uri(uri).with(as("agent.cd")).header("If-Match", etag(mvc, "rssi", id))
			.contentType(MediaType.APPLICATION_JSON).content("{\"assetId\":987654321}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("assetId");
		assertThat(mvc.post().uri(uri).with(as("agent.aca")).header("If-Match", etag(mvc, "rssi", id))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ticketId\":12}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri(uri).with(as("college")).header("If-Match", etag(mvc, "rssi", id))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ticketId\":12}")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult r = mvc.post().uri(uri).with(as("agent.cd")).header("If-Match", etag(mvc, "rssi", id))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ticketId\":12,\"assetId\":" + asset + ",\"compromised\":false}").exchange();
		assertThat(r).hasStatusOk();
		List<String> kinds = JsonPath.read(content(r), "$.links[*].kind");
		assertThat(kinds).containsExactly("ASSET", "TICKET");
		assertThat(mvc.get().uri("/inventaire/equipements/" + asset).with(as("agent.cd"))).bodyText().doesNotContain("Alerte sécurité");
	}
}
