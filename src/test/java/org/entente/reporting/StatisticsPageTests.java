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
 * The monthly statistics page and the committee packs: a past month produced again from the page (the API's permission), both productions
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

	static String text(byte[] pdf) {
		try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void committeePacksFitTheirCommitteesMissions() {
		MvcTestResult strategic = mvc.get().uri("/indicateurs/comites/STRATEGIC.pdf?from=2026-01-01&to=2026-06-30").with(as("agent.cd")).exchange();
		assertThat(strategic).hasStatusOk().hasContentType("application/pdf");
		String s = text(strategic.getResponse().getContentAsByteArray());
		assertThat(s).contains("Comité stratégique", "Missions du comité", "État des services rendus", "Niveaux de service",
				"Décisions attendues", "Points à clarifier", "PAC-01");
		String exploitation = text(mvc.get().uri("/indicateurs/comites/EXPLOITATION.pdf?from=2026-01-01&to=2026-03-31")
			.with(as("gestion.aca")).exchange().getResponse().getContentAsByteArray());
		assertThat(exploitation).contains("Tendances de l'assistance", "2026-01", "2026-02", "2026-03").doesNotContain("Points à clarifier");
		// A chosen period says nothing of meetings; without one, the pack runs since the committee's last recorded meeting.
		assertThat(s).contains("Période du 01/01/2026 au 30/06/2026").doesNotContain("réunion précédente");
		java.time.LocalDate yesterday = java.time.LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1);
		String day = yesterday.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		assertThat(mvc.post().uri("/gouvernance/comites/OPERATIONAL/reunions-passees").with(as("agent.cd")).with(csrf())
			.param("dates", day)).hasStatus(HttpStatus.FOUND);
		assertThat(text(mvc.get().uri("/indicateurs/comites/OPERATIONAL.pdf").with(as("agent.cd")).exchange().getResponse()
			.getContentAsByteArray())).contains("Période du " + day + " au ", "depuis la réunion précédente du comité, le " + day);
		// The evaluation committee's pack: the use of equipment, from the inventory's public API.
		assertThat(text(mvc.get().uri("/indicateurs/comites/EVALUATION.pdf?from=2026-01-01&to=2026-06-30").with(as("agent.cd"))
			.exchange().getResponse().getContentAsByteArray()))
			.contains("Utilisation des équipements : inventaire par établissement", "Équité au regard du référentiel")
			.doesNotContain("Pas encore assemblé");
		assertThat(mvc.get().uri("/indicateurs/comites/INCONNU.pdf").with(as("agent.cd"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/indicateurs/comites/STRATEGIC.pdf").with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
	}
}
