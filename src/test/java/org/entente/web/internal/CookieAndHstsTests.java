package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie is SameSite=Lax and HttpOnly; behind a reverse proxy that terminated HTTPS (X-Forwarded-Proto),
 * it is also Secure and the response carries HSTS; over plain HTTP neither (it would lock a test machine out).
 */
@EntenteTest
class CookieAndHstsTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> signInPage(boolean behindHttpsProxy) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion")).GET();
		if (behindHttpsProxy) {
			b.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String sessionCookie(HttpResponse<?> r) {
		List<String> cookies = r.headers().allValues("Set-Cookie");
		return cookies.stream().filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION=")).findFirst().orElse("");
	}

	@Test
	void theSessionCookieIsLaxAndHttpOnlyAndSecureBehindHttps() throws Exception {
		HttpResponse<String> plain = signInPage(false);
		assertThat(plain.statusCode()).isEqualTo(200);
		String cookie = sessionCookie(plain);
		assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

		HttpResponse<String> proxied = signInPage(true);
		assertThat(proxied.statusCode()).isEqualTo(200);
		assertThat(sessionCookie(proxied)).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
		assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
	}
}
