package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.entente.security.internal.SecurityTestSupport.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import com.jayway.jsonpath.JsonPath;

/** The security pages through MockMvc: the report form, errors next to fields, confidentiality, the breach clock. */
@EntenteTest
class SecurityPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void homeAndTheDesksReportPageLinkToTheSecurityReport() {
		assertThat(mvc.get().uri("/").with(as("college"))).hasStatusOk().bodyText().contains("href=\"/securite/signaler\"");
		assertThat(mvc.get().uri("/signaler").with(as("college"))).hasStatusOk().bodyText().contains("href=\"/securite/signaler\"");
		assertThat(mvc.get().uri("/securite/signaler").with(as("college"))).hasStatusOk().bodyText()
			.contains("Un message suspect", "Un poste qui se comporte bizarrement", "Des données perdues ou volées");
	}

	@Test
	void aFormWithFaultsSaysThemNextToTheFieldsAndWritesNothing() {
		long before = jdbc.sql("select count(*) from security_incident").query(Long.class).single();
		MvcTestResult r = mvc.post().uri("/securite/signaler").with(as("college")).with(csrf())
			.param("detectedAt", "hier").exchange();
		assertThat(r).hasStatusOk().bodyText()
			.contains("id=\"kind-error\"", "id=\"component-error\"", "id=\"description-error\"", "id=\"detectedAt-error\"", "id=\"personalData-error\"")
			.contains("aria-invalid=\"true\"");
		assertThat(jdbc.sql("select count(*) from security_incident").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aCollegeReportsInPlainWordsAndSeesTheStatusOnly() {
		MvcTestResult r = mvc.post().uri("/securite/signaler").with(as("college")).with(csrf())
			.param("kind", "message").param("component", "STATIONS_PEDAGOGIQUES").param("title", unique("mail de la banque"))
			.param("description", "Un courriel demande le mot de passe Toutatice.").param("detectedAt", "2026-11-30T08:15")
			.param("personalData", "nsp").param("minors", "non").exchange();
		assertThat(r).hasStatus(HttpStatus.FOUND);
		String location = r.getResponse().getRedirectedUrl();
		assertThat(location).matches("/securite/incidents/\\d+\\?signale");
		String page = location.replace("?signale", "");
		assertThat(mvc.get().uri(location).with(as("college"))).hasStatusOk().bodyText()
			.contains("Votre signalement est enregistré").doesNotContain("Devoirs d'information", "Un courriel demande");
		assertThat(mvc.get().uri(page).with(as("college2"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(page).with(as("agent.aca"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(page).with(as("agent.cd"))).hasStatusOk().bodyText()
			.contains("Devoirs d&#39;information", "rssi@ac-rennes.fr", "Un courriel demande", "Chronologie", "Plan de remédiation");
		// « je ne sais pas » counts as personal data possibly involved: the DPOs see it
		assertThat(mvc.get().uri(page).with(as("dpd"))).hasStatusOk();
		assertThat(mvc.get().uri("/securite/incidents").with(as("rssi"))).hasStatusOk().bodyText()
			.contains("Incidents par étape et par partie", "Département (CD)");
		assertThat(mvc.get().uri("/securite/incidents").with(as("college"))).hasStatusOk().bodyText()
			.contains("Mes signalements").doesNotContain("Incidents par étape");
	}

	@Test
	void theRssiQualifiesFromThePageAndAFaultIsSaidNextToItsField() {
		long id = reported(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		String page = "/securite/incidents/" + id;
		assertThat(mvc.get().uri(page).with(as("rssi"))).hasStatusOk().bodyText().contains("name=\"category\"");
		MvcTestResult bad = mvc.post().uri(page + "/etape").with(as("rssi")).with(csrf()).param("to", "QUALIFIED").param("version", "0").exchange();
		assertThat(bad).hasStatus(HttpStatus.FOUND);
		// The flash attributes live in the session (Spring Session JDBC): follow the redirect with its cookie.
		assertThat(mvc.get().uri(page).with(as("rssi")).cookie(bad.getResponse().getCookies())).bodyText()
			.contains("id=\"category-error\"", "id=\"severity-error\"");
		MvcTestResult ok = mvc.post().uri(page + "/etape").with(as("rssi")).with(csrf()).param("to", "QUALIFIED").param("version", "0")
			.param("category", "PHISHING").param("severity", "LOW").param("personalDataBreach", "non").exchange();
		assertThat(ok).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1/security/incidents/" + id).with(as("rssi"))).bodyJson().extractingPath("$.status").isEqualTo("QUALIFIED");
	}

	/** The incident page's notices (a step taken, a fault in the remediation action) in the reader's language. */
	@Test
	void theIncidentPageNoticesSpeakTheReadersLanguage() {
		long id = reported(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		String page = "/securite/incidents/" + id;
		MvcTestResult french = mvc.post().uri(page + "/actions").with(as("rssi")).with(csrf()).param("version", "0").exchange();
		assertThat(french).hasStatus(HttpStatus.FOUND);
		assertThat(HtmlUtils.htmlUnescape(content(mvc.get().uri(page).with(as("rssi")).cookie(french.getResponse().getCookies()).exchange())))
			.contains("Décrivez l'action (2 000 caractères au plus).", "Nommez qui la mène (200 caractères au plus).",
					"Indiquez l'échéance (une date).");
		MvcTestResult english = mvc.post().uri(page + "/actions?lang=en").with(as("rssi")).with(csrf()).param("version", "0").exchange();
		assertThat(HtmlUtils.htmlUnescape(content(mvc.get().uri(page + "?lang=en").with(as("rssi")).cookie(english.getResponse().getCookies())
			.exchange()))).contains("Describe the action", "Name who leads it", "Give the due date").doesNotContain("Décrivez", "Nommez");
		MvcTestResult step = mvc.post().uri(page + "/etape?lang=en").with(as("rssi")).with(csrf()).param("to", "QUALIFIED").param("version", "0")
			.param("category", "PHISHING").param("severity", "LOW").param("personalDataBreach", "non").exchange();
		assertThat(step).hasStatus(HttpStatus.FOUND);
		assertThat(HtmlUtils.htmlUnescape(content(mvc.get().uri(page + "?lang=en").with(as("rssi")).cookie(step.getResponse().getCookies())
			.exchange()))).contains("The incident moved to the step « Qualified ».").doesNotContain("passé à l'étape");
	}

	@Test
	void theBreachPageShowsItsClockAndTheDpoNotifiesFromIt() {
		String aware = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("Europe/Paris"))
			.toOffsetDateTime().toString();
		MvcTestResult r = mvc.post().uri("/api/v1/security/breaches").with(as("dpd")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"awareAt\":\"" + aware + "\",\"nature\":\"Fichier de notes envoyé à une autre classe\"}").exchange();
		long id = ((Number) JsonPath.read(content(r), "$.id")).longValue();
		String page = "/securite/violations/" + id;
		assertThat(mvc.get().uri(page).with(as("dpd"))).hasStatusOk().bodyText()
			.contains("id=\"horloge\"", "Reste 3", "pour notifier l&#39;Académie", "48 heures écoulées", "CNIL", "dpd@ac-rennes.fr");
		assertThat(mvc.get().uri(page).with(as("agent.cd"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/securite/violations").with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/securite/violations").with(as("admin"))).hasStatusOk().bodyText().contains("Registre des violations");
		assertThat(mvc.get().uri("/securite/violations/registre.csv").with(as("rssi"))).hasStatusOk();
		MvcTestResult sent = mvc.post().uri(page + "/notification").with(as("dpd")).with(csrf()).exchange();
		assertThat(sent).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(page).with(as("dpd"))).bodyText().contains("Notifiée le");
	}
}
