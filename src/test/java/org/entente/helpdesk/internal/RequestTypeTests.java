package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.entente.EntenteTest;
import org.entente.convention.Convention;
import org.entente.convention.ConventionFixtures;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Clocks.StatusChange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The convention's request types (enrolment of an administrative workstation, the Académie's spare order to the
 * Département) and the restoration conditions recorded after opening (annexe §4).
 */
@EntenteTest
class RequestTypeTests {

	static final String COLLEGE = TicketApiTests.COLLEGE;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TicketRepository tickets;

	@Autowired
	Clocks clocks;

	MvcTestResult create(String user, String json) {
		return mvc.post().uri("/api/v1/tickets").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	long id(MvcTestResult r) {
		return ((Number) JsonPath.read(TicketApiTests.content(r), "$.id")).longValue();
	}

	MvcTestResult conditions(String user, long id, String json) {
		String etag = mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange().getResponse().getHeader("ETag");
		return mvc.put().uri("/api/v1/tickets/" + id + "/restoration-conditions").with(as(user)).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@Test
	void anEnrolmentGoesToTheAcademieWithAResponseTimeToBeSetByTheCommittee() {
		// Annexe §3, Stations administratives: « Préciser le délai de réponse pour l'enrôlement » (PAC-02).
		MvcTestResult r = create("college", TicketApiTests.body(COLLEGE, TicketApiTests.unique("Enrôler le poste de l'intendance"),
				"STATIONS_ADMINISTRATIVES", "ADMINISTRATION", ",\"requestType\":\"ENROLMENT\""));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("ACA");
		assertThat(r).bodyJson().extractingPath("$.requestType").isEqualTo("ENROLMENT");
		assertThat(r).bodyJson().extractingPath("$.deadlines.response.toBeSet").isEqualTo("à fixer par le comité");
		assertThat(r).bodyJson().extractingPath("$.deadlines.response.pointToClarify").isEqualTo("PAC-02");
		assertThat(r).bodyJson().extractingPath("$.deadlines.response.deadline").isNull();
		assertThat(mvc.get().uri("/tickets/" + id(r)).with(as("college"))).hasStatusOk().bodyText()
			.contains("Réponse à la demande d&#39;enrôlement", "à fixer par le comité", "/points-a-clarifier#PAC-02");
		// The report form offers it in the collège's words and gives the type to the desk.
		MvcTestResult page = mvc.post().uri("/signaler").with(as("college")).with(csrf()).param("problem", "enrolement")
			.param("title", TicketApiTests.unique("Nouveau poste secrétariat")).param("description", "À enrôler").exchange();
		assertThat(page).hasStatus(HttpStatus.FOUND);
		long fromPage = Long.parseLong(page.getResponse().getRedirectedUrl().substring("/tickets/".length()));
		Ticket t = tickets.find(fromPage).orElseThrow();
		assertThat(t.requestType()).isEqualTo("ENROLMENT");
		assertThat(t.parties()).containsExactly("ACA");
		assertThat(create("college", TicketApiTests.body(COLLEGE, "x", "STATIONS_PEDAGOGIQUES", "ADMINISTRATION",
				",\"requestType\":\"ENROLMENT\""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("component");
		assertThat(create("college", TicketApiTests.body(COLLEGE, "x", "STATIONS_ADMINISTRATIVES", "ADMINISTRATION",
				",\"requestType\":\"INCONNU\""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("requestType");
	}

	@Test
	void anAmendmentThatSetsTheEnrolmentTimeMakesItAClockWithoutCode() {
		long id = id(create("college", TicketApiTests.body(COLLEGE, TicketApiTests.unique("Enrôlement"),
				"STATIONS_ADMINISTRATIVES", "ADMINISTRATION", ",\"requestType\":\"ENROLMENT\"")));
		Ticket t = tickets.find(id).orElseThrow();
		assertThat(clocks.applicable(t, ConventionFixtures.seed())).isEmpty();
		String seed = ConventionFixtures.seedText();
		String open = "workingDays: null, bindingFor: [ACA], pointToClarify: PAC-02";
		assertThat(seed).contains(open);
		Convention amended = ConventionFixtures.parse("avenant-enrolement.yaml",
				seed.replace(open, "workingDays: 3, bindingFor: [ACA], pointToClarify: PAC-02"));
		var applicable = clocks.applicable(t, amended);
		assertThat(applicable).singleElement().satisfies(c -> {
			assertThat(c.code()).isEqualTo("ENROLMENT");
			assertThat(c.workingDays()).isEqualByComparingTo(BigDecimal.valueOf(3));
			assertThat(c.binds(t.parties())).isTrue();
		});
		var view = clocks.compute(t, applicable.get(0), List.of(new StatusChange(t.openedAt(), TicketStatus.NEW)), Instant.now());
		assertThat(view.deadline()).isAfter(t.openedAt());
		var response = TicketViews.response(List.of(view), amended.serviceLevels().requestType("ENROLMENT"), ZoneId.of("Europe/Paris"));
		assertThat(response.toBeSet()).isNull();
		assertThat(response.deadline()).isNotNull();
		assertThat(response.binding()).isTrue();
	}

	@Test
	void aSpareOrderIsTheAcademiesNoticeToTheDepartementAndShowsInTheSparesView() {
		// Annexe §3, Infrastructure système: « informer au plus tôt le Département en cas de commande nécessaire de spare ».
		String title = TicketApiTests.unique("Disques du serveur ESX à commander");
		MvcTestResult r = create("agent.aca", TicketApiTests.body(COLLEGE, title, "RESEAU_ADMINISTRATIF", "SUPPLY",
				",\"requestType\":\"SPARE_ORDER\""));
		assertThat(r).as(TicketApiTests.content(r)).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("CD");
		assertThat(r).bodyJson().extractingPath("$.requestType").isEqualTo("SPARE_ORDER");
		assertThat(create("college", TicketApiTests.body(COLLEGE, "x", "RESEAU_ADMINISTRATIF", "SUPPLY",
				",\"requestType\":\"SPARE_ORDER\""))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(create("agent.cd", TicketApiTests.body(COLLEGE, "x", "RESEAU_ADMINISTRATIF", "SUPPLY",
				",\"requestType\":\"SPARE_ORDER\""))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/inventaire/rechange").with(as("agent.cd"))).hasStatusOk().bodyText()
			.contains("Commandes de matériel de secours", title);
		assertThat(mvc.get().uri("/signaler").with(as("agent.aca"))).bodyText().contains("Commander un matériel de secours");
		assertThat(mvc.get().uri("/signaler").with(as("college"))).bodyText().doesNotContain("Commander un matériel de secours");
	}

	@Test
	void theResponsibleAgentRecordsTheRestorationConditionsAfterOpening() {
		// Annexe §4: « lorsque le matériel de secours (spare) le permet et que l'Académie maîtrise les éléments en défaut ».
		long id = id(create("college", TicketApiTests.body(COLLEGE, TicketApiTests.unique("ENT"), "TOUTATICE_PORTAIL",
				"ASSISTANCE", ",\"kind\":\"INCIDENT\"")));
		assertThat(conditions("agent.cd", id, "{\"spareAvailable\":false}")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult stopped = conditions("agent.aca", id, "{\"spareAvailable\":false,\"reason\":\"pas de serveur de secours\"}");
		assertThat(stopped).hasStatusOk();
		assertThat(stopped).bodyJson().extractingPath("$.deadlines.restoration").isNull();
		assertThat(stopped).bodyJson().extractingPath("$.deadlines.conditional.committed").isEqualTo(false);
		assertThat(stopped).bodyJson().extractingPath("$.clocks[*].code").asArray().containsExactly("TAKE_CHARGE");
		Instant before = Instant.now();
		MvcTestResult restarted = conditions("agent.aca", id, "{\"spareAvailable\":true,\"partyControlsElement\":true}");
		assertThat(restarted).bodyJson().extractingPath("$.deadlines.restoration").isNotNull();
		assertThat(restarted).bodyJson().extractingPath("$.deadlines.conditional.committed").isEqualTo(true);
		Ticket t = tickets.find(id).orElseThrow();
		assertThat(t.restorationStart()).isAfterOrEqualTo(before.minusSeconds(1)).isAfter(t.openedAt());
		String page = TicketApiTests.content(mvc.get().uri("/tickets/" + id).with(as("agent.aca")).exchange());
		assertThat(page).contains("Conditions du rétablissement : matériel de secours non", "engagement d&#39;une journée relancé",
				"conditions-form", "Inconnu vaut réuni");
		// The page form does the same.
		assertThat(mvc.post().uri("/tickets/" + id + "/conditions").with(as("agent.aca")).with(csrf())
			.param("version", String.valueOf(t.version())).param("spare", "oui").param("controls", "non"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(tickets.find(id).orElseThrow().restorationCommitted()).isFalse();
	}
}
