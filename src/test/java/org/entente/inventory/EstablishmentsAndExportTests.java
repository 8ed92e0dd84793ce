package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.util.zip.ZipFile;

import org.entente.EntenteTest;
import org.entente.directory.Establishments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@EntenteTest
class EstablishmentsAndExportTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Establishments establishments;

	@Test
	void establishmentsImportIsAllOrNothingWithCheckLetters() {
		String csv = "uai,name,commune,kind\n0359950A,Collège importé Les Ajoncs,Liffré,COLLEGE\n0359951B,Collège importé,Pacé,COLLEGE\n";
		var bad = mvc.post().uri("/api/v1/establishments/import?dryRun=false").contentType("text/csv")
			.content(csv.replace("0359951B", "0359951C")).with(as("admin")).exchange();
		assertThat(bad).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(bad).bodyJson().extractingPath("$.errors[0].line").isEqualTo(3);
		assertThat(bad).bodyJson().extractingPath("$.errors[0].column").isEqualTo("uai");
		assertThat(establishments.find("0359950A")).isEmpty();

		assertThat(mvc.post().uri("/api/v1/establishments/import?dryRun=false").contentType("text/csv").content(csv)
			.with(as("agent.cd")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		var dry = mvc.post().uri("/api/v1/establishments/import").contentType("text/csv").content(csv)
			.with(as("admin")).exchange();
		assertThat(dry).hasStatusOk();
		assertThat(establishments.find("0359950A")).isEmpty();
		var done = mvc.post().uri("/api/v1/establishments/import?dryRun=false").contentType("text/csv").content(csv)
			.with(as("admin")).exchange();
		assertThat(done).hasStatusOk();
		assertThat(establishments.find("0359950A").orElseThrow().commune()).isEqualTo("Liffré");
	}

	@Test
	void contactsAreReadAndWrittenWithinScope() {
		String body = """
				[{"role":"CHEF_ETABLISSEMENT","name":"Mme Principale","email":"ce.0359902y@ac-rennes.fr","phone":"02 99 00 00 00"},
				 {"role":"RSN","name":"M. Référent","email":"rsn@example.fr"}]""";
		assertThat(mvc.put().uri("/api/v1/establishments/0359902Y/contacts").contentType("application/json").content(body)
			.with(as("college")).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri("/api/v1/establishments/0359902Y/contacts").contentType("application/json").content(body)
			.with(as("prestataire")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put().uri("/api/v1/establishments/0359902Y/contacts").contentType("application/json")
			.content(body.replace("rsn@example.fr", "pas-une-adresse")).with(as("college2")).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.put().uri("/api/v1/establishments/0359902Y/contacts").contentType("application/json").content(body)
			.with(as("college2")).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/establishments/0359902Y/contacts").with(as("niveau1")).exchange())
			.bodyJson().extractingPath("$[0].name").isEqualTo("Mme Principale");
		assertThat(mvc.get().uri("/api/v1/establishments/0359902Y/contacts").with(as("college")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void exportsStreamCsvAndXlsxWithinScope() throws Exception {
		String serial = "EXP-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		assertThat(mvc.post().uri("/api/v1/assets/import?dryRun=false").contentType("text/csv")
			.content(AssetApiTests.HEADER + "0359902Y,TABLETTES,PEDAGOGICAL,PEDA-0359902Y-CDI-01," + serial
					+ ",Apple,iPad,CD,2024-09-01,2026-09-01,IN_SERVICE\n")
			.with(as("agent.cd")).exchange()).hasStatusOk();
		var csv = mvc.get().uri("/api/v1/assets/export?format=csv").with(as("agent.aca")).exchange();
		assertThat(csv).hasStatusOk();
		String text = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("\ufeffid,uai,component").contains(serial);
		// A cell a spreadsheet would evaluate is written as text (common.CsvWriter's guard): an apostrophe first.
		String formula = "F-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		assertThat(mvc.post().uri("/api/v1/assets/import?dryRun=false").contentType("text/csv")
			.content(AssetApiTests.HEADER + "0359902Y,TABLETTES,PEDAGOGICAL,PEDA-0359902Y-CDI-02," + formula
					+ ",\"=HYPERLINK(\"\"http://x.invalid\"\";\"\"clic\"\")\",@SUM(1+1),CD,2024-09-01,2026-09-01,IN_SERVICE\n")
			.with(as("agent.cd")).exchange()).hasStatusOk();
		String guarded = mvc.get().uri("/api/v1/assets/export?format=csv").with(as("agent.aca")).exchange().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String line = guarded.lines().filter(l -> l.contains(formula)).findFirst().orElseThrow();
		assertThat(line).contains("'=HYPERLINK(").contains(",'@SUM(1+1),").doesNotContain(",=HYPERLINK").doesNotContain(",@SUM");
		var own = mvc.get().uri("/api/v1/assets/export?format=csv").with(as("college")).exchange();
		assertThat(own.getResponse().getContentAsString()).doesNotContain(serial);
		assertThat(mvc.get().uri("/api/v1/assets/export?format=csv").with(as("rssi")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);

		var xlsx = mvc.get().uri("/api/v1/assets/export?format=xlsx").with(as("agent.aca")).exchange();
		assertThat(xlsx).hasStatusOk();
		boolean sheetHasSerial = false;
		java.nio.file.Path file = java.nio.file.Files.createTempFile("inventaire", ".xlsx");
		java.nio.file.Files.write(file, xlsx.getResponse().getContentAsByteArray());
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (var e : java.util.Collections.list(zip.entries())) {
				String content = new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				sheetHasSerial |= content.contains(serial);
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		assertThat(sheetHasSerial).isTrue();
	}
}
