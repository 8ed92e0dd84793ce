package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.entente.security.internal.SecurityTestSupport.*;

import java.util.List;
import java.util.Map;

import org.entente.EntenteTest;
import org.entente.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Security incidents through the API: perimeter from the convention file, duties to inform, workflow, access. */
@EntenteTest
class IncidentApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anIncidentOnAPedagogicalWorkstationIsTheDepartmentsAndInformsTheAcademy() {
		MvcTestResult r = report(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ",\"minors\":true"));
		assertThat(r).as(content(r)).hasStatus(HttpStatus.CREATED);
		assertThat(r.getResponse().getHeader("Location")).matches("/api/v1/security/incidents/\\d+");
		assertThat(r).bodyJson().extractingPath("$.number").asString().matches("SSI-\\d{4}-\\d{5}");
		assertThat(r).bodyJson().extractingPath("$.status").isEqualTo("REPORTED");
		assertThat(r).bodyJson().extractingPath("$.handledBy").isEqualTo("CD");
		assertThat(r).bodyJson().extractingPath("$.clause").asString()
			.isEqualTo("Annexe opérationnelle §5, Incidents sur l'ensemble du périmètre, hors postes de travail du réseau administratif et services en ligne opérés par l'Académie");
		assertThat(r).bodyJson().extractingPath("$.explanation").asString().contains("Stations de travail pédagogiques").contains("rssi@ac-rennes.fr", "Département");
		assertThat(r).bodyJson().extractingPath("$.conventionVersion").isEqualTo("1");
		assertThat(r).bodyJson().extractingPath("$.pointsToClarify").asArray().isEmpty();
		String body = content(r);
		List<Map<String, Object>> inform = JsonPath.read(body, "$.inform");
		assertThat(inform).extracting(m -> m.get("party") + " " + m.get("address") + " " + m.get("due") + " " + m.get("status"))
			.containsExactly("ACA rssi@ac-rennes.fr REPORTED SENT", "ACA rssi@ac-rennes.fr CLOSED PENDING");
		assertThat((String) JsonPath.read(body, "$.inform[0].sentAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
		assertThat((String) JsonPath.read(body, "$.inform[0].reason")).contains("incidents survenus");
	}

	@Test
	void administrativeWorkstationsAndAcademyOnlineServicesAreTheAcademysAndInformTheDepartment() {
		for (String component : List.of("STATIONS_ADMINISTRATIVES", "TOUTATICE_PORTAIL", "ESPACES_PEDAGOGIQUES")) {
			MvcTestResult r = report(mvc, "agent.aca", incident(COLLEGE, component, false, ""));
			assertThat(r).as(component).hasStatus(HttpStatus.CREATED);
			assertThat(r).bodyJson().extractingPath("$.handledBy").isEqualTo("ACA");
			assertThat(r).bodyJson().extractingPath("$.clause").asString().contains("postes de travail du réseau administratif et les services en ligne opérés par l'Académie");
			List<String> addresses = JsonPath.read(content(r), "$.inform[*].address");
			// the CD (dpo@…) is informed; the RSSI, entry point of every report, too
			assertThat(addresses).containsExactly("rssi@ac-rennes.fr", "dpo@ille-et-vilaine.fr");
			assertThat(r).bodyJson().extractingPath("$.pointsToClarify").asArray().isEmpty();
		}
	}

	@Test
	void horusIsAPointToClarifyAndBothPartiesAreInformed() {
		MvcTestResult r = report(mvc, "college", incident(COLLEGE, "SERVEUR_HORUS", true, ""));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.pointsToClarify[0].id").isEqualTo("PAC-SSI-1");
		assertThat(r).bodyJson().extractingPath("$.pointsToClarify[0].explanation").asString().contains("Horus");
		assertThat(r).bodyJson().extractingPath("$.handledBy").isEqualTo("ACA");
		assertThat(r).bodyJson().extractingPath("$.explanation").asString().contains("point à clarifier", "les deux parties");
		List<String> parties = JsonPath.read(content(r), "$.inform[?(@.due == 'REPORTED')].party");
		assertThat(parties).contains("ACA", "CD");
	}

	@Test
	void anIncidentSpanningBothPerimetersIsAPointToClarify() {
		MvcTestResult r = report(mvc, "agent.cd", incident(COLLEGE, "STATIONS_ADMINISTRATIVES", false,
				",\"otherComponents\":[\"STATIONS_PEDAGOGIQUES\"]"));
		assertThat(r).as(content(r)).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.pointsToClarify[0].id").isEqualTo("PAC-SSI-2");
		assertThat(r).bodyJson().extractingPath("$.handledBy").isEqualTo("ACA");
		List<String> addresses = JsonPath.read(content(r), "$.inform[?(@.due == 'REPORTED')].address");
		assertThat(addresses).contains("dpo@ille-et-vilaine.fr", "rssi@ac-rennes.fr");
	}

	@Test
	void badInputNamesTheFieldAndWritesNothing() {
		long before = count();
		MvcTestResult r = report(mvc, "college", """
				{"establishments":["0359901X","9999999Z"],"component":"NOPE","title":"","detectedAt":"14/03/2026",
				 "personalData":"oui","network":"MARS"}""");
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		List<String> fields = JsonPath.read(content(r), "$.errors[*].field");
		assertThat(fields).contains("title", "description", "detectedAt", "personalData");
		assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("urn:entente:problem:invalid-input");
		MvcTestResult second = report(mvc, "college", """
				{"establishments":["9999999Z"],"component":"NOPE","title":"t","description":"d",
				 "detectedAt":"2026-03-14T09:30:00+01:00","personalData":false,"network":"MARS"}""");
		assertThat(second).hasStatus(HttpStatus.BAD_REQUEST);
		List<String> more = JsonPath.read(content(second), "$.errors[*].field");
		assertThat(more).contains("establishments[0]", "component", "network");
		MvcTestResult other = report(mvc, "college", incident(COLLEGE2, "STATIONS_PEDAGOGIQUES", false, ""));
		assertThat(other).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("establishments[0]");
		assertThat(report(mvc, "college", "[1,2]")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(report(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ",\"assetId\":\"abc\"")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("assetId");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlyTheRolesTheAnnexNamesMayReport() {
		assertThat(ACCOUNTS.keySet()).containsExactlyInAnyOrder(Role.values());
		for (Role role : Role.values()) {
			MvcTestResult r = report(mvc, ACCOUNTS.get(role), incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
			HttpStatus expected = IncidentAccess.REPORTERS.contains(role) ? HttpStatus.CREATED : HttpStatus.FORBIDDEN;
			assertThat(r).as(role + " " + content(r)).hasStatus(expected);
		}
		assertThat(IncidentAccess.REPORTERS).containsExactlyInAnyOrder(Role.SCHOOL_STAFF, Role.LEVEL1_AGENT, Role.CD_AGENT,
				Role.ACA_AGENT, Role.RSSI, Role.CONTRACTOR);
		assertThat(mvc.post().uri("/api/v1/security/incidents").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aCdIncidentIsSeenByTheRssiAndTheCdAndTheReportersStatusOnly() {
		long id = reported(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		Map<Role, String> expected = Map.of(Role.RSSI, "FULL", Role.CD_AGENT, "FULL", Role.SCHOOL_STAFF, "STATUS");
		for (Role role : Role.values()) {
			MvcTestResult r = mvc.get().uri("/api/v1/security/incidents/" + id).with(as(ACCOUNTS.get(role))).exchange();
			String view = expected.get(role);
			if (view == null) {
				assertThat(r).as(role.name()).hasStatus(HttpStatus.NOT_FOUND);
				continue;
			}
			assertThat(r).as(role.name()).hasStatusOk().bodyJson().extractingPath("$.view").isEqualTo(view);
		}
		MvcTestResult status = mvc.get().uri("/api/v1/security/incidents/" + id).with(as("college")).exchange();
		assertThat(content(status)).doesNotContain("description", "explanation", "history", "inform");
		assertThat(mvc.get().uri("/api/v1/security/incidents/" + id).with(as("college2"))).hasStatus(HttpStatus.NOT_FOUND);
		// lists follow the same rule
		assertThat(ids("college2")).doesNotContain(id);
		assertThat(ids("agent.aca")).doesNotContain(id);
		assertThat(ids("dpd")).doesNotContain(id);
		assertThat(ids("agent.cd")).contains(id);
		assertThat(ids("rssi")).contains(id);
		assertThat(ids("college")).contains(id);
	}

	@Test
	void anAcaIncidentWithPersonalDataIsSeenByTheDposAndNotByTheCd() {
		long id = reported(mvc, "niveau1", incident(COLLEGE, "GESTION_SCOLARITE", true, ""));
		Map<Role, String> expected = Map.of(Role.RSSI, "FULL", Role.ACA_AGENT, "FULL", Role.DPO, "FULL", Role.LEVEL1_AGENT, "STATUS");
		for (Role role : Role.values()) {
			MvcTestResult r = mvc.get().uri("/api/v1/security/incidents/" + id).with(as(ACCOUNTS.get(role))).exchange();
			String view = expected.get(role);
			if (view == null) {
				assertThat(r).as(role.name()).hasStatus(HttpStatus.NOT_FOUND);
			}
			else {
				assertThat(r).as(role.name()).hasStatusOk().bodyJson().extractingPath("$.view").isEqualTo(view);
			}
		}
	}

	@Test
	void theWorkflowGoesStepByStepWithEveryStepInTheHistory() {
		long id = reported(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		String uri = "/api/v1/security/incidents/" + id + "/transitions";
		assertThat(mvc.post().uri(uri).with(as("rssi")).contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"QUALIFIED\"}"))
			.hasStatus(HttpStatus.PRECONDITION_REQUIRED);
		assertThat(mvc.post().uri(uri).with(as("rssi")).header("If-Match", "\"99\"").contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"QUALIFIED\",\"category\":\"PHISHING\",\"severity\":\"LOW\",\"personalDataBreach\":false}"))
			.hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(step(mvc, "rssi", id, "{\"to\":\"CLOSED\",\"lessonsLearned\":\"x\"}")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.allowed").asArray().containsExactly("QUALIFIED");
		// the RSSI qualifies, not the handling party
		assertThat(step(mvc, "agent.cd", id, "{\"to\":\"QUALIFIED\",\"category\":\"PHISHING\",\"severity\":\"LOW\",\"personalDataBreach\":false}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult bad = step(mvc, "rssi", id, "{\"to\":\"QUALIFIED\",\"category\":\"SPAM\"}");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat((List<String>) JsonPath.read(content(bad), "$.errors[*].field")).contains("category");
		MvcTestResult missing = step(mvc, "rssi", id, "{\"to\":\"QUALIFIED\"}");
		assertThat((List<String>) JsonPath.read(content(missing), "$.errors[*].field")).containsExactlyInAnyOrder("category", "severity", "personalDataBreach");
		assertThat(step(mvc, "rssi", id, "{\"to\":\"QUALIFIED\",\"category\":\"PHISHING\",\"severity\":\"MEDIUM\",\"personalDataBreach\":false}"))
			.hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("QUALIFIED");
		assertThat(step(mvc, "agent.aca", id, "{\"to\":\"CONTAINMENT\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(step(mvc, "agent.cd", id, "{\"to\":\"CONTAINMENT\",\"note\":\"Poste isolé du réseau\"}")).hasStatusOk();
		assertThat(step(mvc, "agent.cd", id, "{\"to\":\"INVESTIGATION\"}")).hasStatusOk();
		MvcTestResult noPlan = step(mvc, "agent.cd", id, "{\"to\":\"REMEDIATION\"}");
		assertThat(noPlan).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("actions");
		MvcTestResult badAction = step(mvc, "agent.cd", id, "{\"to\":\"REMEDIATION\",\"actions\":[{\"description\":\"Réinstaller\",\"owner\":\"CD\",\"dueDate\":\"demain\"}]}");
		assertThat(badAction).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("actions[0].dueDate");
		MvcTestResult plan = step(mvc, "agent.cd", id, """
				{"to":"REMEDIATION","actions":[{"description":"Réinstaller le poste","owner":"Prestataire du CD","dueDate":"2026-03-20"},
				 {"description":"Sensibiliser l'équipe","owner":"RSN du collège","dueDate":"2026-04-01"}]}""");
		assertThat(plan).hasStatusOk().bodyJson().extractingPath("$.remediationPlan").asArray().hasSize(2);
		long action = ((Number) JsonPath.read(content(plan), "$.remediationPlan[0].id")).longValue();
		assertThat(mvc.post().uri("/api/v1/security/incidents/" + id + "/actions/" + action + "/completion").with(as("rssi"))
			.header("If-Match", etag(mvc, "rssi", id))).hasStatusOk().bodyJson().extractingPath("$.remediationPlan[0].doneBy").isEqualTo("rssi");
		MvcTestResult noLessons = step(mvc, "agent.cd", id, "{\"to\":\"CLOSED\"}");
		assertThat(noLessons).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lessonsLearned");
		MvcTestResult closed = step(mvc, "agent.cd", id, "{\"to\":\"CLOSED\",\"lessonsLearned\":\"Filtrer les pièces jointes exécutables.\"}");
		assertThat(closed).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("CLOSED");
		String body = content(closed);
		List<String> types = JsonPath.read(body, "$.history[*].type");
		assertThat(types).containsSubsequence("REPORTED", "QUALIFIED", "CONTAINMENT", "INVESTIGATION", "REMEDIATION", "ACTION_DONE", "CLOSED");
		List<String> statuses = JsonPath.read(body, "$.inform[*].status");
		assertThat(statuses).containsOnly("SENT");
		assertThat(types.stream().filter("INFORMED"::equals).count()).isEqualTo(2);
		assertThat(body).contains("Filtrer les pièces jointes exécutables.");
		// the reporter reads the status, and nothing else
		assertThat(mvc.get().uri("/api/v1/security/incidents/" + id).with(as("college"))).hasStatusOk()
			.bodyJson().extractingPath("$.status").isEqualTo("CLOSED");
	}

	@Test
	void listFiltersAreCheckedByName() {
		assertThat(mvc.get().uri("/api/v1/security/incidents?status=OPEN").with(as("rssi"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.parameter").isEqualTo("status");
		assertThat(mvc.get().uri("/api/v1/security/incidents?size=0").with(as("rssi"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.parameter").isEqualTo("size");
		long id = reported(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		assertThat(mvc.get().uri("/api/v1/security/incidents?status=REPORTED&handledBy=CD&size=200").with(as("rssi")))
			.hasStatusOk().bodyJson().extractingPath("$.items[*].id").asArray().contains((int) id);
	}

	private List<Long> ids(String user) {
		MvcTestResult r = mvc.get().uri("/api/v1/security/incidents?size=200").with(as(user)).exchange();
		assertThat(r).hasStatusOk();
		List<Number> ids = JsonPath.read(content(r), "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	private long count() {
		return jdbc.sql("select count(*) from security_incident").query(Long.class).single()
				+ jdbc.sql("select count(*) from security_incident_inform").query(Long.class).single()
				+ jdbc.sql("select count(*) from security_incident_event").query(Long.class).single();
	}
}
