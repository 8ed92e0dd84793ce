package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document of the running application: written to target/openapi.json for the Redocly lint of
 * .ci/run, and checked here for what {@link OpenApiContract} promises on every operation, so that a module whose
 * operations lack their French summary fails in the test run already.
 */
@EntenteTest
class OpenApiDocumentTests {

	@Autowired
	MockMvcTester mvc;

	/** The live document, also written where .ci/run lints it (and where {@code ApiCompatibilityTests} reads it). */
	static String liveDocument(MockMvcTester mvc) throws Exception {
		var result = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		String json = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "openapi.json"), json);
		return json;
	}

	@Test
	void everyOperationCarriesItsContract() throws Exception {
		JsonNode doc = JsonMapper.builder().build().readTree(liveDocument(mvc));
		assertThat(doc.at("/info/license/identifier").asString()).isEqualTo("EUPL-1.2");
		assertThat(doc.at("/info/contact/name").asString()).isNotBlank();
		assertThat(doc.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(doc.at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();
		assertThat(doc.at("/components/parameters/page/in").asString()).isEqualTo("query");

		List<String> faults = new ArrayList<>();
		int operations = 0;
		for (var path : doc.get("paths").properties()) {
			for (var op : path.getValue().properties()) {
				operations++;
				String where = op.getKey().toUpperCase() + " " + path.getKey();
				JsonNode o = op.getValue();
				if (o.path("summary").asString("").isBlank() || o.path("description").asString("").isBlank()) {
					faults.add(where + " : summary ou description manquant (@Operation)");
				}
				if (o.path("tags").isEmpty() || o.get("tags").get(0).asString().contains("-controller")) {
					faults.add(where + " : pas de @Tag");
				}
				boolean open = "get".equals(op.getKey()) && path.getKey().startsWith("/api/v1/convention/");
				if (open != o.path("security").isEmpty()) {
					faults.add(where + " : sécurité " + o.path("security"));
				}
				if (!open && !o.path("responses").has("401")) {
					faults.add(where + " : pas de 401");
				}
				if (!"#/components/responses/TooManyRequests".equals(o.at("/responses/429/$ref").asString(""))) {
					faults.add(where + " : pas de 429 (LoginThrottleFilter)");
				}
				if (path.getKey().contains("{") && !o.path("responses").has("404")) {
					faults.add(where + " : pas de 404");
				}
				for (JsonNode p : o.path("parameters")) {
					if ("page".equals(p.path("name").asString()) && !p.has("$ref")) {
						faults.add(where + " : page non partagé");
					}
				}
			}
		}
		assertThat(operations).isGreaterThan(60);
		assertThat(faults).isEmpty();
		JsonNode problem = doc.at("/components/responses/NotFound/content/application~1problem+json");
		assertThat(problem.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/Problem");
		assertThat(problem.at("/examples/not-found/value/status").asInt()).isEqualTo(404);
		JsonNode throttled = doc.at("/components/responses/TooManyRequests");
		assertThat(throttled.at("/headers/Retry-After/schema/type").asString()).isEqualTo("integer");
		assertThat(throttled.at("/content/application~1problem+json/examples/too-many-sign-in-attempts/value/status").asInt())
			.isEqualTo(429);
	}
}
