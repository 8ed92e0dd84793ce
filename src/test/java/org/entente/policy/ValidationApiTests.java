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

/** What the Académie validates: a change of use pending until it answers; a service outside the trust framework and its port opening. */
@EntenteTest
class ValidationApiTests {

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

	MvcTestResult post(String user, String uri, String json) {
		return mvc.post().uri(uri).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@Test
	void aChangeOfUseIsPendingUntilTheAcademyAnswersOnce() {
		assertThat(post("agent.aca", "/api/v1/policies/validations", """
				{"kind":"USE_CHANGE","service":"Baladodiffusion","description":"Nouveau service"}""")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult r = post("agent.cd", "/api/v1/policies/validations", """
				{"kind":"USE_CHANGE","service":"Baladodiffusion pour les élèves","description":"Nouveau service pédagogique numérique"}""");
		assertThat(r).hasStatus(HttpStatus.CREATED);
		int id = JsonPath.read(body(r), "$.id");
		assertThat(JsonPath.<String>read(body(r), "$.status")).isEqualTo("PENDING");
		MvcTestResult list = mvc.get().uri("/api/v1/policies/validations?kind=USE_CHANGE").with(as("agent.aca")).exchange();
		assertThat(JsonPath.<List<String>>read(body(list), "$[?(@.id == " + id + ")].status")).containsExactly("PENDING");
		assertThat(post("agent.cd", "/api/v1/policies/validations/" + id + "/answer", "{\"approved\":true,\"grounds\":\"ok\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult answered = post("agent.aca", "/api/v1/policies/validations/" + id + "/answer", "{\"approved\":true,\"grounds\":\"Conforme au RGPD\"}");
		assertThat(answered).hasStatusOk();
		assertThat(JsonPath.<String>read(body(answered), "$.status")).isEqualTo("APPROVED");
		assertThat(post("agent.aca", "/api/v1/policies/validations/" + id + "/answer", "{\"approved\":false,\"grounds\":\"non\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		MvcTestResult bad = post("agent.aca", "/api/v1/policies/validations/" + id + "/answer", "{\"approved\":\"oui\"}");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(bad), "$.errors[*].field")).containsExactlyInAnyOrder("approved", "grounds");
	}

	@Test
	void anAuthorisedServiceOutsideTheTrustFrameworkBecomesAPortOpeningRequestToTheDepartment() {
		MvcTestResult r = post("college", "/api/v1/policies/validations", """
				{"kind":"OUTSIDE_TRUST","service":"Plateforme de robotique Vittascience","description":"Programmation des robots en technologie","ports":"443/tcp vers vittascience.com"}""");
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(JsonPath.<String>read(body(r), "$.notice")).contains("Ni l'Académie, ni le Département");
		int id = JsonPath.read(body(r), "$.id");
		assertThat(post("agent.aca", "/api/v1/policies/validations/" + id + "/answer",
				"{\"approved\":true,\"grounds\":\"Hébergement en France, aucune donnée d'élève nominative\"}")).hasStatusOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from ticket where establishment = '0359901X' and component = 'ELEMENTS_ACTIFS' and title = 'Ouverture de ports : Plateforme de robotique Vittascience'")
			.query(Integer.class).single() == 1);
		assertThat(jdbc.sql("select parties from ticket where title = 'Ouverture de ports : Plateforme de robotique Vittascience'")
			.query(String.class).single()).contains("CD");
	}
}
