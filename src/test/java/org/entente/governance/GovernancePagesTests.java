package org.entente.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.entente.TestAccounts.as;

import java.time.LocalDate;
import java.util.UUID;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The governance pages as each role sees them, server side (the browser tests check them in Chromium). */
@EntenteTest
class GovernancePagesTests {

	/** The application's « today » is the convention's (Paris): between 23:00 and midnight UTC the JVM's date is a day behind. */
	private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

	private static final String ACCOUNT = "30001 00682 A350 00000000 63";
	private static final String SIRET = "173 504 309 00019";

	@Autowired
	MockMvcTester mvc;

	private MvcTestResult get(String uri, String user) {
		return mvc.get().uri(uri).with(as(user)).exchange();
	}

	private static String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "finances", "admin" })
	void paymentDetailsAreShownToFinanceAndAdmin(String user) {
		String page = html(get("/gouvernance/contribution-ent", user));
		assertThat(page).contains("id=\"payment-details\"").contains(ACCOUNT).contains(SIRET).contains("BDF RENNES");
		assertThat(page).contains("Marquer payée");
	}

	/** The committees' forms follow GovernancePermissions, the rule the controllers apply too. */
	@Test
	void onlyTheDepartmentSeesTheCommitteeForms() {
		assertThat(html(get("/gouvernance/comites", "agent.cd"))).contains("id=\"ajout-membre\"");
		for (String user : new String[] { "agent.aca", "college", "finances" }) {
			assertThat(html(get("/gouvernance/comites", user))).as(user).doesNotContain("id=\"ajout-membre\"");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "agent.cd", "agent.aca", "college", "prestataire", "niveau1" })
	void paymentDetailsAreHiddenFromOtherRoles(String user) {
		var result = get("/gouvernance/contribution-ent", user);
		assertThat(result).hasStatusOk();
		String page = html(result);
		assertThat(page).contains("18 411 €").contains("55 233 €");
		assertThat(page).doesNotContain("payment-details").doesNotContain(ACCOUNT).doesNotContain(SIRET)
			.doesNotContain("BDF RENNES").doesNotContain("Marquer payée");
	}

	@Test
	void contributionPageShowsTheAnnexLinesAndItsPointsToClarify() {
		String page = html(get("/gouvernance/contribution-ent", "agent.cd"));
		assertThat(page).contains("Nombre d&#39;élèves").contains("32 490").contains("Indice Syntec révisé")
			.contains("1,000").contains("Prorata (mois)").contains("PAC-33").contains("PAC-34").contains("PAC-35")
			.contains("32 490 × 1,70 € × 1,000 × 4 / 12 = 18 411 €");
	}

	@Test
	void whatIfComputesWithoutChangingTheConvention() {
		String page = html(get("/gouvernance/contribution-ent?year=2026&pupils=33000&months=12", "college"));
		assertThat(page).contains("id=\"whatif-result\"").contains("56 100 €");
		String again = html(get("/gouvernance/contribution-ent", "college"));
		assertThat(again).contains("55 233 €").doesNotContain("56 100");
	}

	@Test
	void whatIfErrorsStandNextToTheirField() {
		String page = html(get("/gouvernance/contribution-ent?pupils=beaucoup&months=14", "college"));
		assertThat(page).contains("id=\"pupils-error\"").contains("aria-invalid=\"true\"").doesNotContain("whatif-result");
		String months = html(get("/gouvernance/contribution-ent?months=14", "college"));
		assertThat(months).contains("id=\"months-error\"").contains("entre 0 et 12 mois");
	}

	@Test
	void lifecyclePageAndBanner() {
		String page = html(get("/gouvernance", "college"));
		assertThat(page).contains("01/04/2025").contains("31/12/2026").contains("01/07/2026").contains("id=\"days-left\"")
			.contains("Convention initiale");
		assertThat(page).doesNotContain("Enregistrer le préavis");
		assertThat(html(get("/gouvernance", "agent.aca"))).contains("Enregistrer le préavis");
		String banner = html(get("/gouvernance/bandeau", "college"));
		assertThat(banner).contains("bandeau-gouvernance").contains("31/12/2026").doesNotContain("<html");
		assertThat(html(get("/", "college"))).contains("hx-get=\"/gouvernance/bandeau\"").contains("href=\"/gouvernance\"");
	}

	@Test
	void aNoticeWithMissingFieldsIsRefusedFieldByField() {
		var result = mvc.post().uri("/gouvernance/preavis").with(as("agent.aca")).with(csrf())
			.param("receivedOn", "").param("sender", "").param("reason", "").exchange();
		assertThat(result).hasStatusOk();
		String page = html(result);
		assertThat(page).contains("id=\"receivedOn-error\"").contains("id=\"sender-error\"").contains("id=\"reason-error\"")
			.contains("Ce champ est obligatoire.");
		var future = mvc.post().uri("/gouvernance/preavis").with(as("agent.cd")).with(csrf())
			.param("receivedOn", LocalDate.now(PARIS).plusDays(3).toString()).param("sender", "CD").param("reason", "test").exchange();
		assertThat(html(future)).contains("id=\"receivedOn-error\"").contains("futur");
	}

	@Test
	void onlyTheSignatoriesAgentsRecordNoticesAndOnlyFinanceMarksPayments() {
		assertThat(mvc.post().uri("/gouvernance/preavis").with(as("college")).with(csrf())
			.param("receivedOn", "2026-01-05").param("sender", "CD").param("reason", "x").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/gouvernance/contribution-ent/2025/paiement").with(as("agent.cd"))
			.with(csrf()).param("paidOn", "2025-05-02").exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/gouvernance/comites/membres").with(as("agent.aca"))
			.with(csrf()).param("committee", "STRATEGIC").param("name", "X").param("email", "x@ac-rennes.fr").param("party", "ACA")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aTooLongReferenceAndAForgedPartyAreSaidNextToTheirField() {
		var payment = mvc.post().uri("/gouvernance/contribution-ent/2025/paiement").with(as("finances"))
			.with(csrf()).param("paidOn", "2025-05-02").param("reference", "R".repeat(201)).exchange();
		assertThat(html(payment)).contains("id=\"reference-error-2025\"").contains("Ce texte est trop long.");
		var member = mvc.post().uri("/gouvernance/comites/membres").with(as("agent.cd"))
			.with(csrf()).param("committee", "STRATEGIC").param("name", "X").param("email", "x@ille-et-vilaine.fr")
			.param("party", "N'IMPORTE QUOI DE TRES LONG").exchange();
		assertThat(member).hasStatusOk();
		assertThat(html(member)).contains("id=\"party-error\"", "Choisissez une des parties proposées.");
	}

	@Test
	void committeesCalendarWarnsOfLateMeetingsAndDecisionsAreSearchable() {
		String page = html(get("/gouvernance/comites", "agent.aca"));
		assertThat(page).contains("Comité stratégique").contains("Comité opérationnel").contains("Comité d&#39;évaluation")
			.contains("Comité d&#39;exploitation").contains("Article 4 a)");
		assertThat(page).doesNotContain("Planifier une réunion").doesNotContain("Ajouter un membre nommé");
		assertThat(html(get("/gouvernance/comites", "agent.cd"))).contains("Planifier une réunion").contains("Ajouter un membre nommé");

		String word = "wifi" + UUID.randomUUID().toString().substring(0, 8);
		var created = mvc.post().uri("/gouvernance/comites/OPERATIONAL/reunions").with(as("agent.cd"))
			.with(csrf()).param("date", LocalDate.now(PARIS).plusDays(10).toString()).param("time", "14:00").param("duration", "90")
			.param("place", "Hôtel du Département").param("agenda", "Point " + word).exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String meeting = created.getResponse().getRedirectedUrl();
		var decision = mvc.post().uri(meeting + "/decisions").with(as("agent.cd")).with(csrf())
			.param("text", "Généraliser le " + word + " aux collèges").param("targetType", "ROUTING_PARAMETER")
			.param("targetRef", "BORNES_WIFI").exchange();
		assertThat(decision).hasStatus(HttpStatus.FOUND);
		String unknownVersion = html(mvc.post().uri(meeting + "/decisions").with(as("agent.cd"))
			.with(csrf()).param("text", "Adopter l'avenant").param("targetType", "CONVENTION_VERSION").param("targetRef", "99")
			.exchange());
		assertThat(unknownVersion).contains("id=\"targetRef-error\"").contains("Version de convention inconnue");
		assertThat(mvc.post().uri(meeting + "/decisions").with(as("agent.cd")).with(csrf())
			.param("text", "Adopter la version 1").param("targetType", "CONVENTION_VERSION").param("targetRef", "1").exchange())
			.hasStatus(HttpStatus.FOUND);
		String results = html(mvc.get().uri("/gouvernance/decisions").param("q", word.toUpperCase() + " collèges")
			.with(as("college")).exchange());
		assertThat(results).contains("Généraliser le " + word).contains("BORNES_WIFI").contains("Comité opérationnel");
		assertThat(html(mvc.get().uri("/gouvernance/decisions").param("q", word + " introuvable")
			.with(as("college")).exchange())).doesNotContain("Généraliser");
		assertThat(html(get(meeting, "college"))).contains("Point " + word).contains("Généraliser le " + word);

		// a guest for this meeting only, e.g. a contractor; the party defaults to contractor
		assertThat(html(get(meeting, "agent.cd"))).contains("<option value=\"PRESTATAIRE\" selected=\"selected\">");
		assertThat(mvc.post().uri(meeting + "/invites").with(as("agent.cd")).with(csrf())
			.param("name", "Prestataire " + word).param("email", word + "@prestataire.fr").param("party", "PRESTATAIRE")
			.exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(html(get(meeting, "college"))).contains(word + "@prestataire.fr");
		String invalid = html(mvc.post().uri(meeting + "/invites").with(as("agent.cd")).with(csrf())
			.param("name", "X").param("email", "pas une adresse").param("party", "PRESTATAIRE").exchange());
		assertThat(invalid).contains("id=\"email-error\"").contains("Adresse de messagerie invalide");
	}

	/** A governance refusal with its code reads in the page's language; the API keeps its French detail and the code. */
	@Test
	void aCodedRefusalReadsInEnglishOnAnEnglishPage() {
		assertThat(html(get("/gouvernance/contribution-ent?months=14&lang=en", "college"))).contains("id=\"months-error\"")
			.contains("The pro rata must be between 0 and 12 months.").doesNotContain("Le prorata doit");
		var past = mvc.post().uri("/gouvernance/comites/EXPLOITATION/reunions?lang=en").with(as("agent.cd"))
			.with(csrf()).param("date", "2020-01-01").param("time", "14:00").param("duration", "60").exchange();
		assertThat(html(past)).contains("id=\"date-error\"").contains("A meeting is scheduled for today or later.")
			.doesNotContain("aujourd&#39;hui ou plus tard");
		var api = mvc.get().uri("/api/v1/governance/ent-contribution?year=2026&months=14").header("Accept-Language", "en")
			.with(as("college")).exchange();
		assertThat(api).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail")
			.isEqualTo("Le prorata doit être compris entre 0 et 12 mois.");
		assertThat(api).bodyJson().extractingPath("$.code").isEqualTo("gov.refused.months");
	}

	@Test
	void theScheduleFormProposesTheNextDueDate() {
		String form = html(get("/gouvernance/comites/EXPLOITATION/nouvelle-reunion", "agent.cd"));
		assertThat(form).contains("type=\"date\"").contains("value=\"" + LocalDate.now(PARIS).plusDays(1))
			.contains("mensuel");
		assertThat(get("/gouvernance/comites/EXPLOITATION/nouvelle-reunion", "college")).hasStatus(HttpStatus.FORBIDDEN);
		var invalid = mvc.post().uri("/gouvernance/comites/EXPLOITATION/reunions").with(as("agent.cd"))
			.with(csrf()).param("date", "2020-01-01").param("time", "14:00").param("duration", "").exchange();
		assertThat(invalid).hasStatusOk();
		assertThat(html(invalid)).contains("id=\"duration-error\"");
		var past = mvc.post().uri("/gouvernance/comites/EXPLOITATION/reunions").with(as("agent.cd"))
			.with(csrf()).param("date", "2020-01-01").param("time", "14:00").param("duration", "60").exchange();
		assertThat(html(past)).contains("id=\"date-error\"").contains("aujourd&#39;hui ou plus tard");
		assertThat(get("/gouvernance/reunions/999999", "college")).hasStatus(HttpStatus.NOT_FOUND);
	}
}
