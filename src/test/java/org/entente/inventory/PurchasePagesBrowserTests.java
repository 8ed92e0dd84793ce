package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import org.entente.BrowserTestSupport;
import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class PurchasePagesBrowserTests extends BrowserTestSupport {

	@Autowired
	MockMvcTester mvc;

	void click(By by) {
		var element = driver.findElement(by);
		// A real click can land on the demo banner in the small headless window; the button's own click submits with its value.
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

	@Test
	void collegeAsksTheDepartmentDecides() {
		assertThat(mvc.post().uri("/api/v1/inventory/referentiel").contentType("application/json").content("""
				{"lines":[{"component":"VIDEOPROJECTEURS","label":"Vidéoprojecteur par salle","quantity":30,"minQuantity":20,"maxQuantity":60,"renewalYears":7}]}""")
			.with(as("agent.cd")).exchange()).hasStatus2xxSuccessful();
		signIn("college");
		open("/inventaire/achats");
		click(By.cssSelector("form[action$='/inventaire/achats'] button[type=submit]"));
		waitFor(By.id("component-erreur"));
		assertThat(driver.findElement(By.id("component")).getAttribute("aria-invalid")).isEqualTo("true");
		assertAccessible();
		new Select(driver.findElement(By.id("component"))).selectByValue("VIDEOPROJECTEURS");
		new Select(driver.findElement(By.id("network"))).selectByValue("PEDAGOGICAL");
		driver.findElement(By.id("quantity")).clear();
		driver.findElement(By.id("quantity")).sendKeys("1");
		driver.findElement(By.id("description")).sendKeys("Vidéoprojecteur pour la salle de musique");
		click(By.cssSelector("form[action$='/inventaire/achats'] button[type=submit]"));
		waitFor(By.cssSelector(".alert-info"));
		String message = driver.findElement(By.cssSelector(".alert-info")).getText();
		assertThat(message).contains("au Département");
		String id = message.replaceAll("\\D*(\\d+).*", "$1");
		signOut();

		signIn("agent.cd");
		open("/inventaire/achats");
		driver.findElement(By.id("comment-" + id)).sendKeys("Conforme au référentiel.");
		assertAccessible();
		click(By.cssSelector("#achat-" + id + " button[value=true]"));
		waitFor(By.cssSelector(".alert-info"));
		assertThat(driver.findElement(By.id("achat-" + id)).getText()).contains("validée").contains("Conforme au référentiel.");
		signOut();
	}
}
