package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import org.entente.EntenteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Before readiness, pages and API answer 503 with Retry-After; the probes still answer; after it, all is served. */
@EntenteTest
class StartupGateTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	StartupGate gate;

	@AfterEach
	void ready() {
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void nothingIsServedBeforeStartUpIsDone() {
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		gate.reset();

		MvcTestResult api = mvc.get().uri("/api/v1/establishments").with(as("admin")).exchange();
		assertThat(api).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(api.getResponse().getHeader("Retry-After")).isEqualTo("5");
		assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(api).bodyJson().extractingPath("$.title").isEqualTo("Entente démarre");

		MvcTestResult page = mvc.get().uri("/qui-fait-quoi").exchange();
		assertThat(page).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("5");
		assertThat(page).bodyText().contains("Entente démarre");

		assertThat(mvc.get().uri("/actuator/health/readiness").exchange()).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.bodyJson().extractingPath("$.status").isEqualTo("OUT_OF_SERVICE");
		assertThat(mvc.get().uri("/actuator/health/liveness").exchange()).hasStatusOk();

		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(mvc.get().uri("/api/v1/establishments").with(as("admin")).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/health/readiness").exchange()).hasStatusOk();
	}
}
