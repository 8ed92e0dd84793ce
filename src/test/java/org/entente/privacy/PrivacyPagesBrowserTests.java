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
		// Recorded without a kind nor who received it: each fault next to its field, axe-clean.
		driver.findElement(By.id("record")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("kind-error")).getText()).contains("kind");
		assertThat(driver.findElement(By.id("receivedBy-error")).getText()).contains("ACA", "CD");
		assertThat(driver.findElement(By.id("kind")).getAttribute("aria-describedby")).isEqualTo("kind-error");
		assertAccessible();
		// By keyboard: the kind by its first letter, the receiving officer by space, the subject typed, Enter.
		WebElement kind = driver.findElement(By.id("kind"));
		kind.sendKeys("R");
		assertThat(new org.openqa.selenium.support.ui.Select(kind).getFirstSelectedOption().getAttribute("value")).isEqualTo("RECTIFICATION");
		driver.findElement(By.id("receivedBy-CD")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("subjectUid")).sendKeys(uid, Keys.ENTER);
		waitUpTo(20).until(d -> d.getCurrentUrl().contains("enregistree="));
		String id = driver.getCurrentUrl().replaceAll(".*enregistree=(\\d+).*", "$1");
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
		WebElement article = driver.findElement(By.id("demande-" + id));
		assertThat(article.findElement(By.cssSelector(".due")).getText()).isEqualTo(today.plusMonths(1).toString());
		assertThat(article.getText()).contains(uid, "RECTIFICATION");
		// The extension needs its reason, shown next to the field; then the deadline is three months after receipt.
		driver.findElement(By.id("prolongation-" + id + "-submit")).sendKeys(Keys.ENTER);
		assertThat(waitFor(By.id("prolongation-" + id + "-error")).getText()).contains("motif");
		assertAccessible();
		driver.findElement(By.id("prolongation-" + id)).sendKeys("Demande complexe");
		driver.findElement(By.id("prolongation-" + id + "-submit")).sendKeys(Keys.ENTER);
		waitUpTo(20).until(d -> d.findElement(By.cssSelector("#demande-" + id + " .due")).getText().equals(today.plusMonths(3).toString()));
		assertThat(driver.findElements(By.id("prolongation-" + id))).as("once").isEmpty();
		driver.findElement(By.id("reponse-" + id)).sendKeys("Identité rectifiée par l'Académie.");
		driver.findElement(By.id("reponse-" + id + "-submit")).sendKeys(Keys.ENTER);
		waitUpTo(20).until(d -> d.findElement(By.id("demande-" + id)).getText().contains(today + " : Identité rectifiée par l'Académie."));
		assertThat(driver.findElements(By.id("reponse-" + id))).isEmpty();
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
