package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live OpenAPI document against the published one (src/test/resources/openapi/entente-v1.json): a breaking
 * change to /api/v1 fails the build unless src/test/resources/openapi/declared-breaks.txt declares it. To publish
 * the new contract: {@code mvn test -Dtest=ApiCompatibilityTests -Dentente.openapi.refresh=true} rewrites the
 * stored copy (the generated client of GeneratedClientTests follows it), then empty the declared breaks.
 */
@EntenteTest
class ApiCompatibilityTests {

	static final Path STORED = Path.of("src/test/resources/openapi/entente-v1.json");

	static final Path DECLARED = Path.of("src/test/resources/openapi/declared-breaks.txt");

	@Autowired
	MockMvcTester mvc;

	@Test
	void noUndeclaredBreakingChange() throws Exception {
		String live = OpenApiDocumentTests.liveDocument(mvc);
		if (Boolean.getBoolean("entente.openapi.refresh")) {
			JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
			Files.writeString(STORED, json.writeValueAsString(json.readTree(live)) + "\n", StandardCharsets.UTF_8);
		}
		var breaks = ApiCompatibility.between(Files.readString(STORED), live);
		var undeclared = ApiCompatibility.undeclared(breaks, ApiCompatibility.declared(Files.readAllLines(DECLARED)));
		assertThat(undeclared)
			.as("Changement incompatible de /api/v1 non déclaré (%s) :%n%s", DECLARED, breaks.report())
			.isEmpty();
	}
}
