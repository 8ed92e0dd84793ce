package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

class MatrixPagesBrowserTests extends BrowserTestSupport {

	@Test
	void searchFindsWifiDespiteSpellingAndUpdatesAsYouType() {
		open("/qui-fait-quoi");
		int all = driver.findElements(By.cssSelector("#resultats tbody tr")).size();
		WebElement search = driver.findElement(By.id("q"));
		search.sendKeys("borne wifi");
		// htmx swaps the results without a full reload; wait for the row count to drop.
		waitUpTo(10).until(d -> d.findElements(By.cssSelector("#resultats tbody tr")).size() < all);
		List<String> rows = driver.findElements(By.cssSelector("#resultats tbody tr")).stream()
			.map(r -> r.getAttribute("data-code"))
			.toList();
		assertThat(rows).contains("BORNES_WIFI");
		assertThat(driver.getCurrentUrl()).contains("q=borne");
		assertThat(driver.findElement(By.id("result-count")).getText()).contains(String.valueOf(rows.size()));
	}

	@Test
	void filtersByPartyAndIntervention() {
		open("/qui-fait-quoi?party=EDITEUR");
		List<String> rows = driver.findElements(By.cssSelector("#resultats tbody tr")).stream()
			.map(r -> r.getAttribute("data-code")).toList();
		assertThat(rows).contains("GAR_RESSOURCES").doesNotContain("BORNES_WIFI");
		open("/qui-fait-quoi?party=CD&intervention=REPAIR");
		List<WebElement> cells = driver.findElements(By.cssSelector("#resultats td[data-kind=REPAIR]"));
		assertThat(cells).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).contains("CD"));
	}

	@Test
	void questionFormAnswersWithPartiesSentenceAndClauseByKeyboardOnly() {
		open("/qui-fait-quoi");
		WebElement kind = driver.findElement(By.id("kind"));
		kind.sendKeys("dépanner");
		assertThat(new Select(kind).getFirstSelectedOption().getText()).isEqualTo("dépanner");
		new Select(driver.findElement(By.id("component"))).selectByValue("VIDEOPROJECTEURS");
		WebElement funding = driver.findElement(By.id("funding"));
		new Select(funding).selectByValue("OWN_FUNDS_CATALOGUE");
		funding.click();
		funding.sendKeys(Keys.ESCAPE);
		// Tab from the funding field to the submit button and press Enter, as a keyboard user would.
		for (int i = 0; i < 5 && !"submit".equals(focused().getAttribute("type")); i++) {
			focused().sendKeys(Keys.TAB);
		}
		assertThat(focused().getAttribute("type")).isEqualTo("submit");
		focused().sendKeys(Keys.ENTER);
		WebElement answer = waitFor(By.id("reponse"));
		assertThat(answer.getText()).contains("EPLE").contains("Vidéoprojecteurs")
			.contains("Annexe opérationnelle §3, Domaine pédagogique et mobilité, Vidéoprojecteurs");
		// The answer takes focus so that a screen reader reads it at once.
		waitUpTo(5).until(d -> "reponse".equals(focused().getAttribute("id")));
	}

	@Test
	void skipLinkIsTheFirstStopAndLeadsToTheContent() {
		open("/qui-fait-quoi");
		driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		WebElement first = focused();
		assertThat(first.getAttribute("href")).endsWith("#contenu");
		assertThat(first.isDisplayed()).isTrue();
		first.sendKeys(Keys.ENTER);
		waitUpTo(5).until(d -> "contenu".equals(focused().getAttribute("id")));
		// Tabbing on from the content reaches the search field before the results.
		for (int i = 0; i < 30 && !"q".equals(focused().getAttribute("id")); i++) {
			focused().sendKeys(Keys.TAB);
		}
		assertThat(focused().getAttribute("id")).isEqualTo("q");
	}

	@Test
	void pointsToClarifyListsTheLogsContradiction() {
		open("/points-a-clarifier");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Points à clarifier");
		assertThat(driver.findElement(By.id("contenu")).getText()).contains("Journalisation").contains("Préciser le délai de réponse");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/qui-fait-quoi", "/qui-fait-quoi?q=borne+wifi&kind=REPAIR&component=BORNES_WIFI",
			"/points-a-clarifier", "/convention/versions", "/convention/versions?from=1&to=1", "/connexion", "/connexion?error" })
	void pagesHaveNoAccessibilityViolations(String path) {
		open(path);
		waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("contenu")));
		assertAccessible();
	}

	@Test
	void establishmentsPageMarksDemoDataAndTheCiteScolaire() {
		signIn("agent.cd");
		open("/etablissements");
		String text = driver.findElement(By.id("etablissements")).getText();
		assertThat(text).contains("0359901X").contains("démonstration").contains("hors convention");
		assertAccessible();
		signOut();
	}

	@Test
	void administratorSeesTheAmendmentForm() {
		signIn("admin");
		open("/convention/versions");
		assertThat(driver.findElements(By.id("avenant"))).hasSize(1);
		assertAccessible();
		signOut();
		open("/convention/versions");
		assertThat(driver.findElements(By.id("avenant"))).isEmpty();
	}
}
