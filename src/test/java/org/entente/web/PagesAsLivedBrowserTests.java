package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * Pages as their users live them (issue 16), in Chromium with the keyboard: nothing typed on « Signaler un problème »
 * is lost, the error summary takes focus and links to its fields, the confirmation says what happens next.
 */
class PagesAsLivedBrowserTests extends BrowserTestSupport {

	private Object js(String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

	/** No form of the page sends a CSRF token or free text in a URL. */
	private void assertNoFormPutsTextInUrl() {
		assertThat(js("""
				return Array.from(document.querySelectorAll('form')).filter(f =>
				    (f.method || 'get').toLowerCase() === 'get' && f.querySelector('input[name=_csrf], textarea')).length
				  + document.querySelectorAll('[formmethod=get], [formmethod=GET]').length;""")).isEqualTo(0L);
	}

	@Test
	void aReportKeepsWhatIsTypedAndSaysWhatHappensNext() {
		String s = UUID.randomUUID().toString().substring(0, 8);
		signIn("college");
		open("/signaler");
		assertNoFormPutsTextInUrl();
		assertAccessible();

		// Enter in the search field searches (components appear), it does not submit the form.
		driver.findElement(By.id("q")).sendKeys("badgeuse", Keys.ENTER);
		waitFor(By.cssSelector("#resultats input[name=component]"));
		assertThat(driver.getCurrentUrl()).endsWith("/signaler");
		driver.findElement(By.id("problem-autre")).sendKeys(Keys.SPACE);

		// Enter in « Titre » sends the report as a POST: the missing description is said, nothing typed is lost.
		driver.findElement(By.id("title")).sendKeys("Badgeuse muette " + s, Keys.ENTER);
		waitFor(By.id("erreurs"));
		assertThat(driver.getCurrentUrl()).endsWith("/signaler").doesNotContain("_csrf", "title=");
		assertThat(focused().getAttribute("id")).isEqualTo("erreurs");
		assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("Badgeuse muette " + s);
		assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("badgeuse");
		assertThat(driver.findElement(By.id("problem-autre")).isSelected()).isTrue();
		assertThat(driver.findElements(By.cssSelector("#resultats input[name=component]:checked"))).hasSize(1);
		var link = driver.findElement(By.cssSelector("#erreurs a[href='#description']"));
		assertAccessible();
		link.sendKeys(Keys.ENTER);
		assertThat(focused().getAttribute("id")).isEqualTo("description");

		focused().sendKeys("Le lecteur de badges de l'entrée ne réagit plus.");
		driver.findElement(By.id("send")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
		var confirmation = waitFor(By.id("confirmation"));
		assertThat(focused().getAttribute("id")).isEqualTo("confirmation");
		assertThat(confirmation.getText()).containsPattern("numéro E-\\d{4}-\\d+")
			.contains("Qui s'en occupe", "Délai", "prévenu·e");
		assertThat(driver.findElements(By.id("transition"))).isEmpty();
		assertAccessible();
		signOut();
	}
}
