package org.entente.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import org.entente.EntenteTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every CSV intake reads through {@link CsvReader}: a quote opened and never closed, or text after a closing quote, is
 * a 4xx naming the line where the field starts, never a 500, and nothing is written.
 */
@EntenteTest
class CsvIntakeTests {

	@Autowired
	MockMvcTester mvc;

	static final String ASSET_HEADER = "uai,component,network,name,serial,manufacturer,model,funding,acquired,warrantyEnd,status\n";

	@ParameterizedTest(name = "{0} {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			/api/v1/assets/import?dryRun=false         | agent.cd | unclosed | 422
			/api/v1/assets/import?dryRun=false         | agent.cd | trailing | 422
			/api/v1/establishments/import?dryRun=false | admin    | unclosed | 422
			/api/v1/establishments/network-ranges      | admin    | unclosed | 400
			/api/v1/accounts/import                    | admin    | unclosed | 400
			""")
	void aMalformedQuoteNamesItsLine(String uri, String user, String fault, int status) throws Exception {
		String bad = fault.equals("unclosed") ? "\"jamais fermé,x,y\n" : "\"fermé\" puis du texte,x,y\n";
		String csv = switch (uri.substring(0, uri.indexOf('?') < 0 ? uri.length() : uri.indexOf('?'))) {
			case "/api/v1/assets/import" -> ASSET_HEADER
					+ "0359901X,VIDEOPROJECTEURS,PEDAGOGICAL,VP-CSV-Q1,CSV-Q-1,Epson,EB,CD,2024-01-01,2027-01-01,IN_SERVICE\n" + bad;
			case "/api/v1/establishments/import" -> "uai,name,commune,kind\n0359901X,Collège A,Rennes,COLLEGE\n" + bad;
			case "/api/v1/establishments/network-ranges" -> "uai,reseau,libelle\n0359901X,10.98.1.0/24,a\n" + bad;
			default -> "username,displayName,email,role\ncsv.q1,Q Un,q1@example.org,COLLEGE\n" + bad;
		};
		MvcTestResult r = mvc.post().uri(uri).contentType(MediaType.parseMediaType("text/csv")).content(csv)
			.with(as(user)).exchange();
		assertThat(r).hasStatus(status);
		String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("ligne 3");
		assertThat(body).doesNotContain("Erreur interne");
	}
}
