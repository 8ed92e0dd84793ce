package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.entente.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

/**
 * A collège reports a security incident from the home page in plain words, by keyboard; the RSSI finds it on the
 * board and qualifies it; the DPO reads a breach's 48-hour clock. Every page axe-clean.
 */
class SecurityPagesBrowserTests extends BrowserTestSupport {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aCollegeReportsByKeyboardAndTheRssiQualifies() {
		String words = "Mail de la banque " + UUID.randomUUID().toString().substring(0, 8);
		signOut();
		signIn("college");
		open("/");
		WebElement link = driver.findElement(By.linkText("Signaler un incident de sécurité"));
		link.sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/securite/signaler"));
		assertAccessible();
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Un message suspect", "Un poste qui se comporte bizarrement",
				"Des données perdues ou volées");

		// An empty form: the errors are said, next to their fields, and the page stays accessible.
		driver.findElement(By.id("send")).sendKeys(Keys.ENTER);
		waitFor(By.id("erreurs"));
		assertThat(driver.findElement(By.id("kind-error")).getText()).contains("Choisissez ce qui se passe");
		assertThat(focused().getAttribute("id")).isEqualTo("erreurs");
		assertAccessible();

		WebElement message = driver.findElement(By.id("kind-message"));
		message.sendKeys(Keys.SPACE);
		assertThat(message.isSelected()).isTrue();
		WebElement component = driver.findElement(By.id("component"));
		new Select(component).selectByValue("STATIONS_PEDAGOGIQUES");
		driver.findElement(By.id("title")).sendKeys(words);
		driver.findElement(By.id("description")).sendKeys("Un courriel demande de confirmer le mot de passe ; un élève a cliqué.");
		driver.findElement(By.id("personalData-nsp")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("minors-oui")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("send")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/securite/incidents/\\d+\\?signale$"));
		String page = driver.getCurrentUrl().replace("?signale", "");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Votre signalement est enregistré", "Signalé")
			.doesNotContain("un élève a cliqué");
		assertAccessible();

		signOut();
		signIn("rssi");
		open("/securite/incidents");
		assertAccessible();
		WebElement onBoard = driver.findElement(By.partialLinkText(words));
		onBoard.sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().equals(page));
		assertThat(driver.findElement(By.id("informations")).getText()).contains("rssi@ac-rennes.fr", "Envoyé le", "En attente");
		assertAccessible();
		new Select(driver.findElement(By.id("category"))).selectByValue("PHISHING");
		new Select(driver.findElement(By.id("severity"))).selectByValue("MEDIUM");
		driver.findElement(By.id("breach-non")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("apply")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.findElement(By.id("status")).getText().contains("Qualifié"));
		assertThat(driver.findElement(By.id("chronologie")).getText()).contains("Qualifié : Message frauduleux");
		assertAccessible();
	}

	@Test
	void theBreachClockIsLargeAndPlain() {
		String aware = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("Europe/Paris"))
			.toOffsetDateTime().toString();
		var r = mvc.post().uri("/api/v1/security/breaches").with(TestAccounts.as("dpd")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"awareAt\":\"" + aware + "\",\"nature\":\"Ordinateur portable volé avec les dossiers d'élèves\"}").exchange();
		Number id = JsonPath.read(new String(r.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8), "$.id");
		signOut();
		signIn("dpd");
		open("/securite/violations/" + id);
		WebElement clock = driver.findElement(By.id("horloge"));
		assertThat(clock.getText()).contains("Reste 17 h", "pour notifier l'Académie", "48 heures écoulées");
		assertThat(clock.findElement(By.cssSelector(".display-5")).getCssValue("font-size")).isNotEqualTo("16px");
		assertAccessible();
		driver.findElement(By.id("notify")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.findElement(By.id("horloge")).getText().contains("Notifiée le"));
		assertAccessible();
		open("/securite/violations");
		assertAccessible();
	}
}
