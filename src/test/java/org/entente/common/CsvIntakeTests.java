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

	/**
	 * An invalid UTF-8 byte is a fault of its line with its byte offset, where InputStreamReader used to store U+FFFD
	 * silently; the API answers a problem document and nothing is written.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/v1/assets/import?dryRun=false                     | agent.cd | 422
			/api/v1/establishments/import?dryRun=false             | admin    | 422
			/api/v1/establishments/network-ranges?dryRun=false     | admin    | 400
			/api/v1/accounts/import                                | admin    | 400
			/api/v1/privacy/identities/import?mode=partial&dryRun=false | dpo | 422
			""")
	void anInvalidUtf8ByteNamesItsLineAndOffset(String uri, String user, int status) throws Exception {
		String csv = switch (uri.substring(0, uri.indexOf('?') < 0 ? uri.length() : uri.indexOf('?'))) {
			case "/api/v1/assets/import" -> ASSET_HEADER
					+ "0359901X,VIDEOPROJECTEURS,PEDAGOGICAL,VP-CSV-U1,CSV-U-1,Epson,EB,CD,2024-01-01,2027-01-01,IN_SERVICE\n"
					+ "0359901X,VIDEOPROJECTEURS,PEDAGOGICAL,VP-CSV-U2,CSV-U-2,Eps@n,EB,CD,2024-01-01,2027-01-01,IN_SERVICE\n";
			case "/api/v1/establishments/import" -> "uai,name,commune,kind\n0359901X,Collège A,Rennes,COLLEGE\n0359902Y,Coll@ge B,Rennes,COLLEGE\n";
			case "/api/v1/establishments/network-ranges" -> "uai,reseau,libelle\n0359901X,10.98.2.0/24,a\n0359901X,10.98.3.0/24,@\n";
			case "/api/v1/privacy/identities/import" -> "guuid,uid,lastName,firstName,civility,birthDate,status,function,uai,class,department\n"
					+ "G-utf1,csv.utf1,Durand,Léa,MME,2012-03-04,PUPIL,,0359901X,5e B,\nG-utf2,csv.utf2,Dur@nd,Léa,MME,2012-03-04,PUPIL,,0359901X,5e B,\n";
			default -> "username,displayName,email,role\ncsv.u1,U Un,u1@example.org,COLLEGE\ncsv.u2,U D@ux,u2@example.org,COLLEGE\n";
		};
		byte[] bytes = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int at = csv.lastIndexOf('@');
		int offset = csv.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		bytes[offset] = (byte) 0xC3; // a lead byte followed by an ASCII byte: never valid
		MvcTestResult r = mvc.post().uri(uri).contentType(MediaType.parseMediaType("text/csv")).content(bytes)
			.with(as(user)).exchange();
		assertThat(r).hasStatus(status);
		assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
		String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("UTF-8").contains("ligne 3").contains("octet n° " + offset);
		assertThat(body).doesNotContain("csv.u1\"").doesNotContain("Erreur interne");
	}

	@org.junit.jupiter.api.Test
	void theStrictReaderCountsLinesAndBytes() throws Exception {
		byte[] ok = "é\nà\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		try (var r = CsvReader.utf8(new java.io.ByteArrayInputStream(ok))) {
			assertThat(readAll(r)).isEqualTo("é\nà\n");
		}
		byte[] truncated = { 'a', '\n', 'b', (byte) 0xE2, (byte) 0x82 };
		try (var r = CsvReader.utf8(new java.io.ByteArrayInputStream(truncated))) {
			assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(Utf8Reader.NotUtf8Exception.class, () -> readAll(r)))
				.satisfies(e -> {
					assertThat(e.line()).isEqualTo(2);
					assertThat(e.offset()).isEqualTo(3);
				});
		}
	}

	/** Found by Jazzer (ParserFuzzTests#csv): the fault of an empty header name took its line from the quoted header. */
	@org.junit.jupiter.api.Test
	void aHeaderFaultIsLineOneWhateverTheHeaderSays() {
		String csv = "uai,name,,n line: 0\n0359901X,A,B,C\n";
		CsvReader.Errors errors = new CsvReader.Errors();
		var lines = CsvReader.read(CsvReader.utf8(new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
				java.util.List.of("uai", "name"), java.util.List.of(), 10, errors);
		assertThat(lines).isEmpty();
		assertThat(errors.list()).singleElement().satisfies(e -> {
			assertThat(e.line()).isEqualTo(1);
			assertThat(e.message()).startsWith("CSV mal formé");
		});
	}

	private static String readAll(java.io.Reader r) throws java.io.IOException {
		java.io.StringWriter w = new java.io.StringWriter();
		r.transferTo(w);
		return w.toString();
	}
}
