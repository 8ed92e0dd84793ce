package org.entente.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The webhook pages in Chromium: the list and its form with errors next to the fields, the secret shown once, pause and resume, axe-core A/AA. */
class WebhookPagesBrowserTests extends BrowserTestSupport {

	@BeforeEach
	void signedOut() {
		open("/connexion");
		signOut();
	}

	@Test
	void registerSeeTheSecretOncePauseAndResume() {
		signIn("admin");
		open("/webhooks");
		waitFor(By.id("register"));
		assertAccessible();

		// A loopback URL without the administrator's permission: the error stands next to the URL field.
		driver.findElement(By.id("url")).sendKeys("http://127.0.0.1:9/hook");
		driver.findElement(By.cssSelector("input[value='reporting.monthly-statistics-produced']")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("url")).sendKeys(Keys.ENTER);
		WebElement error = waitFor(By.id("url-error"));
		assertThat(error.getText()).contains("adresse interne");
		WebElement url = driver.findElement(By.id("url"));
		assertThat(url.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(url.getAttribute("aria-describedby")).isEqualTo("url-error");
		assertThat(url.getAttribute("value")).isEqualTo("http://127.0.0.1:9/hook");
		assertAccessible();

		// With the permission, by keyboard: space ticks the box, Enter in a field submits.
		driver.findElement(By.id("allowPrivate")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("description")).sendKeys("Outil interne de test", Keys.ENTER);
		assertThat(waitFor(By.id("secret-once")).getText()).contains("whsec_");
		assertThat(driver.findElement(By.id("status")).getText()).contains("Actif");
		assertThat(driver.findElement(By.id("no-deliveries")).isDisplayed()).isTrue();
		assertAccessible();

		driver.findElement(By.id("pause")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("resume")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("status")).getText()).contains("En pause");
		assertThat(driver.findElements(By.id("secret-once"))).isEmpty();
		driver.findElement(By.id("resume")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("pause")).isDisplayed()).isTrue();

		open("/webhooks");
		assertThat(waitFor(By.id("webhooks")).getText()).contains("http://127.0.0.1:9/hook");
		assertAccessible();
	}

	@Test
	void aCdAgentHasNoWebhookPages() {
		signIn("agent.cd");
		open("/webhooks");
		assertThat(driver.findElements(By.id("register"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("a.nav-link[href='/webhooks']"))).isEmpty();
	}
}
