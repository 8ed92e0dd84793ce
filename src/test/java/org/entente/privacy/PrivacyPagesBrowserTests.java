package org.entente.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.entente.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The DPO previews an identity import by keyboard and reads each fault by line and column, then the register, the
 * purges (a dry run) and the requests. Every page axe-clean.
 */
class PrivacyPagesBrowserTests extends BrowserTestSupport {

	@TempDir
	Path dir;

	@Test
	void theDpoPreviewsAnImportByKeyboardThenReadsTheOtherPages() throws Exception {
		String uid = "nav" + UUID.randomUUID().toString().substring(0, 8);
		Path csv = dir.resolve("identites.csv");
		Files.writeString(csv, "guuid;uid;lastName;firstName;civility;birthDate;status;function;uai;class;department\n"
				+ "G-" + uid + ";" + uid + ";Durand;Léa;MME;2012-03-04;PUPIL;;0359901X;5e B;\n"
				+ "G2-" + uid + ";" + uid + "b;Martin;Jo;M;2012-02-30;STUDENT;;0359901X;;\n", StandardCharsets.UTF_8);
		signOut();
		signIn("dpo");
		open("/donnees-personnelles/identites");
		assertAccessible();
		WebElement file = driver.findElement(By.id("file"));
		file.sendKeys(csv.toString());
		// Keyboard: from the file field to the modes (arrows choose « partiel »), then to the preview button.
		driver.findElement(By.id("mode-full")).sendKeys(Keys.ARROW_DOWN);
		assertThat(driver.findElement(By.id("mode-partial")).isSelected()).isTrue();
		assertThat(focused().getAttribute("id")).isEqualTo("mode-partial");
		focused().sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("preview");
		focused().sendKeys(Keys.ENTER);
		WebElement errors = waitFor(By.id("errors"));
		assertThat(errors.getText()).contains("3", "birthDate", "status", "STUDENT");
		assertThat(driver.findElement(By.id("result")).getText()).contains("Rien n'a été écrit");
		assertThat(driver.findElement(By.id("mode-partial")).isSelected()).isTrue();
		assertAccessible();

		open("/donnees-personnelles/registre");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("gestion de la maintenance et gestion du parc", "dpd@ac-rennes.fr");
		assertAccessible();

		open("/donnees-personnelles/purges");
		driver.findElement(By.cssSelector("button[name=dryRun][value=true]")).sendKeys(Keys.ENTER);
		waitUpTo(20).until(d -> d.findElement(By.tagName("main")).getText().contains("À blanc"));
		assertThat(driver.findElement(By.tagName("tbody")).getText()).contains("dpo");
		assertAccessible();

		open("/donnees-personnelles/demandes");
		assertAccessible();
	}

	@Test
	void theRssiReadsTheRegisterOnly() {
		signOut();
		signIn("rssi");
		open("/donnees-personnelles/registre");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Registre des traitements");
		assertThat(driver.findElements(By.cssSelector("form[action*='/copie']"))).isEmpty();
		open("/donnees-personnelles/identites");
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Importer les identités");
	}
}
