package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.entente.BrowserTestSupport;
import org.entente.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The issue's «done when»: a fresh start outside demo mode (on the test database: H2, or PostgreSQL when
 * SPRING_DATASOURCE_URL names it), the bootstrap step with the password in a file, then in Chromium the administrator
 * creates a CD agent through the page and that agent signs in.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class FirstDeploymentTests extends BrowserTestSupport {

	static final String ADMIN = "premiere.admin";
	static final String ADMIN_PASSWORD = "la mer monte vite ce soir";
	static final Path PASSWORD_FILE = passwordFile();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.isolate(registry, "first_deployment");
		registry.add("entente.demo.enabled", () -> "false");
		registry.add("entente.bootstrap.admin", () -> ADMIN);
		registry.add("entente.bootstrap.password-file", PASSWORD_FILE::toString);
		// Short, so that the idle warning shows within the test (at 24 s: a fifth before the end), with 6 s left to
		// press « Rester connecté·e » (the session store, Spring Session JDBC, ends the session at 30 s idle).
		registry.add("server.servlet.session.timeout", () -> "30s");
	}

	@Autowired
	JdbcClient jdbc;

	private static Path passwordFile() {
		try {
			Path file = Files.createTempFile("entente-bootstrap", ".txt");
			// A secret file ends with a line break; it is not part of the password.
			Files.writeString(file, ADMIN_PASSWORD + "\n");
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void theBootstrapAdministratorCreatesACdAgentWhoSignsIn(CapturedOutput output) {
		// No demo account, one administrator; the log says the bootstrap was used and never prints the password.
		assertThat(jdbc.sql("select username from account").query(String.class).list()).containsExactly(ADMIN);
		assertThat(output.getAll()).contains("Administrateur initial « " + ADMIN + " » créé").doesNotContain(ADMIN_PASSWORD);

		signInAs(ADMIN, ADMIN_PASSWORD);
		open("/comptes/nouveau");
		assertAccessible();
		driver.findElement(By.id("username")).sendKeys("agent.voirie");
		driver.findElement(By.id("displayName")).sendKeys("Agent de la voirie numérique");
		driver.findElement(By.id("email")).sendKeys("agent.voirie@ille-et-vilaine.fr");
		new Select(driver.findElement(By.id("role"))).selectByValue("CD_AGENT");
		// A common password first: refused next to its field, nothing created.
		driver.findElement(By.id("password")).sendKeys("azertyuiop123");
		driver.findElement(By.id("password")).submit();
		assertThat(waitFor(By.id("password-erreur")).getText()).contains("mots de passe courants");
		assertThat(driver.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
		assertAccessible();
		assertThat(jdbc.sql("select count(*) from account where username = 'agent.voirie'").query(Long.class).single()).isZero();

		driver.findElement(By.id("password")).sendKeys("les routes du bocage breton");
		driver.findElement(By.id("password")).submit();
		assertThat(waitFor(By.id("enregistre")).getText()).contains("Compte créé");
		assertThat(driver.getCurrentUrl()).endsWith("/comptes/agent.voirie");
		assertThat(driver.findElement(By.id("historique")).getText()).contains(ADMIN).contains("CD_AGENT");
		assertAccessible();

		signOut();
		signInAs("agent.voirie", "les routes du bocage breton");
		assertThat(driver.findElement(By.tagName("header")).getText()).contains("Agent de la voirie numérique");
		open("/tickets");
		assertThat(driver.getCurrentUrl()).endsWith("/tickets");
		assertAccessible();
		// Not an administrator: no account pages.
		open("/comptes");
		assertThat(driver.getPageSource()).doesNotContain("Nouveau compte");

		// A long form: the idle warning shows before the session ends, and staying keeps the session.
		open("/signaler");
		assertThat(driver.findElement(By.id("session-warning")).isDisplayed()).isFalse();
		waitUpTo(45).until(d -> d.findElement(By.id("session-warning")).isDisplayed());
		driver.findElement(By.id("session-extend")).click();
		waitUpTo(10).until(d -> !d.findElement(By.id("session-warning")).isDisplayed());
		open("/tickets");
		assertThat(driver.getCurrentUrl()).endsWith("/tickets");
		assertAccessible();
	}

	private void signInAs(String username, String password) {
		open("/connexion");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUpTo(10).until(d -> !d.getCurrentUrl().contains("/connexion"));
	}
}
