package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for page tests in a real browser: Debian's headless Chromium driven by Selenium, on the application
 * started on a random port. Without Chromium the tests are skipped, unless ENTENTE_REQUIRE_BROWSER=true (CI).
 */
@EntenteTest
public abstract class BrowserTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	protected static WebDriver driver;

	private static boolean shutdownHook;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!available && "true".equals(System.getenv("ENTENTE_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("Chromium et chromedriver sont requis (apt-get install chromium chromium-driver)");
		}
		Assumptions.assumeTrue(available, "Chromium absent : tests de pages ignorés");
		if (driver != null) {
			return;
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--lang=fr-FR");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver started = new ChromeDriver(service, options);
		started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		if (!shutdownHook) {
			shutdownHook = true;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (driver != null) {
					driver.quit();
				}
			}));
		}
		driver = started;
	}

	/**
	 * One Chromium serves every page test class of the run (starting one per class cost seconds each): after a
	 * class, its cookies and window size are put back, and a browser that no longer answers is replaced.
	 */
	@AfterAll
	static void resetBrowser() {
		if (driver == null) {
			return;
		}
		try {
			// Every cookie of the browser, not only the current page's: 127.0.0.1's cookies ignore the port.
			((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
			driver.manage().deleteAllCookies();
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
			driver.get("about:blank");
		}
		catch (org.openqa.selenium.WebDriverException e) {
			driver.quit();
			driver = null;
		}
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	protected void open(String path) {
		driver.get(url(path));
	}

	/**
	 * A wait that retries when the page is replaced under it. An element found on the old page goes stale, and
	 * Chromium 156 sometimes says so as a bare « unknown error: Node with given id does not belong to the
	 * document » rather than a stale-element error; both are retried. Any other error (a wrong selector, an alert,
	 * a browser gone) fails at once rather than after the whole wait.
	 */
	protected WebDriverWait waitUpTo(int seconds) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds)) {
			@Override
			public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> isTrue) {
				return super.until(d -> {
					try {
						return isTrue.apply(d);
					}
					catch (org.openqa.selenium.WebDriverException e) {
						if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
							return null;
						}
						throw e;
					}
				});
			}
		};
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	protected WebElement waitFor(By by) {
		return waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Signs in through the login page, as a person would. */
	protected void signIn(String username) {
		open("/connexion");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(EntenteTest.PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUpTo(10).until(d -> !d.getCurrentUrl().contains("/connexion"));
	}

	protected void signOut() {
		driver.manage().deleteAllCookies();
	}

	/** The page in the browser has no axe-core violation of WCAG 2.x levels A and AA. */
	protected void assertAccessible() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
		List<Rule> violations = results.getViolations();
		assertThat(violations).as(() -> driver.getCurrentUrl() + "\n" + violations.stream()
			.map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " → "
					+ v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"))).isEmpty();
	}

	/** The element that has keyboard focus. */
	protected WebElement focused() {
		return driver.switchTo().activeElement();
	}

	/** The elements of the page's own content (main section) that stick out of the window, at most 8; empty when all fit. */
	protected String elementsWiderThanTheWindow() {
		return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
				var w = document.documentElement.clientWidth, out = [];
				document.querySelectorAll('main section *').forEach(function (e) {
				  var r = e.getBoundingClientRect();
				  if (r.right > w + 1 && out.length < 8) { out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); }
				});
				return out.join(' | ');""");
	}
}
