package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.YearMonth;
import java.time.ZoneId;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The monthly statistics page: a past month produced again from the page (the API's permission), both productions
 * listed with their convention version, the latest authoritative; readers who may not produce see no button.
 */
@EntenteTest
class StatisticsPageTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aPastMonthIsProducedAgainAndBothProductionsAreKept() {
		// A month of its own (eleven months back): other tests produce last month.
		String month = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(11).toString();
		String page = "/indicateurs/statistiques?month=" + month;
		for (int i = 0; i < 2; i++) {
			MvcTestResult r = mvc.post().uri("/indicateurs/statistiques/" + month + "/productions").with(as("agent.cd")).with(csrf()).exchange();
			assertThat(r).hasStatus(HttpStatus.FOUND).hasRedirectedUrl(page);
		}
		MvcTestResult r = mvc.get().uri(page).with(as("agent.cd")).exchange();
		assertThat(r).hasStatusOk();
		String html = ReportingApiTests.content(r);
		assertThat(html).contains("Productions de " + month, "fait foi", "conservée", "Produire à nouveau les statistiques de " + month);
		assertThat(html.split("<td>agent.cd</td>", -1).length - 1).isGreaterThanOrEqualTo(2);

		// A manager reads but does not produce (as by the API); the collège does not read.
		MvcTestResult manager = mvc.get().uri(page).with(as("gestion.cd")).exchange();
		assertThat(manager).hasStatusOk();
		assertThat(ReportingApiTests.content(manager)).contains("fait foi").doesNotContain("Produire à nouveau");
		assertThat(mvc.post().uri("/indicateurs/statistiques/" + month + "/productions").with(as("gestion.cd")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(page).with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
		// The month in progress has no button (the API answers 409).
		String current = YearMonth.now(ZoneId.of("Europe/Paris")).toString();
		assertThat(ReportingApiTests.content(mvc.get().uri("/indicateurs/statistiques?month=" + current).with(as("agent.cd")).exchange()))
			.doesNotContain("Produire à nouveau");
	}
}
