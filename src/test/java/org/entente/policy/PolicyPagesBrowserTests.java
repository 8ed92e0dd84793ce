package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Département publishes its naming rules from the register by keyboard (errors said next to their fields
 * first), then a collège acknowledges them; every page axe-clean.
 */
class PolicyPagesBrowserTests extends BrowserTestSupport {

	@Test
	void theDepartmentPublishesByKeyboardAndACollegeAcknowledges() {
		String title = "Nommage " + UUID.randomUUID().toString().substring(0, 8);
		signOut();
		signIn("agent.cd");
		open("/politiques");
		assertAccessible();
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Registre des politiques", "CARINE", "hors convention (ministère)");
		driver.findElement(By.linkText("Nommage (postes, prises, périphériques)")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/politiques/NOMMAGE"));
		assertAccessible();

		// Nothing filled: each error next to its field.
		WebElement submit = driver.findElement(By.cssSelector("#publish button[type=submit]"));
		submit.sendKeys(Keys.ENTER);
		waitFor(By.id("title-error"));
		assertThat(driver.findElement(By.id("title-error")).getText()).contains("« title » est obligatoire");
		assertThat(driver.findElement(By.id("title")).getAttribute("aria-describedby")).isEqualTo("title-error");
		assertThat(driver.findElement(By.id("file-error")).getText()).contains("Joindre un fichier");
		assertAccessible();

		WebElement field = driver.findElement(By.id("title"));
		field.sendKeys(title);
		field.sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("link");
		focused().sendKeys("https://exemple.ille-et-vilaine.fr/nommage.pdf", Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("summary");
		focused().sendKeys("Préfixe OBJ pour les objets connectés");
		driver.findElement(By.cssSelector("#publish button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("/politiques/NOMMAGE?publiee="));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("publiée", title, "En attente");
		assertAccessible();

		signOut();
		signIn("college");
		open("/politiques/NOMMAGE");
		assertThat(driver.findElements(By.id("publish"))).isEmpty();
		WebElement acknowledge = driver.findElement(By.xpath("//button[contains(., \"J'ai pris connaissance\")]"));
		acknowledge.sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("?accuse="));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Votre établissement a accusé réception");
		assertAccessible();
	}
}
