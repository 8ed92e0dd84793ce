package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.concurrent.atomic.AtomicInteger;

import org.entente.EntenteTest;
import org.entente.notification.InAppNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The sign-in throttle through the real filter chains (HTTP Basic on the API, form POST to /connexion). Each test
 * uses its own accounts and client addresses (what Tomcat's RemoteIpValve gives behind the proxy), so that no demo
 * account and no other test is ever held back in the shared context.
 */
@EntenteTest
class LoginThrottleTests {

	private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() & 0xffff));

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	InAppNotifications notices;

	/** A fresh address in 198.18.0.0/15 (benchmarking range): never shared with another test. */
	private static String address() {
		int n = NEXT.incrementAndGet();
		return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
	}

	private String account() {
		String username = "throttle-" + System.nanoTime();
		accounts.create(new Accounts.NewAccount(username, "right-password", "Essai", null, Role.CD_AGENT, "CD", null, false));
		return username;
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MvcTestResult basic(String username, String password, String address) {
		String credentials = java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
		return mvc.get().uri("/api/v1/establishments").header(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
			.with(from(address)).exchange();
	}

	private MvcTestResult form(String username, String password, String address) {
		return mvc.post().uri("/connexion").param("username", username).param("password", password)
			.with(csrf()).with(from(address)).exchange();
	}

	private long noticesAbout(String username) {
		return notices.latest("admin", 200).stream().filter(n -> n.title().contains("« " + username + " »")).count();
	}

	@Test
	void basicIsAnswered429WithRetryAfterForThatAddressOnlyAndAdminsAreToldOnce() {
		String username = account();
		String attacker = address();
		for (int i = 0; i < 5; i++) {
			assertThat(basic(username, "wrong", attacker)).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		MvcTestResult held = basic(username, "right-password", attacker);
		assertThat(held).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Long.parseLong(held.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
		assertThat(held).bodyJson().extractingPath("$.type").isEqualTo("urn:entente:problem:too-many-sign-in-attempts");
		assertThat(held).bodyJson().extractingPath("$.detail").asString().contains("réessayez dans");
		// The owner, from their own address, is not locked out by someone else's guesses.
		assertThat(basic(username, "right-password", address())).hasStatusOk();
		// One lock, one notice, however many refused attempts follow.
		basic(username, "wrong", attacker);
		basic(username, "wrong", attacker);
		assertThat(noticesAbout(username)).isEqualTo(1);
	}

	@Test
	void theSignInPageSaysWhenToRetryAndTheSameForAnAccountThatDoesNotExist() {
		String address = address();
		String real = account();
		String ghost = "nobody-" + System.nanoTime();
		for (int i = 0; i < 5; i++) {
			assertThat(form(real, "wrong", address).getResponse().getRedirectedUrl()).isEqualTo("/connexion?error");
			assertThat(form(ghost, "wrong", address).getResponse().getRedirectedUrl()).isEqualTo("/connexion?error");
		}
		String realAnswer = form(real, "right-password", address).getResponse().getRedirectedUrl();
		String ghostAnswer = form(ghost, "anything", address).getResponse().getRedirectedUrl();
		assertThat(realAnswer).matches("/connexion\\?error=throttled&until=\\d+");
		// Same shape for both: nothing tells which account exists.
		assertThat(ghostAnswer).matches("/connexion\\?error=throttled&until=\\d+");
		assertThat(mvc.get().uri(realAnswer).exchange()).hasStatusOk()
			.bodyText()
			.contains("Trop de tentatives de connexion")
			.containsPattern("Réessayez à partir de \\d\\dh\\d\\d");
		// Another address signs in with the right password.
		assertThat(form(real, "right-password", address()).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void oneAddressTryingManyAccountsIsHeldBackEvenForARealAccount() {
		String address = address();
		for (int i = 0; i < 20; i++) {
			assertThat(basic("stuffing-" + i + "-" + System.nanoTime(), "wrong", address)).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		String real = account();
		assertThat(basic(real, "right-password", address)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(basic(real, "right-password", address())).hasStatusOk();
	}

	@Test
	void manyAddressesTryingOneAccountHoldItBackExceptFromWhereItsOwnerSignedIn() {
		String username = account();
		String owner = address();
		assertThat(basic(username, "right-password", owner)).hasStatusOk();
		for (int i = 0; i < 20; i++) {
			assertThat(basic(username, "wrong", address())).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		assertThat(basic(username, "right-password", address())).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(form(username, "right-password", address()).getResponse().getRedirectedUrl()).startsWith("/connexion?error=throttled");
		assertThat(basic(username, "right-password", owner)).hasStatusOk();
		assertThat(noticesAbout(username)).isEqualTo(1);
	}

	@Test
	void aSuccessStartsTheCountAgain() {
		String username = account();
		String address = address();
		for (int i = 0; i < 4; i++) {
			basic(username, "wrong", address);
		}
		assertThat(basic(username, "right-password", address)).hasStatusOk();
		// Without the reset the fifth failure overall would have started a lock: these would be 429.
		for (int i = 0; i < 5; i++) {
			assertThat(basic(username, "wrong", address)).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		assertThat(basic(username, "right-password", address)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
	}
}
