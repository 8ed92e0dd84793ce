package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.time.LocalDateTime;
import java.util.UUID;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The points-to-clarify answers API: 201 with the point's new state, a needed amendment pending until a loaded
 * version carries it, problems naming the fields with nothing stored, 404 for an unknown point, committee managers only.
 * Each test answers its own points (PAC-38, PAC-39), so reruns on a kept database assert the same.
 */
@EntenteTest
class PointAnswerApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GovernanceStore store;

	private MockMvcTester.MockMvcRequestBuilder answer(String point, String user, String json) {
		return mvc.post().uri("/api/v1/governance/points/" + point + "/answer").with(as(user))
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void aNeededAmendmentStaysPendingUntilALoadedVersionCarriesIt() {
		var pending = answer("PAC-39", "agent.cd",
				"{\"reading\":\"Le comité retient la première lecture.\",\"needsAmendment\":true,\"amendment\":\"avenant 7\"}").exchange();
		assertThat(pending).hasStatus(HttpStatus.CREATED);
		assertThat(pending.getResponse().getHeader("Location")).isEqualTo("/api/v1/governance/points/PAC-39");
		var json = assertThat(pending).bodyJson();
		json.extractingPath("$.id").isEqualTo("PAC-39");
		json.extractingPath("$.state").isEqualTo("AWAITING_AMENDMENT");
		json.extractingPath("$.answer.reading").isEqualTo("Le comité retient la première lecture.");
		json.extractingPath("$.answer.amendment").isEqualTo("avenant 7");
		json.extractingPath("$.answer.carriedBy").isNull();
		json.extractingPath("$.answer.recordedBy").isEqualTo("agent.cd");
		json.extractingPath("$.answer.conventionVersion").isEqualTo("1");
		assertThat(mvc.get().uri("/api/v1/governance/points").with(as("college")).exchange()).bodyJson()
			.extractingPath("$[?(@.id == 'PAC-39')].state").asArray().containsExactly("AWAITING_AMENDMENT");

		// the answer now names version 1, which is loaded: the point is settled and says what carries it
		var settled = answer("PAC-39", "admin",
				"{\"reading\":\"Le comité retient la première lecture.\",\"needsAmendment\":true,\"amendment\":\"1\"}").exchange();
		assertThat(settled).hasStatus(HttpStatus.CREATED);
		assertThat(settled).bodyJson().extractingPath("$.state").isEqualTo("SETTLED");
		assertThat(settled).bodyJson().extractingPath("$.answer.carriedBy").isEqualTo("1");
		assertThat(mvc.get().uri("/api/v1/governance/points/PAC-39").with(as("agent.aca")).exchange()).bodyJson()
			.extractingPath("$.state").isEqualTo("SETTLED");
	}

	@Test
	void anAnswerWithoutAmendmentIsSettledAndLinksTheDecision() {
		String word = "point" + UUID.randomUUID().toString().substring(0, 8);
		long meeting = store.insertMeeting("STRATEGIC", LocalDateTime.now().plusDays(3).withNano(0), 60, null, null, "1", "agent.cd");
		store.addDecision(meeting, "Trancher le " + word, null, null, "agent.cd");
		long decision = store.searchDecisions(word, 1).get(0).id();
		var result = answer("PAC-38", "agent.cd", "{\"decision\":" + decision
				+ ",\"reading\":\"Le comité stratégique arbitre.\",\"needsAmendment\":false}").exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		var json = assertThat(result).bodyJson();
		json.extractingPath("$.state").isEqualTo("SETTLED");
		json.extractingPath("$.inCurrentFile").isEqualTo(true);
		json.extractingPath("$.answer.decision.id").isEqualTo((int) decision);
		json.extractingPath("$.answer.decision.committee").isEqualTo("STRATEGIC");
		json.extractingPath("$.answer.decision.text").isEqualTo("Trancher le " + word);
		json.extractingPath("$.answer.needsAmendment").isEqualTo(false);
		json.extractingPath("$.answer.carriedBy").isNull();
	}

	@Test
	void listGivesEveryPointOfTheFileWithItsState() {
		var result = mvc.get().uri("/api/v1/governance/points").with(as("college")).exchange();
		assertThat(result).hasStatusOk();
		var json = assertThat(result).bodyJson();
		json.extractingPath("$[0].id").isEqualTo("PAC-01");
		json.extractingPath("$[0].state").isEqualTo("OPEN");
		json.extractingPath("$[0].answer").isNull();
		json.extractingPath("$[0].readings").asArray().isNotEmpty();
		json.extractingPath("$[?(@.id == 'PAC-SSI-3')].inCurrentFile").asArray().containsExactly(true);
	}

	@Test
	void badAnswersAreProblemsNamingTheFieldsAndStoreNothing() {
		var empty = answer("PAC-01", "agent.cd", "{}").exchange();
		assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(empty).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("reading", "needsAmendment");
		var noAmendment = answer("PAC-01", "agent.cd", "{\"reading\":\"x\",\"needsAmendment\":true,\"amendment\":\"  \"}").exchange();
		assertThat(noAmendment).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(noAmendment).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("amendment");
		assertThat(noAmendment).bodyJson().extractingPath("$.detail").asString().startsWith("amendment : ");
		var unknownDecision = answer("PAC-01", "agent.cd", "{\"decision\":987654321,\"reading\":\"x\",\"needsAmendment\":false}").exchange();
		assertThat(unknownDecision).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("decision");
		var tooLong = answer("PAC-01", "agent.cd", "{\"reading\":\"" + "x".repeat(4001) + "\",\"needsAmendment\":false}").exchange();
		assertThat(tooLong).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("reading");
		assertThat(answer("PAC-01", "agent.cd", "{\"reading\":\"x\",\"needsAmendment\":\"peut-être\"}").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/v1/governance/points/PAC-01").with(as("college")).exchange()).bodyJson()
			.extractingPath("$.state").isEqualTo("OPEN");

		var unknown = answer("PAC-99", "agent.cd", "{\"reading\":\"x\",\"needsAmendment\":false}").exchange();
		assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(unknown).bodyJson().extractingPath("$.detail").asString().contains("PAC-99");
		assertThat(mvc.get().uri("/api/v1/governance/points/PAC-99").with(as("college")).exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyCommitteeManagersAnswer() {
		String body = "{\"reading\":\"x\",\"needsAmendment\":false}";
		for (String user : new String[] { "agent.aca", "college", "finances" }) {
			assertThat(answer("PAC-01", user, body).exchange()).as(user).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.post().uri("/api/v1/governance/points/PAC-01/answer").contentType(MediaType.APPLICATION_JSON)
			.content(body).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/governance/points").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/governance/points/PAC-01").with(as("college")).exchange()).bodyJson()
			.extractingPath("$.state").isEqualTo("OPEN");
	}
}
