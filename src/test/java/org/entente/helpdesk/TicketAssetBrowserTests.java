package org.entente.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * A collège names the video projector concerned; the ticket shows it; the asset page lists the ticket; level 1 names
 * another one when reclassifying, with data involved: the ticket, now a data restore, shows its backup record and leads to
 * the establishment's backups; axe-clean.
 */
class TicketAssetBrowserTests extends BrowserTestSupport {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aCollegeNamesTheAssetConcerned() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 8);
		String name = "VP-0359901X-B" + (100 + Math.abs(s.hashCode() % 900)) + "-01";
		MvcTestResult created = mvc.post().uri("/api/v1/assets").contentType(MediaType.APPLICATION_JSON).content("""
				{"uai":"0359901X","component":"VIDEOPROJECTEURS","network":"PEDAGOGICAL","name":"%s","serial":"SN-%s",
				 "manufacturer":"Epson","model":"EB-W51","funding":"CD","warrantyEnd":"2020-01-31","status":"IN_SERVICE","room":"B204"}"""
			.formatted(name, s)).with(as("admin")).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		long asset = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();

		signIn("college");
		open("/signaler");
		assertAccessible();
		driver.findElement(By.id("problem-videoprojecteur")).sendKeys(Keys.SPACE);
		new Select(driver.findElement(By.id("assetId"))).selectByValue(String.valueOf(asset));
		driver.findElement(By.id("title")).sendKeys("Plus d'image " + s);
		driver.findElement(By.id("description")).sendKeys("Écran noir en B204.");
		driver.findElement(By.id("send")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
		String ticketPath = driver.getCurrentUrl().replaceAll("^.*(/tickets/\\d+)$", "$1");
		assertThat(driver.findElement(By.id("equipement")).getText()).contains(name, "EB-W51", "hors garantie", "B204");
		assertAccessible();

		open("/inventaire/equipements/" + asset);
		assertThat(driver.findElement(By.cssSelector("a[href='" + ticketPath + "']")).getText()).contains("Plus d'image " + s);
		assertAccessible();
		signOut();

		// Level 1 names another projector of the collège when reclassifying; a mismatch is said next to the picker.
		String other = "VP-0359901X-C" + (100 + Math.abs(s.hashCode() % 900)) + "-02";
		MvcTestResult second = mvc.post().uri("/api/v1/assets").contentType(MediaType.APPLICATION_JSON).content("""
				{"uai":"0359901X","component":"VIDEOPROJECTEURS","network":"PEDAGOGICAL","name":"%s","serial":"SN2-%s",
				 "manufacturer":"Epson","model":"EB-W52","funding":"CD","warrantyEnd":"2099-01-31","status":"IN_SERVICE","room":"C102"}"""
			.formatted(other, s)).with(as("admin")).exchange();
		long otherAsset = ((Number) JsonPath.read(second.getResponse().getContentAsString(), "$.id")).longValue();
		signIn("niveau1");
		open(ticketPath);
		Select picker = new Select(driver.findElement(By.id("classify-assetId")));
		assertThat(picker.getFirstSelectedOption().getAttribute("value")).isEqualTo(String.valueOf(asset));
		driver.findElement(By.id("component")).clear();
		driver.findElement(By.id("component")).sendKeys("BORNES_WIFI");
		picker.selectByValue(String.valueOf(otherAsset));
		driver.findElement(By.cssSelector("form[action$='/classement'] button[type=submit]")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("classify-assetId-error")).getText()).contains("VIDEOPROJECTEURS");
		assertThat(driver.findElement(By.id("classify-assetId")).getAttribute("aria-invalid")).isEqualTo("true");
		assertAccessible();
		driver.findElement(By.id("component")).clear();
		driver.findElement(By.id("component")).sendKeys("VIDEOPROJECTEURS");
		assertThat(new Select(driver.findElement(By.id("classify-assetId"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(String.valueOf(otherAsset));
		// The class's shared files were on the projector's laptop and are gone too: data involved makes the ticket a
		// data restore, linked after the commit to the collège's last good backup of shared pedagogical data.
		String job = "nas-" + s;
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
		assertThat(mvc.post().uri("/api/v1/backups/reports").with(as("glpi-agent")).contentType(MediaType.APPLICATION_JSON).content("""
				{"uai":"0359901X","dataClass":"PEDAGOGICAL_GROUP","job":"%s","startedAt":"%s","endedAt":"%s","status":"SUCCESS","oldestRestorePoint":"%s"}"""
			.formatted(job, now.minusMinutes(10), now.minusMinutes(1), now.minusDays(20))).exchange()).hasStatus(HttpStatus.CREATED);
		assertThat(driver.findElements(By.id("sauvegarde"))).isEmpty();
		driver.findElement(By.id("classify-data")).sendKeys(Keys.SPACE);
		driver.findElement(By.cssSelector("form[action$='/classement'] button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.findElement(By.id("equipement")).getText().contains(other));
		waitUpTo(10).until(d -> {
			if (d.findElements(By.id("sauvegarde")).isEmpty()) {
				d.navigate().refresh();
			}
			return !d.findElements(By.id("sauvegarde")).isEmpty();
		});
		assertThat(driver.findElement(By.id("sauvegarde")).getText()).contains("Sauvegarde liée", job, "engagement tenu");
		assertAccessible();
		driver.findElement(By.id("sauvegarde-lien")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/politiques/sauvegardes/0359901X" + "#restauration-" + ticketPath.substring(9)));
		assertThat(driver.findElement(By.id("restauration-" + ticketPath.substring(9))).getText()).contains(job);
		assertThat(driver.findElement(By.id("conformite")).getText()).contains("engagement");
		assertAccessible();
		signOut();
	}
}
