package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
		// Who acknowledged: the collège's head, with the function (annexe §1 : « chaque chef d'établissement »).
		assertThat(driver.findElement(By.id("acknowledgements")).getText()).contains("Secrétariat du collège Les Chênes (démo), Principale, le");
		assertAccessible();
	}

	/**
	 * A policy change proposed by the Département with its impact study, the Académie's disagreement sending it to
	 * arbitration, settled by the strategic committee's decision on the meeting page (the change then links to it); a
	 * change of use submitted and answered; the BYOD page. By keyboard, errors next to their fields,
	 * every page axe-clean.
	 */
	@Test
	void aChangeGoesToArbitrationAndTheAcademyAnswersAValidation() {
		String title = "Wi-Fi " + UUID.randomUUID().toString().substring(0, 8);
		signOut();
		signIn("agent.cd");
		open("/politiques/changements");
		assertAccessible();
		driver.findElement(By.cssSelector("#propose button[type=submit]")).sendKeys(Keys.ENTER);
		waitFor(By.id("impactFinancial-error"));
		assertThat(driver.findElement(By.id("impactHuman")).getAttribute("aria-describedby")).isEqualTo("impactHuman-error");
		assertAccessible();
		driver.findElement(By.id("title")).sendKeys(title, Keys.TAB);
		focused().sendKeys("Le réseau Wi-Fi invité est coupé à 18 h.");
		for (String f : List.of("impactHuman", "impactOrganisational", "impactTechnical", "impactFinancial")) {
			driver.findElement(By.id(f)).sendKeys("Impact " + f);
		}
		driver.findElement(By.cssSelector("#propose button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("?proposee"));
		assertThat(driver.findElement(By.id("change-status")).getText()).isEqualTo("En attente de la position de l'autre partie");
		String change = driver.getCurrentUrl().replaceAll("^.*(/politiques/changements/\\d+).*$", "$1");

		signOut();
		signIn("agent.aca");
		open(change);
		assertAccessible();
		driver.findElement(By.id("agrees-no")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("comment")).sendKeys("Coût de la coupure non réparti");
		driver.findElement(By.cssSelector("#position button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("?position"));
		assertThat(driver.findElement(By.id("change-status")).getText()).isEqualTo("En arbitrage");
		assertThat(driver.findElement(By.id("arbitration-pending")).getText()).contains("comité stratégique");
		assertAccessible();

		// The strategic committee decides it: on the next planned meeting's agenda, or planned now to take it.
		signOut();
		signIn("agent.cd");
		open("/gouvernance/comites");
		assertAccessible();
		String id = change.substring(change.lastIndexOf('/') + 1);
		List<org.openqa.selenium.WebElement> scheduled = driver.findElements(By.cssSelector("#scheduled-arbitrations a[href$='#arbitrage-" + id + "']"));
		if (scheduled.isEmpty()) {
			assertThat(driver.findElement(By.id("pending-arbitrations")).getText()).contains(title);
			open("/gouvernance/comites/STRATEGIC/nouvelle-reunion");
			driver.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
		}
		else {
			scheduled.get(0).sendKeys(Keys.ENTER);
		}
		waitFor(By.id("arbitrage-" + id)).findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);
		waitFor(By.id("arbitration-text-error-" + id));
		assertThat(driver.findElement(By.id("arbitration-text-" + id)).getAttribute("aria-describedby")).isEqualTo("arbitration-text-error-" + id);
		assertAccessible();
		driver.findElement(By.id("adopted-no-" + id)).sendKeys(Keys.SPACE);
		driver.findElement(By.id("arbitration-text-" + id)).sendKeys("Coupure maintenue, réexamen dans un an");
		driver.findElement(By.cssSelector("#arbitrage-" + id + " button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("#decision-"));
		assertThat(driver.findElement(By.cssSelector("#decision-list a[href='" + change + "']")).isDisplayed()).isTrue();
		open(change);
		waitUpTo(10).until(d -> {
			d.navigate().refresh();
			return d.findElement(By.id("change-status")).getText().equals("Rejetée après arbitrage");
		});
		assertThat(driver.findElement(By.id("decision-link")).getAttribute("href")).contains("/gouvernance/reunions/").contains("#decision-");
		assertAccessible();

		signOut();
		signIn("agent.cd");
		open("/politiques/validations");
		assertAccessible();
		driver.findElement(By.id("service")).sendKeys("Baladodiffusion " + title, Keys.TAB);
		focused().sendKeys("Nouveau service pédagogique pour les élèves");
		driver.findElement(By.cssSelector("#submit-validation button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("?soumise"));
		String validation = driver.getCurrentUrl().replaceAll("^.*(/politiques/validations/\\d+).*$", "$1");
		assertThat(driver.findElements(By.id("answer"))).isEmpty();

		signOut();
		signIn("agent.aca");
		open(validation);
		driver.findElement(By.cssSelector("#answer button[type=submit]")).sendKeys(Keys.ENTER);
		waitFor(By.id("grounds-error"));
		assertAccessible();
		driver.findElement(By.id("approved-yes")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("grounds")).sendKeys("Aucune donnée personnelle d'élève");
		driver.findElement(By.cssSelector("#answer button[type=submit]")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().contains("?repondue"));
		assertThat(driver.findElement(By.id("validation-status")).getText()).isEqualTo("Autorisée");
		assertAccessible();

		signOut();
		signIn("college");
		open("/politiques/byod");
		assertThat(driver.findElements(By.id("byod-decision-form"))).hasSize(1);
		assertAccessible();
	}
}
