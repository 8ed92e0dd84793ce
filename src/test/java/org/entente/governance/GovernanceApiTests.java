package org.entente.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The governance API contracts: field names, amounts, what-if, problems naming the parameter, authentication. */
@EntenteTest
class GovernanceApiTests {

	@Autowired
	MockMvcTester mvc;

	private MockMvcTester.MockMvcRequestBuilder get(String uri) {
		return mvc.get().uri(uri).with(as("college"));
	}

	@ParameterizedTest(name = "{0}: {1} months → {2} €")
	@CsvSource({ "2025, 4, 18411, 11046.60, 7364.40", "2026, 12, 55233, 33139.80, 22093.20" })
	void contributionOfTheConventionsYearsIsTheAnnexsAmount(int year, int months, long amount, String maintenance,
			String investment) throws Exception {
		var result = get("/api/v1/governance/ent-contribution?year=" + year).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		var json = assertThat(result).bodyJson();
		json.extractingPath("$.year").isEqualTo(year);
		json.extractingPath("$.pupils").isEqualTo(32490);
		json.extractingPath("$.pricePerPupil").isEqualTo(1.70);
		json.extractingPath("$.syntecIndex").isEqualTo(313.3);
		json.extractingPath("$.syntecBase").isEqualTo(313.3);
		json.extractingPath("$.coefficient").isEqualTo(1.000);
		json.extractingPath("$.months").isEqualTo(months);
		json.extractingPath("$.amount").isEqualTo((int) amount);
		json.extractingPath("$.split.evolutiveMaintenance").isEqualTo(Double.parseDouble(maintenance));
		json.extractingPath("$.split.investment").isEqualTo(Double.parseDouble(investment));
		json.extractingPath("$.conventionVersion").isEqualTo("1");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("\"lines\"").doesNotContain("whatIf");
	}

	@Test
	void whatIfRecomputesWithoutTouchingTheConvention() {
		var result = get("/api/v1/governance/ent-contribution?year=2026&pupils=33000&months=12").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.amount").isEqualTo(56100);
		assertThat(result).bodyJson().extractingPath("$.pupils").isEqualTo(33000);
		var indexed = get("/api/v1/governance/ent-contribution?year=2026&syntecIndex=320.5").exchange();
		// 320.5 / 313.3 = 1.02298… → 1.023; 32490 × 1.70 × 1.023 = 56503.359 → 56504
		assertThat(indexed).bodyJson().extractingPath("$.coefficient").isEqualTo(1.023);
		assertThat(indexed).bodyJson().extractingPath("$.amount").isEqualTo(56504);
		assertThat(get("/api/v1/governance/ent-contribution?year=2026").exchange()).bodyJson()
			.extractingPath("$.amount").isEqualTo(55233);
	}

	@ParameterizedTest(name = "{0} → problem on {1}")
	@CsvSource({ "year=2026&pupils=-5, pupils", "year=2026&months=13, months", "year=2026&syntecIndex=0, syntecIndex",
			"year=abc, year", "pupils=100, year", "year=1850, year", "year=2030, months", "year=2026&syntecIndex=x, syntecIndex",
			"year=2026&syntecIndex=1e-99999999, syntecIndex" })
	void badInputIsAProblemNamingTheParameter(String query, String parameter) {
		var result = get("/api/v1/governance/ent-contribution?" + query).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo(parameter);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
	}

	@Test
	void lifecycleSaysWhereTheConventionStandsToday() {
		var result = get("/api/v1/governance/lifecycle").exchange();
		assertThat(result).hasStatusOk();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
		LocalDate end = LocalDate.of(2026, 12, 31);
		var json = assertThat(result).bodyJson();
		json.extractingPath("$.validFrom").isEqualTo("2025-04-01");
		json.extractingPath("$.validTo").isEqualTo("2026-12-31");
		json.extractingPath("$.renewalWindowOpensOn").isEqualTo("2026-07-01");
		json.extractingPath("$.daysLeft").isEqualTo((int) Math.max(0, ChronoUnit.DAYS.between(today, end)));
		json.extractingPath("$.renewalWindowOpen").isEqualTo(!today.isBefore(LocalDate.of(2026, 7, 1)) && !today.isAfter(end));
	}

	@Test
	void bothEndpointsNeedAnAccount() {
		assertThat(mvc.get().uri("/api/v1/governance/lifecycle").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/governance/ent-contribution?year=2026").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}
}
