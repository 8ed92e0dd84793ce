package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.util.List;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * A policy change (annexe §1, Évolution des politiques): the impact study on its four sides, the other party's
 * position, agreement or arbitration and the committee's decision.
 */
@EntenteTest
class PolicyChangeApiTests {

	static final String PROPOSAL = """
			{"component":"NOMMAGE","title":"Préfixe des objets connectés","proposal":"Les objets connectés prennent le préfixe OBJ.",
			 %s"impactHuman":"Aucun","impactOrganisational":"Renommage par le CD","impactTechnical":"DNS à mettre à jour",
			 "impactFinancial":"Néant"}""";

	@Autowired
	MockMvcTester mvc;

	static String body(MvcTestResult r) {
		return ValidationApiTests.body(r);
	}

	MvcTestResult post(String user, String uri, String json) {
		return mvc.post().uri(uri).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@Test
	void aDisagreementGoesToArbitrationThenToTheCommitteesDecision() {
		assertThat(post("college", "/api/v1/policies/changes", PROPOSAL.formatted(""))).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult bad = post("agent.cd", "/api/v1/policies/changes", """
				{"component":"PAS_UNE_LIGNE","title":"x","proposal":"y","impactHuman":"","impactTechnical":7}""");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(bad), "$.errors[*].field"))
			.containsExactlyInAnyOrder("component", "impactHuman", "impactOrganisational", "impactTechnical", "impactFinancial");

		MvcTestResult r = post("agent.cd", "/api/v1/policies/changes", PROPOSAL.formatted(""));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		int id = JsonPath.read(body(r), "$.id");
		assertThat(JsonPath.<String>read(body(r), "$.status")).isEqualTo("CONSULTATION");
		assertThat(JsonPath.<String>read(body(r), "$.awaiting")).isEqualTo("ACA");
		assertThat(JsonPath.<String>read(body(r), "$.impacts.financial")).isEqualTo("Néant");
		String uri = "/api/v1/policies/changes/" + id;

		assertThat(post("agent.cd", uri + "/positions", "{\"agrees\":true,\"comment\":\"encore\"}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(post("agent.aca", uri + "/decision", "{\"adopted\":true,\"reference\":\"COPIL\",\"grounds\":\"x\"}")).hasStatus(HttpStatus.CONFLICT);
		MvcTestResult disagree = post("agent.aca", uri + "/positions", "{\"agrees\":false,\"comment\":\"Le coût du renommage n'est pas réparti\"}");
		assertThat(disagree).hasStatusOk();
		assertThat(JsonPath.<String>read(body(disagree), "$.status")).isEqualTo("ARBITRATION");
		assertThat(JsonPath.<List<String>>read(body(disagree), "$.positions[*].party")).containsExactlyInAnyOrder("CD", "ACA");

		assertThat(post("college", uri + "/decision", "{\"adopted\":true,\"reference\":\"COPIL\",\"grounds\":\"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult missing = post("agent.cd", uri + "/decision", "{\"adopted\":\"peut-être\"}");
		assertThat(JsonPath.<List<String>>read(body(missing), "$.errors[*].field")).containsExactlyInAnyOrder("adopted", "reference", "grounds");
		MvcTestResult decided = post("agent.cd", uri + "/decision",
				"{\"adopted\":true,\"reference\":\"Comité stratégique du 12/03/2027, décision 4\",\"grounds\":\"Coût partagé à parts égales\"}");
		assertThat(decided).hasStatusOk();
		assertThat(JsonPath.<String>read(body(decided), "$.status")).isEqualTo("ADOPTED");
		assertThat(JsonPath.<String>read(body(decided), "$.decision.reference")).startsWith("Comité stratégique");
		assertThat(post("agent.aca", uri + "/decision", "{\"adopted\":false,\"reference\":\"r\",\"grounds\":\"g\"}")).hasStatus(HttpStatus.CONFLICT);

		MvcTestResult joint = post("agent.aca", "/api/v1/policies/changes", PROPOSAL.formatted("\"jointly\":true,"));
		int jointId = JsonPath.read(body(joint), "$.id");
		assertThat(JsonPath.<Boolean>read(body(joint), "$.jointly")).isTrue();
		MvcTestResult agreed = post("agent.cd", "/api/v1/policies/changes/" + jointId + "/positions", "{\"agrees\":true,\"comment\":\"Validé\"}");
		assertThat(JsonPath.<String>read(body(agreed), "$.status")).isEqualTo("AGREED");
		MvcTestResult list = mvc.get().uri("/api/v1/policies/changes").with(as("college")).exchange();
		assertThat(JsonPath.<List<String>>read(body(list), "$[?(@.id == " + jointId + ")].status")).containsExactly("AGREED");
		assertThat(mvc.get().uri("/api/v1/policies/changes/999999").with(as("agent.cd")).exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}
}
