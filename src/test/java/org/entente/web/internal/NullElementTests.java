package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import org.entente.EntenteTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON list body with a null element is refused with a 400 naming the element, whatever the depth (the list is the
 * body itself, a member of it, or a list inside one of its elements), before anything is written.
 */
@EntenteTest
class NullElementTests {

	@Autowired
	MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0} {1} {3}")
	@CsvSource(delimiter = '|', textBlock = """
			PUT  | /api/v1/establishments/0359901X/contacts | college  | [null]                                                   | [0]
			PUT  | /api/v1/establishments/0359901X/contacts | college  | [{"role":"RSN","name":"A"},null]                         | [1]
			POST | /api/v1/inventory/referentiel            | agent.cd | {"note":"n","lines":[null]}                              | lines[0]
			POST | /api/v1/inventory/catalogue              | agent.cd | {"items":[null]}                                         | items[0]
			POST | /api/v1/inventory/purchases/1/assets     | college  | [null]                                                   | [0]
			""")
	void aNullElementIsA400NamingIt(String method, String uri, String user, String body, String field) {
		MvcTestResult r = mvc.method(HttpMethod.valueOf(method)).uri(uri).contentType("application/json").content(body)
			.with(as(user)).exchange();
		assertThat(r).hasStatus(400);
		assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode p = json.readTree(r.getResponse().getContentAsByteArray());
		assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(p.get("detail").asString()).contains(field);
	}
}
