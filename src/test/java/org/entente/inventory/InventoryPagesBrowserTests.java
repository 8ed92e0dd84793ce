package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class InventoryPagesBrowserTests extends BrowserTestSupport {

	@Test
	void importPreviewThenCommitThenBrowseTheAsset() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Path csv = Files.createTempFile("import", ".csv");
		Files.writeString(csv, AssetApiTests.HEADER
				+ "0359901X,STATIONS_PEDAGOGIQUES,PEDAGOGICAL,PEDA-0359901X-C101-01,WEB-" + s + ",Dell,OptiPlex,CD,2024-09-01,2026-12-31,IN_SERVICE\n"
				+ "0359901X,STATIONS_PEDAGOGIQUES,PEDAGOGICAL,SALLE101,WEB-" + s + "-2,Dell,OptiPlex,CD,2024-09-01,2026-12-31,IN_SERVICE\n");
		try {
			signIn("agent.cd");
			open("/inventaire/import");
			assertAccessible();
			driver.findElement(By.id("file")).sendKeys(csv.toString());
			driver.findElement(By.id("check")).click();
			waitFor(By.id("resultat"));
			// A name that breaks the rules is a warning: the file is correct, nothing is recorded by « Vérifier ».
			assertThat(driver.findElement(By.id("avertissements")).getText()).contains("SALLE101");
			assertThat(driver.findElement(By.id("resultat")).getText()).contains("Rien n’a encore été enregistré");
			assertAccessible();

			Files.writeString(csv, Files.readString(csv).replace("SALLE101", "PEDA-0359901X-C101-02"));
			driver.findElement(By.id("file")).sendKeys(csv.toString());
			driver.findElement(By.id("commit")).click();
			waitFor(By.id("resultat"));
			assertThat(driver.findElement(By.id("resultat")).getText()).contains("2 créé(s)");

			open("/inventaire?q=WEB-" + s);
			driver.findElement(By.linkText("PEDA-0359901X-C101-01")).click();
			waitFor(By.tagName("h1"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("PEDA-0359901X-C101-01");
			assertAccessible();

			for (String page : new String[] { "/inventaire", "/inventaire/nommage", "/inventaire/garanties?mois=36", "/inventaire/rechange",
					"/inventaire/referentiel", "/inventaire/logiciels" }) {
				open(page);
				waitFor(By.tagName("h1"));
				assertAccessible();
			}
			open("/inventaire/garanties?mois=36");
			assertThat(driver.getPageSource()).contains("PEDA-0359901X-C101-01");
		}
		finally {
			Files.deleteIfExists(csv);
			signOut();
		}
	}

	@Test
	void anotherCollegeDoesNotSeeTheAsset() {
		signIn("college2");
		open("/inventaire?q=PEDA-0359901X");
		assertThat(driver.getPageSource()).doesNotContain("PEDA-0359901X-C101");
		signOut();
	}
}
