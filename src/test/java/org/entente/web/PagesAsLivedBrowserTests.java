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
		driver.findElement(By.id("contact")).sendKeys("salle B204");
		driver.findElement(By.id("send")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
		var confirmation = waitFor(By.id("confirmation"));
		assertThat(focused().getAttribute("id")).isEqualTo("confirmation");
		assertThat(confirmation.getText()).containsPattern("numéro E-\\d{4}-\\d+")
			.contains("Qui s'en occupe", "Délai", "prévenu·e");
		assertThat(driver.findElements(By.id("transition"))).isEmpty();
		// The requester is a person: a name and where to find them, not a login name.
		assertThat(driver.findElement(By.id("requester")).getText()).contains("(college)", "À joindre : salle B204");
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
		// Who handles it in a sentence, the clause on demand; the words explained; a history that does not repeat itself.
		assertThat(driver.findElement(By.id("who-handles")).getText()).matches("^(Le Département|L'Académie).* « Vidéoprojecteurs »\\.$");
		assertThat(driver.findElement(By.cssSelector("#clause summary")).getText()).isEqualTo("Selon quelle clause de la convention ?");
		assertThat(driver.findElement(By.cssSelector("#glossaire")).getAttribute("textContent")).contains("Niveau 1", "À arbitrer", "Spare");
		assertThat(driver.findElement(By.id("historique")).getText()).contains("Nouveau → Résolu").doesNotContain("Résolu : Résolu");
		assertAccessible();
		// In English, statuses, criticality and intervention kinds are English too.
		open("/tickets/" + id + "?lang=en");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Closed");
		assertThat(driver.findElement(By.id("historique")).getText()).contains("New → Resolved");
		assertThat(driver.getPageSource()).contains("Not critical", "Repair");
		// Who handles it, in English words too (the convention's names of the parties and the component).
		assertThat(driver.findElement(By.id("who-handles")).getText()).matches("^The (Département|Académie).* « Video projectors »\\.$")
			.doesNotContain("répare", "Vidéoprojecteurs");
		open("/tickets/" + id + "?lang=fr");
		signOut();
	}

	/** Nothing on the page is wider than the window: no sideways scrolling of the page itself. */
	private void assertNoSidewaysScrolling() {
		assertThat((Long) js("return document.documentElement.scrollWidth - window.innerWidth;")).as(driver.getCurrentUrl())
			.isLessThanOrEqualTo(0L);
	}

	/** The longest menus (every module's link) and names still fit the header's band at phone width. */
	@Test
	void theHeaderFitsAPhoneWhateverTheMenu() {
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		try {
			for (String user : java.util.List.of("admin", "agent.cd", "journal", "dpo", "gestion.aca")) {
				signIn(user);
				open("agent.cd".equals(user) ? "/indicateurs" : "journal".equals(user) ? "/journal" : "/");
				assertNoSidewaysScrolling();
				assertThat((Long) js("var h = document.querySelector('header > .container');"
						+ " return Array.from(h.querySelectorAll('a, button')).filter(e => e.getBoundingClientRect().right > h.getBoundingClientRect().right + 1).length;"))
					.as(user).isEqualTo(0L);
				assertAccessible();
				signOut();
			}
		}
		finally {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		}
	}

	@Test
	void pagesFitAPhoneAndTheMatrixShowsItsSixColumns() {
		signIn("agent.cd");
		try {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			for (String page : java.util.List.of("/", "/tickets", "/qui-fait-quoi", "/signaler")) {
				open(page);
				assertNoSidewaysScrolling();
			}
			assertAccessible();
			// The demo banner sits inside a landmark (the header).
			assertThat(js("var b = document.getElementById('demo-banner'); return b == null || b.closest('header, main, nav, footer') != null;"))
				.isEqualTo(true);
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
			open("/qui-fait-quoi");
			// Each domain's table shows its six intervention columns without scrolling inside its region.
			assertThat(driver.findElements(By.cssSelector("#resultats table.matrix")).stream()
				.map(t -> t.findElements(By.cssSelector("thead th")).size())).contains(7);
			assertThat(js("""
					return Array.from(document.querySelectorAll('#resultats .table-responsive'))
					  .filter(r => r.scrollWidth > r.clientWidth + 1).length;""")).isEqualTo(0L);
			// Committees whose past meetings were never entered: what the register shows, not « 426 jour(s) de retard ».
			open("/gouvernance/comites");
			assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("jour(s) de retard");
			driver.findElements(By.cssSelector(".late-warning"))
				.forEach(w -> assertThat(w.getText()).startsWith("Aucune réunion enregistrée depuis"));
			// At set-up, past meetings are entered in one go; a date that cannot be read refuses the entry, naming it.
			driver.findElement(By.cssSelector("#comite-EXPLOITATION .past-meetings summary")).sendKeys(Keys.ENTER);
			driver.findElement(By.id("past-EXPLOITATION")).sendKeys("12/09/2025, 31/02/2025");
			driver.findElement(By.cssSelector("#comite-EXPLOITATION .past-meetings button[type=submit]")).sendKeys(Keys.ENTER);
			assertThat(waitFor(By.id("past-error-EXPLOITATION")).getText()).contains("« 31/02/2025 »");
			assertThat(driver.findElement(By.id("past-EXPLOITATION")).getAttribute("value")).isEqualTo("12/09/2025, 31/02/2025");
			assertAccessible();
			driver.findElement(By.id("past-EXPLOITATION")).clear();
			driver.findElement(By.id("past-EXPLOITATION")).sendKeys("12/09/2025\n10/12/2025");
			driver.findElement(By.cssSelector("#comite-EXPLOITATION .past-meetings button[type=submit]")).sendKeys(Keys.ENTER);
			assertThat(waitFor(By.id("past-recorded")).getText()).isEqualTo("2 réunion(s) tenue(s) enregistrée(s).");
			assertThat(driver.findElement(By.id("comite-EXPLOITATION")).getText()).contains("12/09/2025 09:00", "10/12/2025 09:00");
		}
		finally {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
			signOut();
		}
	}

	@Test
	void assetsAreVersionedCachedForAYearAndCompressed() throws Exception {
		open("/");
		String script = (String) js("return document.querySelector('script[src*=\"/js/entente\"]').getAttribute('src');");
		assertThat(script).matches("/js/entente-[0-9a-f]{32}\\.js");
		var http = java.net.http.HttpClient.newHttpClient();
		var versioned = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(script))).header("Accept-Encoding", "gzip").build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(versioned.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		String htmx = (String) js("return document.querySelector('script[src*=\"htmx\"]').getAttribute('src');");
		var compressed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(htmx))).header("Accept-Encoding", "gzip").build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		// The plain address is revalidated, never kept without asking.
		var plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/js/entente.js"))).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(plain.headers().firstValue("Cache-Control").orElse("")).contains("no-cache").doesNotContain("immutable");
		// Chart.js only where a chart is drawn.
		assertThat(driver.findElements(By.cssSelector("script[src*=chart]"))).isEmpty();

		// /login, the address people guess, leads to the sign-in page in a browser.
		open("/login");
		assertThat(driver.getCurrentUrl()).endsWith("/connexion");
		assertThat(driver.findElement(By.id("username")).isDisplayed()).isTrue();
	}

	@Test
	void aLegacyInventoryLoadsWithItsNamingWarningsAndTheCollegePicksItsEquipment() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		java.nio.file.Path csv = java.nio.file.Files.createTempFile("legacy", ".csv");
		java.nio.file.Files.writeString(csv, "uai,component,network,name,serial,manufacturer,model,funding,acquired,warrantyEnd,status\n"
				+ "0359901X,VIDEOPROJECTEURS,PEDAGOGICAL,VP-0359901X-D101-01,LEG-" + s + "-1,Epson,EB-W51,CD,2024-09-01,2029-08-31,IN_SERVICE\n"
				+ "0359901X,VIDEOPROJECTEURS,PEDAGOGICAL,VP salle D102,LEG-" + s + "-2,Epson,EB-W51,CD,2024-09-01,2029-08-31,IN_SERVICE\n"
				+ "0359901X,VIDEOPROJECTEURS,PEDAGOGICAL,VP-0359901X-D103-01,LEG-" + s + "-3,Epson,EB-W51,CD,2024-09-01,2029-08-31,IN_SERVICE\n");
		try {
			signIn("agent.cd");
			open("/inventaire/import");
			assertThat(driver.findElement(By.id("template")).getAttribute("href")).endsWith("/inventaire/import/modele.csv");
			assertThat(driver.findElement(By.id("accepted")).getAttribute("textContent")).contains("VIDEOPROJECTEURS", "IN_SERVICE", "En service");
			driver.findElement(By.id("file")).sendKeys(csv.toString());
			driver.findElement(By.id("check")).sendKeys(Keys.ENTER);
			waitFor(By.id("resultat"));
			assertThat(driver.findElement(By.id("avertissements")).getText()).contains("VP salle D102");
			assertThat(driver.findElement(By.id("resultat")).getText()).contains("Rien n’a encore été enregistré");
			assertAccessible();
			driver.findElement(By.id("file")).sendKeys(csv.toString());
			driver.findElement(By.id("commit")).sendKeys(Keys.ENTER);
			waitUpTo(10).until(d -> d.findElement(By.id("resultat")).getText().contains("3 créé(s)"));
			open("/inventaire/nommage");
			assertThat(driver.getPageSource()).contains("VP salle D102");
			signOut();

			// The collège's secretary now names one of the three projectors when reporting.
			signIn("college");
			open("/signaler");
			var picker = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("assetId")));
			assertThat(picker.getOptions().stream().map(o -> o.getText()).toList())
				.anySatisfy(t -> assertThat(t).contains("VP-0359901X-D101-01"))
				.anySatisfy(t -> assertThat(t).contains("VP salle D102"))
				.anySatisfy(t -> assertThat(t).contains("VP-0359901X-D103-01"));
			// The picker follows the kind chosen: the projectors for « Un vidéoprojecteur », not for the wifi.
			var projectors = driver.findElement(By.cssSelector("#assetId optgroup[data-component=VIDEOPROJECTEURS]"));
			driver.findElement(By.id("problem-wifi")).sendKeys(Keys.SPACE);
			assertThat(projectors.getAttribute("hidden")).isNotNull();
			driver.findElement(By.id("problem-videoprojecteur")).sendKeys(Keys.SPACE);
			assertThat(projectors.getAttribute("hidden")).isNull();
			assertAccessible();
		}
		finally {
			java.nio.file.Files.deleteIfExists(csv);
			signOut();
		}
	}
}
