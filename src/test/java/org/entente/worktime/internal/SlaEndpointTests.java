package org.entente.worktime.internal;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.entente.worktime.internal.SlaControllerTests.deadlines;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The endpoint in the whole application, behind the API's security, with the seed convention file. */
@EntenteTest
class SlaEndpointTests {

	@Autowired
	MockMvc mvc;

	@Test
	void deadlinesForAnAuthenticatedUser() throws Exception {
		mvc.perform(deadlines("2025-10-24T08:00:00+02:00", "CRITICAL").with(user("agent")))
			.andExpect(status().isOk())
			.andExpect(content().json(SlaControllerTests.FRIDAY_MORNING_CRITICAL, true));
	}

	@Test
	void badInputIsAProblemDocument() throws Exception {
		mvc.perform(deadlines("hier", "CRITICAL").with(user("agent")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("openedAt"));
	}

	@Test
	void anonymousCallersMustAuthenticate() throws Exception {
		mvc.perform(deadlines("2025-10-24T08:00:00+02:00", "CRITICAL"))
			.andExpect(status().isUnauthorized());
	}
}
