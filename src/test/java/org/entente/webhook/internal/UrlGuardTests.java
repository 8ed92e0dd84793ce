package org.entente.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;

import org.entente.common.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Server-side request forgery: which addresses a webhook may not reach without an administrator's permission. */
class UrlGuardTests {

	@ParameterizedTest(name = "{0} est interne")
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
			"169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
			"fd00::1", "fc12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1" })
	void internalAddresses(String literal) throws Exception {
		assertThat(UrlGuard.internal(InetAddress.getByName(literal))).isTrue();
	}

	@ParameterizedTest(name = "{0} est publique")
	@ValueSource(strings = { "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8" })
	void publicAddresses(String literal) throws Exception {
		assertThat(UrlGuard.internal(InetAddress.getByName(literal))).isFalse();
	}

	@Test
	void loopbackRefusedUnlessAllowedAndBadUrlsNamed() {
		assertThatThrownBy(() -> UrlGuard.resolve(URI.create("http://127.0.0.1:8080/hook"), false))
			.isInstanceOf(ProblemException.class).hasMessageContaining("adresse interne");
		assertThatThrownBy(() -> UrlGuard.resolve(URI.create("http://[::1]/hook"), false)).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> UrlGuard.resolve(URI.create("http://localhost/hook"), false)).isInstanceOf(ProblemException.class);
		assertThat(UrlGuard.resolve(URI.create("http://127.0.0.1:8080/hook"), true)).isNotEmpty();
		for (String bad : new String[] { "ftp://example.org/x", "https://user:pw@example.org/", "file:///etc/passwd", "https:///x",
				"https://example.org/#frag", "not a url" }) {
			assertThatThrownBy(() -> UrlGuard.parse(bad)).as(bad).isInstanceOf(ProblemException.class)
				.satisfies(e -> assertThat(((ProblemException) e).errors()).extracting(org.entente.common.FieldProblem::field).containsExactly("url"));
		}
	}
}
