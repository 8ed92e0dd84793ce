package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The dashboard in Chromium: a critical incident opened at the desk shows in its figures (charts drawn, each with
 * its text alternative and table), a figure leads to the desk's list filtered, axe-clean, readable at 390 px; a
 * collège is refused. The satisfaction surveys: launched from their page with the keyboard (errors next to their
 * fields first; the ordering decision chosen among the strategic committee's), then listed with their answers so far
 * and a link to that decision; axe-clean, and fitting at 390 px.
 */
class DashboardBrowserTests extends BrowserTestSupport {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	org.entente.governance.CommitteeDecisions decisions;

	/** Each test signs in afresh: the browser is shared by the class's tests. */
	@org.junit.jupiter.api.BeforeEach
	void signedOut() {
		open("/connexion");
		signOut();
	}

	@Test
	void theDashboardShowsTheDesksWorkAndLeadsToItsList() {
		assertThat(mvc.post().uri("/api/v1/tickets").with(as("college")).contentType(MediaType.APPLICATION_JSON).content("""
				{"establishment":"0359901X","title":"Tableau de bord %s","description":"Plus d'internet.","component":"ADDUCTION_INTERNET","intervention":"REPAIR"}"""
			.formatted(UUID.randomUUID()))).hasStatus(HttpStatus.CREATED);

		signIn("agent.cd");
		open("/indicateurs");
		waitUpTo(20).until(d -> {
			d.navigate().refresh();
			return d.findElement(By.id("criticals")).getText().contains("0359901X");
		});
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tableau de bord de l'assistance");
		WebElement chart = driver.findElement(By.id("by-party-chart"));
		assertThat(chart.getAttribute("aria-label")).startsWith("Tickets ouverts par partie : ").contains("CD");
		waitUpTo(10).until(d -> (Boolean) ((JavascriptExecutor) d)
			.executeScript("return typeof Chart !== 'undefined' && Chart.getChart(arguments[0]) != null;", chart));
		assertThat(driver.findElement(By.cssSelector("#by-party caption")).getText()).isEqualTo("Tickets ouverts par partie");
		assertThat(driver.findElement(By.id("service-levels")).getText()).contains("Prise en charge").contains("90e centile");
		assertAccessible();

		// Each figure is a link to the desk's list filtered: the collège's open criticals.
		WebElement college = driver.findElement(By.cssSelector("#criticals tbody tr:first-child td a"));
		assertThat(college.getAttribute("href")).contains("/tickets?openOnly=true&criticality=CRITICAL");
		driver.findElement(By.xpath("//table[@id='criticals']//tr[th='0359901X']//a")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("/tickets?") && d.getCurrentUrl().contains("establishment=0359901X"));
		assertThat(driver.findElement(By.id("tickets")).getText()).contains("Tableau de bord");

		// A phone: nothing wider than the screen.
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			open("/indicateurs?establishment=0359901X");
			// The dashboard's own content (the layout's header is the layout's): no element beyond the screen's edge
			// (tables scroll inside their .table-responsive box).
			String wider = (String) ((JavascriptExecutor) driver).executeScript("""
					var w = document.documentElement.clientWidth, out = [];
					document.querySelectorAll('#contenu *').forEach(function (e) {
					  if (e.closest('.table-responsive') && !e.classList.contains('table-responsive')) { return; }
					  var r = e.getBoundingClientRect();
					  if (r.width > 0 && r.right > w + 1) { out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); }
					});
					return out.join('; ');""");
			assertThat(wider).as("plus large que l'écran").isEmpty();
			// axe on the dashboard's content: at 390 px the layout's header wraps its logout button onto a white
			// background (a contrast fault of the layout, left to its owner; see the report).
			assertContentAccessible();
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}

		signOut();
		signIn("college");
		open("/indicateurs");
		assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Tableau de bord de l'assistance");
		assertThat(driver.findElements(By.cssSelector("a[href='/indicateurs']"))).isEmpty();
	}

	@Test
	void aSurveyIsLaunchedWithTheKeyboardAndListedWithItsAnswers() {
		org.entente.governance.CommitteeDecisions.CommitteeDecision ordering = CampaignApiTests.decision(mvc, decisions, "STRATEGIC",
				"Enquête au clavier");
		// A phone's width throughout: nothing wider than the screen, and the keyboard works as on a desk.
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			signIn("agent.aca");
			open("/indicateurs/enquetes");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Enquêtes de satisfaction");
			driver.findElement(By.id("launch")).sendKeys(Keys.ENTER);
			waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/indicateurs/enquetes/nouvelle"));

			// Enter in an empty form: each error next to its field, announced by the field.
			driver.findElement(By.id("title")).sendKeys(Keys.ENTER);
			waitFor(By.id("title-error"));
			WebElement title = driver.findElement(By.id("title"));
			assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(title.getAttribute("aria-describedby")).isEqualTo("title-error");
			assertThat(driver.findElement(By.id("questions-error")).getText()).isEqualTo("Écrivez au moins une question.");
			WebElement decision = driver.findElement(By.id("decisionId"));
			assertThat(decision.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(decision.getAttribute("aria-describedby")).isEqualTo("decisionId-help decisionId-error");
			assertThat(driver.findElement(By.id("decisionId-error")).getText())
				.isEqualTo("Choisissez la décision du comité stratégique qui commande l'enquête.");
			assertThat(driver.findElement(By.id("closesOn-help")).getText()).contains("dernier jour : 7, 2");
			assertThat(elementsWiderThanTheWindow()).as("formulaire plus large que l'écran").isEmpty();
			assertContentAccessible();

			String name = "Enquête au clavier " + UUID.randomUUID();
			title.sendKeys(name);
			title.sendKeys(Keys.TAB);
			assertThat(focused().getAttribute("id")).isEqualTo("decisionId");
			// The decision is chosen among the strategic committee's, with the arrow keys.
			for (int i = 0; i < 200 && !String.valueOf(ordering.id()).equals(focused().getAttribute("value")); i++) {
				focused().sendKeys(Keys.ARROW_DOWN);
			}
			assertThat(focused().getAttribute("value")).isEqualTo(String.valueOf(ordering.id()));
			driver.findElement(By.id("establishments")).sendKeys("0359901X");
			driver.findElement(By.id("question-0")).sendKeys("L'assistance répond-elle à vos besoins ?");
			driver.findElement(By.id("question-0")).sendKeys(Keys.ENTER);
			waitFor(By.id("launched"));
			assertThat(driver.findElement(By.id("launched")).getText()).contains(name).contains("invitation(s) envoyée(s)");
			WebElement card = driver.findElement(By.xpath("//li[.//a[text()='" + name + "']]"));
			assertThat(card.getText()).contains("en cours").contains("0 réponse(s) sur");
			assertThat(card.findElement(By.linkText("Comité stratégique du "
					+ ordering.meetingOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " : " + ordering.text()))
				.getAttribute("href")).endsWith("/gouvernance/reunions/" + ordering.meetingId() + "#decision-" + ordering.id());
			assertThat(elementsWiderThanTheWindow()).as("liste plus large que l'écran").isEmpty();
			assertContentAccessible();
			// Its results name the decision by a link as well.
			card.findElement(By.linkText(name)).sendKeys(Keys.ENTER);
			waitFor(By.id("decision-link"));
			assertThat(driver.findElement(By.id("decision-link")).getAttribute("href"))
				.endsWith("/gouvernance/reunions/" + ordering.meetingId() + "#decision-" + ordering.id());
			assertThat(elementsWiderThanTheWindow()).as("résultats plus larges que l'écran").isEmpty();
			assertContentAccessible();
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	/** axe on the page's own content: at 390 px the layout's header is the layout's (see the dashboard's test). */
	void assertContentAccessible() {
		var results = new com.deque.html.axecore.selenium.AxeBuilder()
			.withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).include("#contenu").analyze(driver);
		assertThat(results.getViolations()).as(driver.getCurrentUrl()).extracting(r -> r.getId()).isEmpty();
	}
}
