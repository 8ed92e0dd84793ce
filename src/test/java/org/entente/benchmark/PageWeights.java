package org.entente.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes a browser downloads for each main page, first and repeat visit, on a running application
 * (docs/benchmarks.md). A page's HTML and every stylesheet, script and image it names are fetched as a browser would
 * (not the Bootstrap Icons font: a browser fetches a font only for a glyph shown, and no page shows an icon), with {@code Accept-Encoding: gzip, br}; the byte
 * count is what crossed the wire (compressed body plus response headers). Repeat visit: the HTML again, and each asset
 * again unless its {@code Cache-Control} has a {@code max-age} above zero without {@code no-store} or {@code no-cache}
 * (then the browser does not ask); an asset with an {@code ETag} or {@code Last-Modified} costs a 304 (its headers).
 * Usage: {@code java … PageWeights http://127.0.0.1:18081 user password}.
 */
public final class PageWeights {

	private static final List<String> PAGES = List.of("/", "/signaler", "/tickets", "/qui-fait-quoi", "/inventaire",
			"/gouvernance", "/gouvernance/contribution-ent", "/notifications");

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|svg|png|ico)[^\"]*)\"");

	private static final Pattern LOADED = Pattern.compile("<div[^>]*hx-trigger=\"load\"[^>]*hx-get=\"(/[^\"]+)\"|<div[^>]*hx-get=\"(/[^\"]+)\"[^>]*hx-trigger=\"load\"");

	private final HttpClient http;

	private final String base;

	private PageWeights(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	public static void main(String[] args) throws Exception {
		PageWeights w = new PageWeights(args[0]);
		w.signIn(args[1], args[2]);
		System.out.println("| page | HTML | first visit | repeat visit | assets (first) |");
		System.out.println("|---|---|---|---|---|");
		for (String page : PAGES) {
			w.measure(page);
		}
	}

	private void signIn(String user, String password) throws Exception {
		String form = http.send(HttpRequest.newBuilder(URI.create(base + "/connexion")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		String token = csrf.find() ? csrf.group(1) : "";
		String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
		http.send(HttpRequest.newBuilder(URI.create(base + "/connexion"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
	}

	private void measure(String page) throws Exception {
		HttpResponse<byte[]> html = http.send(get(page), HttpResponse.BodyHandlers.ofByteArray());
		String text = new String(decoded(html), StandardCharsets.UTF_8);
		Set<String> assets = new LinkedHashSet<>();
		Matcher m = ASSET.matcher(text);
		while (m.find()) {
			assets.add(m.group(1).replace("&amp;", "&"));
		}
		long first = wire(html);
		long repeat = wire(html);
		// Parts of the page that htmx loads with it (the home page's desk and governance parts): HTML, never cached.
		Matcher parts = LOADED.matcher(text);
		while (parts.find()) {
			HttpResponse<byte[]> part = http.send(get((parts.group(1) != null ? parts.group(1) : parts.group(2)).replace("&amp;", "&")), HttpResponse.BodyHandlers.ofByteArray());
			first += wire(part);
			repeat += wire(part);
		}
		for (String asset : assets) {
			HttpResponse<byte[]> r = http.send(get(asset), HttpResponse.BodyHandlers.ofByteArray());
			first += wire(r);
			repeat += repeatCost(r);
		}
		System.out.printf("| %s | %s | %s | %s | %d |%n", page, kb(wire(html)), kb(first), kb(repeat), assets.size());
	}

	private static long repeatCost(HttpResponse<byte[]> r) {
		String cc = r.headers().firstValue("Cache-Control").orElse("");
		Matcher age = Pattern.compile("max-age=(\\d+)").matcher(cc);
		boolean fresh = age.find() && Long.parseLong(age.group(1)) > 0 && !cc.contains("no-store") && !cc.contains("no-cache");
		if (fresh) {
			return 0;
		}
		if (!cc.contains("no-store") && (r.headers().firstValue("ETag").isPresent()
				|| r.headers().firstValue("Last-Modified").isPresent())) {
			return headerBytes(r) + 40;
		}
		return wire(r);
	}

	private static long wire(HttpResponse<byte[]> r) {
		return r.body().length + headerBytes(r);
	}

	private static long headerBytes(HttpResponse<byte[]> r) {
		long n = 17;
		for (var e : r.headers().map().entrySet()) {
			for (String v : e.getValue()) {
				n += e.getKey().length() + v.length() + 4;
			}
		}
		return n;
	}

	private static byte[] decoded(HttpResponse<byte[]> r) throws Exception {
		if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
			return new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes();
		}
		return r.body();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip")
			.header("Accept", "text/html,*/*").GET().build();
	}

	private static String kb(long bytes) {
		return String.format(java.util.Locale.FRANCE, "%.1f Ko", bytes / 1024.0);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
