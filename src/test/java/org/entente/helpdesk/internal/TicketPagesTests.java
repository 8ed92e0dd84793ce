package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The desk's pages render for each role, forms work, out-of-scope tickets are 404, CSV is Excel-ready. */
@EntenteTest
class TicketPagesTests {

	@Autowired
	MockMvcTester mvc;

	long report(String title) {
		MvcTestResult r = mvc.post().uri("/signaler").with(as("college")).with(csrf())
			.param("problem", "internet").param("title", title).param("description", "Plus de réseau au CDI").exchange();
		assertThat(r).hasStatus(HttpStatus.FOUND);
		String location = r.getResponse().getRedirectedUrl();
		assertThat(location).matches("/tickets/\\d+");
		return Long.parseLong(location.substring("/tickets/".length()));
	}

	@Test
	void aCollegeReportsInItsWordsAndSeesRoutingAndClocks() {
		assertThat(mvc.get().uri("/signaler").with(as("college")))
			.hasStatusOk().bodyText().contains("Internet ne fonctionne plus", "Un vidéoprojecteur");
		assertThat(mvc.get().uri("/signaler?q=badgeuse").with(as("college")))
			.hasStatusOk().bodyText().contains("TECHNIQUE_APPAREILS_CONNECTES");
		String title = TicketApiTests.unique("CDI sans internet");
		long id = report(title);
		assertThat(mvc.get().uri("/tickets/" + id).with(as("college")))
			.hasStatusOk().bodyText().contains(title, "Adduction internet", "Prise en charge", "Annexe opérationnelle §3");
		assertThat(mvc.get().uri("/tickets/" + id).with(as("college2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/tickets").with(as("niveau1")))
			.hasStatusOk().bodyText().contains(title);
		assertThat(mvc.get().uri("/tickets?criticality=CRITICAL&sla=AT_RISK&openOnly=true").with(as("agent.cd")))
			.hasStatusOk();
	}

	@Test
	void aBadListFilterSaysWhichParameterAndTheTeamQueueIsMarkedCurrent() {
		assertThat(mvc.get().uri("/tickets?status=NOPE").with(as("niveau1")))
			.hasStatus(org.springframework.http.HttpStatus.BAD_REQUEST).bodyText().contains("« NOPE »", "« status »");
		// The team's queue is sorted by priority (annexe §4).
		assertThat(mvc.get().uri("/tickets?party=CD&level=2&openOnly=true&sort=priority").with(as("agent.cd")))
			.hasStatusOk().bodyText()
			.containsPattern("href=\"/tickets\\?party=CD&amp;level=2&amp;openOnly=true&amp;sort=priority\"[^>]*aria-current");
	}

	@Test
	void aTooLongDescriptionIsSaidNextToTheField() {
		assertThat(mvc.post().uri("/signaler").with(as("college")).with(csrf())
			.param("title", "Internet").param("description", "x".repeat(10_001)).param("problem", "INTERNET"))
			.hasStatusOk().bodyText().contains("description-error", "10 000 caractères au plus.");
	}

	@Test
	void missingFieldsAreSaidNextToTheField() {
		assertThat(mvc.post().uri("/signaler").with(as("college")).with(csrf()).param("title", ""))
			.hasStatusOk().bodyText().contains("title-error", "Choisissez ce qui ne va pas");
	}

	@Test
	void anAgentMovesTheTicketOnFromItsPage() {
		long id = report(TicketApiTests.unique("Switch"));
		assertThat(mvc.post().uri("/tickets/" + id + "/transition").with(as("niveau1")).with(csrf())
			.param("version", "0").param("to", "TAKEN_IN_CHARGE")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/tickets/" + id).with(as("niveau1")))
			.bodyText().contains("Pris en charge (diagnostic)");
		assertThat(mvc.post().uri("/tickets/" + id + "/escalade").with(as("niveau1")).with(csrf())
			.param("version", "1")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri("/tickets/" + id + "/renvoi").with(as("agent.cd")).with(csrf())
			.param("version", "2").param("reason", "Câblage du bâtiment")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/tickets/" + id).with(as("niveau1")))
			.bodyText().contains("Renvoyé 1 fois", "Câblage du bâtiment");
	}

	@Test
	void csvExportIsForFrenchSpreadsheets() throws Exception {
		String title = TicketApiTests.unique("=Export; test");
		report(title);
		MvcTestResult r = mvc.get().uri("/tickets/export.csv?q=" + title.substring(title.length() - 8))
			.with(as("niveau1")).exchange();
		assertThat(r).hasStatusOk();
		byte[] bytes = r.getResponse().getContentAsByteArray();
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);
		String csv = new String(bytes, StandardCharsets.UTF_8);
		assertThat(csv).contains("Numéro;Type;").contains("\"'=Export; test");
	}
}
