package org.entente.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Bytes a real Chromium moves for each main page on a running application, first visit and repeat visit
 * (docs/benchmarks.md, issue 16 §5), read from the browser's own Resource Timing (the Performance API): the
 * {@code transferSize} of the page's navigation and of every resource it fetched, htmx's parts included, which is
 * what crossed the wire (compressed body plus response headers; 0 for a file the browser took from its cache, the
 * headers alone for a 304). First visit: the browser's cache emptied first (CDP {@code Network.clearBrowserCache}),
 * signed in. Repeat visit: {@code about:blank}, then the same address again, as a person coming back to the page (not
 * a reload, which would revalidate everything). Where a repeat visit costs more than a few hundred bytes per file,
 * the file is listed.
 * <p>
 * Not a test (Surefire skips {@code benchmark}); run against an application started apart, with the URL, an account
 * and its password as arguments (and optionally a comma-separated list of pages); the commands are in
 * docs/benchmarks.md.
 */
public final class BrowserPageWeights {

	static final List<String> PAGES = List.of("/", "/signaler", "/tickets", "/qui-fait-quoi", "/inventaire",
			"/gouvernance", "/gouvernance/contribution-ent", "/notifications", "/indicateurs");

	/** The navigation's and every resource's sizes, as the browser counted them. */
	private static final String ENTRIES = """
			return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
			  .map(e => [e.name, e.initiatorType || 'navigation', e.transferSize, e.encodedBodySize, e.decodedBodySize]);""";

	/** One fetch of a visit. */
	record Entry(String name, String initiator, long transfer, long encoded, long decoded) {
	}

	/** One visit: its entries, in the order the browser made them. */
	record Visit(List<Entry> entries) {

		long transfer() {
			return entries.stream().mapToLong(Entry::transfer).sum();
		}

		long html() {
			return entries.stream().filter(e -> e.initiator().equals("navigation")).mapToLong(Entry::transfer).sum();
		}
	}

	private final ChromeDriver driver;

	private final String base;

	private BrowserPageWeights(ChromeDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--lang=fr-FR");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		try {
			BrowserPageWeights w = new BrowserPageWeights(driver, args[0]);
			w.signIn(args[1], args[2]);
			List<String> pages = args.length > 3 ? List.of(args[3].split(",")) : PAGES;
			System.out.println("| page | HTML (1re visite) | 1re visite | visite suivante | requêtes (1re / suivante sur le fil) |");
			System.out.println("|---|---|---|---|---|");
			List<String> notes = new ArrayList<>();
			for (String page : pages) {
				w.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
				Visit first = w.visit(page);
				w.driver.get("about:blank");
				Visit repeat = w.visit(page);
				long onWire = repeat.entries().stream().filter(e -> e.transfer() > 0).count();
				System.out.printf("| `%s` | %s | %s | %s | %d / %d |%n", page, kb(first.html()), kb(first.transfer()),
						kb(repeat.transfer()), first.entries().size(), onWire);
				repeat.entries().stream().filter(e -> e.transfer() > 1024)
					.forEach(e -> notes.add(page + " (repeat): " + e.initiator() + " " + e.name().replace(w.base, "") + " "
							+ kb(e.transfer()) + " (decoded " + kb(e.decoded()) + ")"));
			}
			notes.forEach(System.out::println);
		}
		finally {
			driver.quit();
		}
	}

	private void signIn(String user, String password) {
		driver.get(base + "/connexion");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		until(() -> !driver.getCurrentUrl().contains("/connexion"));
	}

	/** Opens the page, waits until it and its htmx parts are loaded and nothing more is fetched, and reads its sizes. */
	private Visit visit(String page) {
		driver.get(base + page);
		until(() -> "complete".equals(js("return document.readyState")));
		int[] last = { -1 };
		int[] stable = { 0 };
		until(() -> {
			int count = ((Number) js("return performance.getEntriesByType('resource').length")).intValue();
			boolean busy = ((Number) js("return document.querySelectorAll('.htmx-request').length")).intValue() > 0;
			stable[0] = !busy && count == last[0] ? stable[0] + 1 : 0;
			last[0] = count;
			return stable[0] >= 3;
		});
		List<Entry> entries = new ArrayList<>();
		for (Object o : (List<?>) js(ENTRIES)) {
			List<?> e = (List<?>) o;
			entries.add(new Entry(String.valueOf(e.get(0)), String.valueOf(e.get(1)), ((Number) e.get(2)).longValue(),
					((Number) e.get(3)).longValue(), ((Number) e.get(4)).longValue()));
		}
		return new Visit(entries);
	}

	private Object js(String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

	/** Polls every 200 ms, at most 30 s (a benchmark's wait on a page, not a test's). */
	private static void until(java.util.function.BooleanSupplier condition) {
		long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new IllegalStateException("page not settled in 30 s");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private static String kb(long bytes) {
		return String.format(Locale.FRANCE, "%.1f Ko", bytes / 1024.0);
	}
}
