package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import static org.entente.TestAccounts.as;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * Pages as their users live them (issue 16), in Chromium with the keyboard: nothing typed on « Signaler un problème »
 * is lost, the error summary takes focus and links to its fields, the confirmation says what happens next; each
 * person's home shows their own work; the collège acts on its ticket with its own buttons.
 */
class PagesAsLivedBrowserTests extends BrowserTestSupport {

	@Autowired
	MockMvcTester mvc;

	private long openTicket(String title) throws Exception {
		MvcTestResult created = mvc.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
				{"establishment":"0359901X","title":"%s","description":"Plus d'image.","component":"VIDEOPROJECTEURS",
				 "intervention":"REPAIR"}""".formatted(title)).with(as("college")).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
	}

	private void move(long id, String to, String who) {
		String etag = mvc.get().uri("/api/v1/tickets/" + id).with(as(who)).exchange().getResponse().getHeader("ETag");
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"" + to + "\",\"degraded\":false}").with(as(who)).exchange())
			.hasStatus(HttpStatus.OK);
	}

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

	@Test
	void eachPersonSeesTheirOwnWorkAndTheCollegeItsOwnActions() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 8);
		long id = openTicket("Vidéoprojecteur muet " + s);

		// The collège's home: its open request in plain words, and the one button to report.
		signIn("college");
		open("/");
		var mine = waitFor(By.id("mes-demandes"));
		assertThat(mine.getText()).contains("Vidéoprojecteur muet " + s, "Reçue : le support de niveau 1");
		assertThat(driver.findElement(By.id("home-report")).getAttribute("href")).endsWith("/signaler");
		assertAccessible();
		signOut();

		// The CD agent is told of the new ticket; its queue shortcut shows it where the notice points.
		signIn("agent.cd");
		open("/");
		var work = waitFor(By.id("mes-files"));
		assertThat(work.getText()).contains("Nouveaux tickets routés vers CD (au niveau 1)");
		assertThat(driver.findElement(By.cssSelector("#home-notices a[href='/tickets/" + id + "']")).getText())
			.contains("Nouveau ticket");
		assertAccessible();
		driver.findElement(By.linkText("Nouveaux tickets routés vers CD (au niveau 1)")).sendKeys(Keys.ENTER);
		waitFor(By.cssSelector("a[href='/tickets/" + id + "']"));
		signOut();

		// Level 1 hears of the new ticket in its queue.
		signIn("niveau1");
		open("/");
		waitFor(By.cssSelector("#home-notices a[href='/tickets/" + id + "']"));
		signOut();

		// Resolved by the team: the collège confirms the repair with its own button, not the agents' form, and rates.
		move(id, "RESOLVED", "niveau1");
		signIn("college");
		open("/tickets/" + id);
		assertThat(driver.findElements(By.id("transition"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("label[for=body]")).getText()).isEqualTo("Ajouter une information pour l'équipe");
		assertAccessible();
		driver.findElement(By.id("confirm-repair")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.findElement(By.id("status")).getText().equals("Clos"));
		assertThat(driver.findElement(By.id("reopen")).isDisplayed()).isTrue();
		open("/tickets/" + id + "/satisfaction");
		driver.findElement(By.id("rating-4")).sendKeys(Keys.SPACE);
		driver.findElement(By.cssSelector("form[action$='/satisfaction'] button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
		signOut();

		signIn("agent.cd");
		open("/tickets/" + id);
		assertThat(driver.findElement(By.id("rating")).getText()).isEqualTo("Note du collège : 4/5");
		signOut();
	}
}
