package org.entente.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportTests {

	@Test
	void writesFrenchTextTablesAndBarsThatAReaderGetsBack() throws IOException {
		byte[] pdf = PdfReport.titled("Statistiques de novembre 2026")
			.paragraph("Le Département répare l'accès à Internet des collèges « Œuvre » : 11 046,60 €")
			.table(List.of("Partie", "Ouverts", "Clos"), List.of(List.of("CD", "42", "40"), List.of("ACA", "17")))
			.bars("Tickets par partie", List.of("CD", "ACA"), List.of(42, 17))
			.toBytes();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Statistiques de novembre 2026");
			assertThat(text).contains("Le Département répare", "« Œuvre »", "11 046,60 €", "Partie", "ACA", "17",
					"Tickets par partie", "page 1 / 1");
		}
	}

	@Test
	void aLongTableRunsOverPagesAndEveryPageIsNumbered() throws IOException {
		List<List<String>> rows = IntStream.range(0, 200).mapToObj(i -> List.of("0359" + i + "X", "ligne " + i)).toList();
		byte[] pdf = PdfReport.titled("Collèges").table(List.of("UAI", "Libellé"), rows).toBytes();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("ligne 0", "ligne 199", "page " + pages + " / " + pages);
		}
	}

	@Test
	void aCharacterTheFontCannotShowIsReplacedNotFatal() throws IOException {
		byte[] pdf = PdfReport.titled("Émoji 😀 et 中文").paragraph("motlongsansespace".repeat(20)).toBytes();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Émoji ? et ??", "motlongsansespace");
		}
	}

	@Test
	void barsNeedOneValuePerLabel() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PdfReport.titled("x").bars("x", List.of("a", "b"), List.of(1)))
			.withMessageContaining("2 labels for 1 values");
	}
}
