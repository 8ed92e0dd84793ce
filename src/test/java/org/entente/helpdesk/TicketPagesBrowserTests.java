package org.entente.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A collège reports a problem in its words; the desk takes it in charge; by keyboard, axe-clean. */
class TicketPagesBrowserTests extends BrowserTestSupport {

	@Test
	void aCollegeReportsAndTheDeskTakesItInCharge() {
		String title = "Plus d'internet au CDI " + UUID.randomUUID().toString().substring(0, 8);
		signIn("college");
		open("/signaler");
		assertAccessible();

		// Keyboard only: focus the choice, select it with the space bar, type, send with Enter.
		WebElement internet = driver.findElement(By.id("problem-internet"));
		internet.sendKeys(Keys.SPACE);
		assertThat(internet.isSelected()).isTrue();
		driver.findElement(By.id("title")).sendKeys(title);
		driver.findElement(By.id("description")).sendKeys("Aucun site ne s'ouvre depuis 8 h.");
		driver.findElement(By.id("send")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
		String ticketUrl = driver.getCurrentUrl();

		assertThat(driver.findElement(By.id("routage")).getText()).contains("CD").contains("Adduction internet");
		// The clause is on demand (issue 16): opened by the keyboard.
		driver.findElement(By.cssSelector("#clause summary")).sendKeys(Keys.ENTER);
		assertThat(driver.findElement(By.id("routage")).getText()).contains("Annexe opérationnelle §3");
		assertThat(driver.findElement(By.id("horloges")).getText()).contains("Prise en charge").contains("Rétablissement")
			.contains("Échéance");
		assertAccessible();

		signOut();
		signIn("niveau1");
		open("/tickets?q=" + title.substring(title.length() - 8));
		assertAccessible();
		WebElement link = driver.findElement(By.linkText(driver.findElement(By.cssSelector("#tickets tbody th a")).getText()));
		assertThat(driver.findElement(By.cssSelector("#tickets tbody")).getText()).contains(title).contains("ouvrées restantes");
		link.sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().equals(ticketUrl));
		assertThat(driver.findElement(By.id("to")).getAttribute("value")).isEqualTo("TAKEN_IN_CHARGE");
		driver.findElement(By.id("apply")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.findElement(By.id("status")).getText().contains("Pris en charge"));
		assertThat(driver.findElement(By.id("historique")).getText()).contains("Nouveau → Pris en charge");
		assertAccessible();
	}
}
