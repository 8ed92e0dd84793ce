package org.entente;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Authenticated test requests: {@code mvc.get().uri("/tickets").with(as("agent.cd"))}, with the demo password. */
public final class TestAccounts {

	private TestAccounts() {
	}

	/** HTTP Basic as the demo account {@code username} (see {@link EntenteTest#PASSWORD}). */
	public static RequestPostProcessor as(String username) {
		return httpBasic(username, EntenteTest.PASSWORD);
	}
}
