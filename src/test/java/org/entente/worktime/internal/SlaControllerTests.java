package org.entente.worktime.internal;

import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.worktime.TestConventions;
import org.entente.worktime.WorkTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The controller and its problem documents without an application context (SlaEndpointTests runs the whole application). */
class SlaControllerTests {

	/** What a critical unavailability opened on Friday 24 October 2025 at 08:00 gets, across the end of summer time. */
	static final String FRIDAY_MORNING_CRITICAL = """
			{"conventionVersion":"1","takeCharge":"2025-10-24T12:00:00+02:00",
			 "restoration":"2025-10-24T17:30:00+02:00","dataRestore":"2025-10-27T17:30:00+01:00"}""";

	MockMvc mvc;

	static MockHttpServletRequestBuilder deadlines(String openedAt, String criticality) {
		return get("/api/v1/sla/deadlines").param("openedAt", openedAt).param("criticality", criticality);
	}

	@BeforeEach
	void setUp() {
		Conventions conventions = mock(Conventions.class);
		when(conventions.current()).thenReturn(TestConventions.withVersion("1"));
		// What the application's API advice (web.internal.ApiProblemAdvice) does with a module's problem; a local
		// class, so that component scanning of the whole application never finds it.
		@org.springframework.web.bind.annotation.RestControllerAdvice
		class Problems {

			@ExceptionHandler(ProblemException.class)
			ResponseEntity<ProblemDetail> problem(ProblemException e) {
				return ResponseEntity.status(e.status()).body(e.toProblemDetail());
			}
		}
		mvc = MockMvcBuilders.standaloneSetup(new SlaController(new WorkTime(conventions)))
			.setControllerAdvice(new Problems())
			.build();
	}

	@Test
	void criticalDeadlinesInParisTime() throws Exception {
		mvc.perform(deadlines("2025-10-24T08:00:00+02:00", "CRITICAL"))
			.andExpect(status().isOk())
			.andExpect(content().json(FRIDAY_MORNING_CRITICAL, true));
	}

	@Test
	void anUnencodedPlusIsUnderstood() throws Exception {
		mvc.perform(get("/api/v1/sla/deadlines?openedAt=2025-10-24T08:00:00+02:00&criticality=CRITICAL"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.takeCharge").value("2025-10-24T12:00:00+02:00"));
	}

	@Test
	void nonCriticalHasNoDeadline() throws Exception {
		mvc.perform(deadlines("2025-10-24T08:00:00Z", "NON_CRITICAL"))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"conventionVersion":"1","takeCharge":null,"restoration":null,"dataRestore":null}""", true));
	}

	@Test
	void missingOpenedAtIsAProblem() throws Exception {
		mvc.perform(get("/api/v1/sla/deadlines").param("criticality", "CRITICAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.parameter").value("openedAt"))
			.andExpect(jsonPath("$.title").value("Paramètre manquant"))
			.andExpect(jsonPath("$.detail").value("Le paramètre « openedAt » est obligatoire, par exemple 2025-10-24T08:00:00+02:00."));
	}

	@Test
	void anOpenedAtWithoutOffsetIsAProblem() throws Exception {
		mvc.perform(deadlines("2025-10-24T08:00", "CRITICAL"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("openedAt"))
			.andExpect(jsonPath("$.title").value("Paramètre invalide"));
	}

	@Test
	void anUnknownCriticalityIsAProblem() throws Exception {
		mvc.perform(deadlines("2025-10-24T08:00:00+02:00", "URGENT"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("criticality"))
			.andExpect(jsonPath("$.detail").value("La valeur « URGENT » n'est pas une criticité connue : CRITICAL ou NON_CRITICAL."));
	}

	@Test
	void aDateOutsideTheCalendarIsAProblem() throws Exception {
		mvc.perform(deadlines("9999-01-01T08:00:00+01:00", "CRITICAL"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("openedAt"));
	}
}
