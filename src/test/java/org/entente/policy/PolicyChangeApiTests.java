package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.LocalDate;
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

/**
 * A policy change (annexe §1, Évolution des politiques): the impact study on its four sides, the other party's
 * position, agreement or arbitration; an arbitration goes on the strategic committee's agenda (governance) and the
 * committee's decision, recorded as a governance decision, settles the change, each linking to the other.
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

	@Autowired
	JdbcClient jdbc;

	String html(String uri) {
		return body(mvc.get().uri(uri).with(as("agent.cd")).exchange());
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

		// The outcome is no longer typed on the change: the strategic committee decides it (governance).
		assertThat(post("college", uri + "/decision", "{}")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult typed = post("agent.cd", uri + "/decision", "{\"adopted\":true,\"reference\":\"COPIL\",\"grounds\":\"x\"}");
		assertThat(typed).hasStatus(HttpStatus.CONFLICT);
		assertThat(JsonPath.<String>read(body(typed), "$.committee")).isEqualTo("STRATEGIC");

		// On the next planned strategic meeting's agenda, or waiting on the committees page until one is planned.
		Long next = jdbc.sql("""
				select id from gov_meeting where committee_code = 'STRATEGIC' and status = 'PLANNED' and starts_at >= ?
				order by starts_at, id limit 1""").param(java.sql.Timestamp.valueOf(LocalDate.now().atStartOfDay())).query(Long.class)
			.optional().orElse(null);
		String item = "$[?(@.changeId == " + id + ")]";
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JsonPath.<List<Object>>read(body(
				mvc.get().uri("/api/v1/governance/arbitrations").with(as("agent.aca")).exchange()), item)).hasSize(1));
		List<Object> meetingIds = JsonPath.read(body(mvc.get().uri("/api/v1/governance/arbitrations").with(as("agent.aca")).exchange()),
				item + ".meetingId");
		if (next == null) {
			assertThat(meetingIds).containsExactly((Object) null);
			assertThat(html("/gouvernance/comites")).contains("id=\"pending-arbitrations\"").contains("Évolution n° " + id + " : Préfixe");
			String planned = mvc.post().uri("/gouvernance/comites/STRATEGIC/reunions").with(as("agent.cd")).with(csrf())
				.param("date", LocalDate.now().plusDays(30).toString()).param("time", "10:00").param("duration", "120")
				.param("agenda", "Bilan annuel").exchange().getResponse().getRedirectedUrl();
			next = Long.valueOf(planned.substring(planned.lastIndexOf('/') + 1));
		}
		else {
			assertThat(meetingIds).containsExactly(next.intValue());
		}
		long meeting = next;
		assertThat(jdbc.sql("select agenda from gov_meeting where id = ?").param(meeting).query(String.class).single())
			.contains("Arbitrage de l'évolution de politique n° " + id + " : Préfixe des objets connectés");
		assertThat(html("/gouvernance/reunions/" + meeting)).contains("id=\"arbitrage-" + id + "\"", "/politiques/changements/" + id);

		String decide = "/api/v1/governance/meetings/" + meeting + "/arbitrations/" + id + "/decision";
		assertThat(post("agent.aca", decide, "{\"adopted\":true,\"text\":\"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult missing = post("agent.cd", decide, "{\"adopted\":\"peut-être\"}");
		assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(missing), "$.errors[*].field")).containsExactlyInAnyOrder("adopted", "text");
		assertThat(post("agent.cd", "/api/v1/governance/meetings/" + meeting + "/arbitrations/999999/decision",
				"{\"adopted\":true,\"text\":\"x\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		// Decided at the meeting whose agenda carries it, not at another strategic meeting.
		String other = mvc.post().uri("/gouvernance/comites/STRATEGIC/reunions").with(as("agent.cd")).with(csrf())
			.param("date", LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(31).toString()).param("time", "15:00")
			.param("duration", "60").param("agenda", "Autre réunion").exchange().getResponse().getRedirectedUrl();
		MvcTestResult elsewhere = post("agent.cd", "/api/v1/governance/meetings/" + other.substring(other.lastIndexOf('/') + 1)
				+ "/arbitrations/" + id + "/decision", "{\"adopted\":true,\"text\":\"x\"}");
		assertThat(elsewhere).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(body(elsewhere), "$.errors[*].field")).containsExactly("changeId");
		assertThat(body(elsewhere)).contains("à l'ordre du jour de la réunion n° " + meeting);
		MvcTestResult decided = post("agent.cd", decide, "{\"adopted\":true,\"text\":\"Coût du renommage partagé à parts égales\"}");
		assertThat(decided).hasStatus(HttpStatus.CREATED);
		int decisionId = JsonPath.read(body(decided), "$.id");
		String link = "/gouvernance/reunions/" + meeting + "#decision-" + decisionId;
		assertThat(JsonPath.<String>read(body(decided), "$.targetType")).isEqualTo("POLICY_CHANGE");
		assertThat(JsonPath.<String>read(body(decided), "$.outcome")).isEqualTo("ADOPTED");
		assertThat(JsonPath.<String>read(body(decided), "$.link")).isEqualTo(link);
		assertThat(post("agent.cd", decide, "{\"adopted\":false,\"text\":\"encore\"}")).hasStatus(HttpStatus.CONFLICT);

		// The change takes the outcome from governance's decision event, with the decision's id and link.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JsonPath.<String>read(body(
				mvc.get().uri(uri).with(as("agent.aca")).exchange()), "$.status")).isEqualTo("ADOPTED"));
		String change = body(mvc.get().uri(uri).with(as("agent.aca")).exchange());
		assertThat(JsonPath.<Integer>read(change, "$.decision.decisionId")).isEqualTo(decisionId);
		assertThat(JsonPath.<String>read(change, "$.decision.link")).isEqualTo(link);
		assertThat(JsonPath.<String>read(change, "$.decision.reference")).startsWith("Comité stratégique du ");
		assertThat(JsonPath.<String>read(change, "$.decision.grounds")).isEqualTo("Coût du renommage partagé à parts égales");
		assertThat(html("/politiques/changements/" + id)).contains("id=\"decision-link\"", "href=\"" + link + "\"");
		assertThat(html("/gouvernance/reunions/" + meeting)).contains("id=\"decision-" + decisionId + "\"", "Évolution adoptée",
				"href=\"/politiques/changements/" + id + "\"");
		assertThat(post("agent.cd", uri + "/decision", "{}")).hasStatus(HttpStatus.CONFLICT);

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
