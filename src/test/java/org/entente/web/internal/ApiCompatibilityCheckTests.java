package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The compatibility check itself, on small documents: what breaks a client is found, what does not is let through. */
class ApiCompatibilityCheckTests {

	private static String doc(String operations) {
		return """
				{"openapi":"3.1.0","info":{"title":"t","version":"v1"},"paths":{%s}}""".formatted(operations);
	}

	private static final String GET_TICKETS = """
			"/api/v1/tickets":{"get":{"operationId":"list","parameters":[%s],
			"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object",
			"properties":{"id":{"type":"integer"},"title":{"type":"string"}%s}}}}}}}}""";

	private static String tickets(String parameters, String moreProperties) {
		return GET_TICKETS.formatted(parameters, moreProperties);
	}

	@Test
	void removedOperationNewRequiredParameterAndNarrowedEnumBreak() {
		String published = doc(tickets("", "") + ",\"/api/v1/assets\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}");
		assertThat(ApiCompatibility.between(published, doc(tickets("", ""))).operations()).containsExactly("GET /api/v1/assets");
		String required = "{\"name\":\"uai\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"string\"}}";
		assertThat(ApiCompatibility.between(doc(tickets("", "")), doc(tickets(required, ""))).operations())
			.containsExactly("GET /api/v1/tickets");
		String status = "{\"name\":\"status\",\"in\":\"query\",\"schema\":{\"type\":\"string\",\"enum\":[%s]}}";
		assertThat(ApiCompatibility.between(doc(tickets(status.formatted("\"NEW\",\"CLOSED\""), "")),
				doc(tickets(status.formatted("\"NEW\""), ""))).operations())
			.as("a value a client may send is no longer accepted")
			.containsExactly("GET /api/v1/tickets");
	}

	@Test
	void additionsAreCompatibleAndADeclaredBreakPasses() {
		String optional = "{\"name\":\"q\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\"}}";
		var added = ApiCompatibility.between(doc(tickets("", "")),
				doc(tickets(optional, ",\"status\":{\"type\":\"string\"}") + ",\"/api/v1/assets\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}"));
		assertThat(added.operations()).isEmpty();
		var removed = ApiCompatibility.between(doc(tickets("", "")), doc("\"/api/v1/assets\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}"));
		Set<String> declared = ApiCompatibility.declared(List.of("# comment", "", "GET   /api/v1/tickets  # replaced by /api/v2/tickets"));
		assertThat(ApiCompatibility.undeclared(removed, declared)).isEmpty();
		assertThat(ApiCompatibility.undeclared(removed, Set.of())).containsExactly("GET /api/v1/tickets");
		assertThat(removed.report()).contains("/api/v1/tickets");
	}
}
