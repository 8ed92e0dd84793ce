package org.entente.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The governance pages in Chromium: figures, what-if, forms with their errors, keyboard use, axe-core A/AA. */
class GovernancePagesBrowserTests extends BrowserTestSupport {

	@org.junit.jupiter.api.BeforeEach
	void signedOut() {
		open("/connexion");
		signOut();
	}

	@Test
	void contributionPageShowsTheAnnexAmountsAndTheWhatIfRecomputesByKeyboard() {
		signIn("agent.cd");
		open("/gouvernance/contribution-ent");
		String annex = waitFor(By.id("annex")).getText();
		assertThat(annex).contains("18 411 €").contains("55 233 €").contains("32 490").contains("1,000");
		assertThat(driver.findElement(By.id("schedule")).getText()).contains("18 411 €").contains("55 233 €");
		assertThat(driver.findElements(By.id("payment-details"))).isEmpty();
		// Chart.js drew the bar chart from the canvas's data attributes
		waitUpTo(10).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('ent-chart'));")));
		assertAccessible();

		WebElement year = driver.findElement(By.id("year"));
		year.sendKeys("2026");
		focused().sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("pupils");
		focused().sendKeys("33000");
		focused().sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("syntecIndex");
		focused().sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("months");
		focused().sendKeys("12");
		focused().sendKeys(Keys.ENTER);

		WebElement result = waitFor(By.id("whatif-result"));
		assertThat(driver.findElement(By.id("whatif-amount")).getText()).isEqualTo("56 100 €");
		assertThat(result.getText()).contains("33 000 × 1,70 € × 1,000 × 12 / 12");
		assertThat(result.getText().replaceAll("[\\s\u00a0\u202f]", "")).contains("investissement22440€");
		waitUpTo(5).until(d -> "whatif-result".equals(focused().getAttribute("id")));
		// the convention is untouched
		assertThat(driver.findElement(By.id("annex")).getText()).contains("55 233 €");
		assertAccessible();

		open("/gouvernance/contribution-ent?months=15");
		assertThat(waitFor(By.id("months-error")).getText()).contains("12 mois");
		assertThat(driver.findElement(By.id("months")).getAttribute("aria-describedby")).isEqualTo("months-error");
		assertAccessible();
		open("/gouvernance/contribution-ent?pupils=abc");
		assertThat(waitFor(By.id("pupils-error")).getText()).isNotBlank();
		assertThat(driver.findElement(By.id("pupils")).getAttribute("aria-invalid")).isEqualTo("true");
	}

	@Test
	void financeSeesThePaymentDetails() {
		signIn("finances");
		open("/gouvernance/contribution-ent");
		assertThat(waitFor(By.id("payment-details")).getText()).contains("30001 00682 A350 00000000 63")
			.contains("173 504 309 00019");
		assertAccessible();
	}

	@Test
	void lifecyclePageWithTheNoticeFormAndItsErrors() {
		signIn("agent.aca");
		open("/gouvernance");
		assertThat(waitFor(By.id("dates")).getText()).contains("01/04/2025").contains("31/12/2026").contains("01/07/2026");
		assertThat(driver.findElement(By.id("bandeau-gouvernance")).getText()).contains("31/12/2026");
		assertThat(driver.findElement(By.id("versions")).getText()).contains("Convention initiale");
		assertAccessible();

		driver.findElement(By.cssSelector("form[action$='/gouvernance/preavis'] button[type=submit]")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("reason-error")).getText()).isEqualTo("Ce champ est obligatoire.");
		assertThat(driver.findElement(By.id("receivedOn")).getAttribute("aria-describedby")).isEqualTo("receivedOn-error");
		assertThat(driver.findElement(By.id("sender")).getAttribute("aria-invalid")).isEqualTo("true");
		assertAccessible();
	}

	@Test
	void committeesCalendarDecisionsAndMeetingForm() {
		signIn("agent.cd");
		open("/gouvernance/comites");
		assertThat(waitFor(By.id("comite-STRATEGIC")).getText()).contains("Comité stratégique").contains("semestriel");
		assertThat(driver.findElements(By.cssSelector("article.card"))).hasSize(4);
		assertThat(driver.findElements(By.cssSelector(".late-warning, .next-due"))).hasSize(4);
		assertAccessible();

		// keyboard: from the skip link to the governance menu, then Enter follows the link
		driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("href")).endsWith("#contenu");
		focused().sendKeys(Keys.ENTER);
		waitUpTo(5).until(d -> "contenu".equals(focused().getAttribute("id")));
		for (int i = 0; i < 10 && !String.valueOf(focused().getAttribute("href")).endsWith("/gouvernance/decisions"); i++) {
			focused().sendKeys(Keys.TAB);
		}
		assertThat(focused().getAttribute("href")).endsWith("/gouvernance/decisions");
		focused().sendKeys(Keys.ENTER);
		waitFor(By.id("q"));
		assertThat(driver.getTitle()).startsWith("Décisions des comités");
		assertAccessible();

		open("/gouvernance/comites/OPERATIONAL/nouvelle-reunion");
		assertThat(waitFor(By.id("date")).getAttribute("value")).isNotBlank();
		driver.findElement(By.id("duration")).clear();
		driver.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("duration-error")).getText()).isNotBlank();
		assertAccessible();

		// a valid form leads to the meeting page: agenda, guests, convocation, minutes and decisions forms
		driver.findElement(By.id("duration")).sendKeys("90");
		driver.findElement(By.id("agenda")).sendKeys("Suivi des services rendus");
		driver.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
		waitFor(By.id("decisions"));
		assertThat(driver.getCurrentUrl()).contains("/gouvernance/reunions/");
		assertThat(driver.findElement(By.id("meeting-status")).getText()).isEqualTo("Planifiée");
		assertAccessible();

		// The meeting's pack, assembled by reporting after the scheduling: its period and its link, on a phone too.
		waitUpTo(20).until(d -> {
			d.navigate().refresh();
			return !d.findElements(By.id("pack-link")).isEmpty();
		});
		assertThat(driver.findElement(By.id("pack-period")).getText()).containsIgnoringCase("état des services").contains(" au ");
		assertThat(driver.findElement(By.id("pack-link")).getAttribute("href")).matches(".*/gouvernance/reunions/\\d+/dossier\\.pdf");
		org.openqa.selenium.Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			driver.navigate().refresh();
			waitFor(By.id("pack-link"));
			assertThat(elementsWiderThanTheWindow()).as("wider than the 390 px window").isEmpty();
			var results = new com.deque.html.axecore.selenium.AxeBuilder()
				.withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).include("#contenu").analyze(driver);
			assertThat(results.getViolations()).extracting(r -> r.getId()).isEmpty();
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}

	@Test
	void homePageBannerSaysWhereThePartnershipStands() {
		signIn("college");
		open("/");
		WebElement banner = waitFor(By.id("bandeau-gouvernance"));
		assertThat(banner.getText()).contains("31/12/2026").contains("01/07/2026");
		assertThat(driver.findElement(By.linkText("Gouvernance")).getAttribute("href")).endsWith("/gouvernance");
		assertAccessible();
	}

	@Test
	void pointsPageRecordsTheCommitteesAnswerAndShowsItPendingUntilTheAmendment() {
		open("/points-a-clarifier");
		assertThat(waitFor(By.id("open-points")).getText()).contains("PAC-01");
		assertThat(driver.findElements(By.id("reponse"))).isEmpty();
		assertAccessible();

		signIn("agent.cd");
		open("/points-a-clarifier");
		driver.findElement(By.cssSelector("#PAC-37 a[href*='point=PAC-37']")).sendKeys(Keys.ENTER);
		waitFor(By.id("reponse"));
		assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("point"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("PAC-37");
		driver.findElement(By.id("needsAmendment-yes")).sendKeys(Keys.SPACE);
		assertThat(driver.findElement(By.id("needsAmendment-yes")).isSelected()).isTrue();
		driver.findElement(By.cssSelector("#reponse button[type=submit]")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("reading-error")).getText()).contains("lecture retenue");
		assertThat(driver.findElement(By.id("reading")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("amendment-error")).getText()).contains("avenant");
		assertThat(driver.findElement(By.id("amendment")).getAttribute("aria-describedby")).isEqualTo("amendment-error");
		assertAccessible();

		driver.findElement(By.id("reading")).sendKeys("Le comité retient la seconde lecture.");
		driver.findElement(By.id("amendment")).sendKeys("avenant 9");
		driver.findElement(By.cssSelector("#reponse button[type=submit]")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("answer-saved")).getText()).contains("PAC-37");
		String pending = driver.findElement(By.id("awaiting-points")).getText();
		assertThat(pending).contains("PAC-37").contains("Le comité retient la seconde lecture.")
			.contains("En attente de l'avenant « avenant 9 »").contains("Avenant attendu");
		assertThat(driver.findElement(By.id("open-points")).getText()).doesNotContain("PAC-37");
		assertAccessible();
		// at 390 px the points and the form fit the window (long readings wrap)
		org.openqa.selenium.Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			open("/points-a-clarifier");
			waitFor(By.id("reponse"));
			Object wider = elementsWiderThanTheWindow();
			assertThat((String) wider).as("wider than the 390 px window").isEmpty();
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}
}
