package org.entente.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

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

/** A collège names the video projector concerned; the ticket shows it; the asset page lists the ticket; axe-clean. */
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
			.formatted(name, s)).with(httpBasic("admin", EntenteTest.PASSWORD)).exchange();
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
	}
}
