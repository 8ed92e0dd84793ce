package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@EntenteTest
class ConventionApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Conventions conventions;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void matrixListsEveryRowWithItsTableColumns() {
		var result = mvc.get().uri("/api/v1/convention/matrix").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
		Convention current = conventions.current();
		assertThat(body.at("/convention/version").asString()).isEqualTo(current.version());
		assertThat(body.at("/convention/validFrom").asString()).isEqualTo("2025-04-01");
		assertThat(body.at("/convention/validTo").asString()).isEqualTo("2026-12-31");
		JsonNode rows = body.get("components");
		assertThat(rows.size()).isEqualTo(current.components().size());
		for (JsonNode row : rows) {
			Component component = current.components().get(row.get("code").asString());
			assertThat(row.get("label").asString()).isEqualTo(component.label());
			assertThat(row.get("domain").asString()).isEqualTo(component.domain());
			assertThat(row.get("section").asString()).isNotBlank();
			assertThat(row.get("clause").asString()).isNotBlank();
			List<String> kinds = row.get("responsibilities").propertyNames().stream().toList();
			assertThat(kinds).containsExactlyElementsOf(component.area().kinds().stream().map(Enum::name).toList());
		}
		JsonNode wifi = rows.valueStream().filter(r -> r.get("label").asString().equals("Bornes Wi-Fi")).findFirst().orElseThrow();
		assertThat(wifi.get("domain").asString()).isEqualTo("Infrastructure réseau");
		assertThat(wifi.at("/responsibilities/REPAIR/0").asString()).isEqualTo("CD");
		assertThat(wifi.at("/responsibilities/ADMINISTRATION").size()).isZero();
	}

	@Test
	void matrixIsNotResentWhenUnchanged() {
		String etag = mvc.get().uri("/api/v1/convention/matrix").exchange().getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(mvc.get().uri("/api/v1/convention/matrix").header("If-None-Match", etag).exchange())
			.hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void responsibilityAnswersWithPartiesSentenceClauseAndVersion() {
		var result = mvc.get()
			.uri("/api/v1/convention/responsibility?component=VIDEOPROJECTEURS&intervention=REPAIR&funding=OWN_FUNDS_CATALOGUE")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.parties").asArray().containsExactly("EPLE");
		assertThat(result).bodyJson().extractingPath("$.conventionVersion").isEqualTo(conventions.current().version());
		assertThat(result).bodyJson().extractingPath("$.explanation").asString().contains("Vidéoprojecteurs");
		assertThat(result).bodyJson().extractingPath("$.clause").asString().startsWith("Annexe opérationnelle §3");
	}

	@Test
	void unknownComponentIsAProblemWithSuggestions() {
		var result = mvc.get().uri("/api/v1/convention/responsibility?component=BORNE_WIF&intervention=REPAIR").exchange();
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.suggestions").asArray().contains("BORNES_WIFI");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Composant inconnu");
	}

	@Test
	void badParametersAreProblemsThatNameTheParameter() {
		var badKind = mvc.get().uri("/api/v1/convention/responsibility?component=BORNES_WIFI&intervention=REPARER").exchange();
		assertThat(badKind).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(badKind).bodyJson().extractingPath("$.parameter").isEqualTo("intervention");
		var missing = mvc.get().uri("/api/v1/convention/responsibility?component=BORNES_WIFI").exchange();
		assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(missing).bodyJson().extractingPath("$.parameter").isEqualTo("intervention");
		var wrongColumn = mvc.get().uri("/api/v1/convention/responsibility?component=TOUTATICE_PORTAIL&intervention=REPAIR").exchange();
		assertThat(wrongColumn).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(wrongColumn).bodyJson().extractingPath("$.detail").asString().contains("Dépannage");
	}

	@Test
	void searchIsTolerant() {
		var result = mvc.get().uri("/api/v1/convention/search?q=borne wifi").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[0].code").isEqualTo("BORNES_WIFI");
	}

	@Test
	void openApiDocumentDescribesTheContracts() {
		var result = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.paths").asMap()
			.containsKeys("/api/v1/convention/matrix", "/api/v1/convention/responsibility", "/api/v1/establishments");
	}

}
