package org.entente.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printable A4 document built block by block: headings, paragraphs, tables and horizontal bar charts, with page
 * numbers. The one way modules write PDF (monthly statistics, register extracts, answers to a person). Text is set
 * in Helvetica with its Windows-1252 encoding, which covers French (accents, « », €, œ); a character it cannot show
 * is replaced rather than failing the document. Over 300 lines with its private blocks and page writer, which only
 * this class uses: the blocks are its vocabulary.
 *
 * <pre>
 * PdfReport.titled(« Statistiques de novembre 2026 »).paragraph(« … »)
 *     .table(List.of(« Partie », « Ouverts »), rows).bars(« Tickets par partie », labels, values).writeTo(out);
 * </pre>
 */
public final class PdfReport {

	private static final float MARGIN = 50;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final String title;

	private final List<Block> blocks = new ArrayList<>();

	private PdfReport(String title) {
		this.title = title;
		blocks.add(new Text(title, bold, 16, 10));
	}

	public static PdfReport titled(String title) {
		return new PdfReport(title);
	}

	public PdfReport heading(String text) {
		blocks.add(new Text(text, bold, 12, 6));
		return this;
	}

	public PdfReport paragraph(String text) {
		blocks.add(new Text(text, regular, 10, 6));
		return this;
	}

	/** A table; a row shorter than the header is padded, cells wrap within their column. */
	public PdfReport table(List<String> header, List<List<String>> rows) {
		blocks.add(new Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
		return this;
	}

	/** Horizontal bars, one per label, scaled to the largest value, each with its figure. */
	public PdfReport bars(String caption, List<String> labels, List<? extends Number> values) {
		if (labels.size() != values.size()) {
			throw new IllegalArgumentException("bars: " + labels.size() + " labels for " + values.size() + " values");
		}
		blocks.add(new Bars(caption, List.copyOf(labels), values.stream().map(Number::doubleValue).toList()));
		return this;
	}

	public void writeTo(OutputStream out) {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setCreator("Entente");
			Writer writer = new Writer(document);
			for (Block block : blocks) {
				block.draw(writer);
			}
			writer.close();
			writer.numberPages();
			document.save(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public byte[] toBytes() {
		var out = new java.io.ByteArrayOutputStream();
		writeTo(out);
		return out.toByteArray();
	}

	/** Text the font can show: unknown characters become « ? », narrow spaces become no-break spaces. */
	String printable(PDType1Font font, String text) {
		StringBuilder sb = new StringBuilder();
		String normalised = text == null ? "" : text.replace('\u202F', '\u00A0').replace('\t', ' ');
		normalised.codePoints().forEach(cp -> {
			String c = new String(Character.toChars(cp));
			if (cp == '\n') {
				sb.append(c);
				return;
			}
			try {
				font.encode(c);
				sb.append(c);
			}
			catch (IOException | IllegalArgumentException e) {
				sb.append('?');
			}
		});
		return sb.toString();
	}

	float width(PDType1Font font, float size, String text) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Breaks text into lines no wider than {@code max}; a word longer than a line is cut. */
	List<String> wrap(PDType1Font font, float size, String text, float max) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : printable(font, text).split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			for (String word : paragraph.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(font, size, candidate) <= max) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				while (width(font, size, word) > max && word.length() > 1) {
					int cut = word.length() - 1;
					while (cut > 1 && width(font, size, word.substring(0, cut)) > max) {
						cut--;
					}
					lines.add(word.substring(0, cut));
					word = word.substring(cut);
				}
				line.append(word);
			}
			lines.add(line.toString());
		}
		return lines;
	}

	private sealed interface Block permits Text, Table, Bars {

		void draw(Writer writer) throws IOException;
	}

	private record Text(String text, PDType1Font font, float size, float after) implements Block {

		@Override
		public void draw(Writer w) throws IOException {
			for (String line : w.report().wrap(font, size, text, WIDTH)) {
				w.need(size * 1.4f);
				w.text(font, size, MARGIN, line);
				w.down(size * 1.4f);
			}
			w.down(after);
		}
	}

	private record Table(List<String> header, List<List<String>> rows) implements Block {

		private static final float SIZE = 9;

		@Override
		public void draw(Writer w) throws IOException {
			float column = WIDTH / Math.max(1, header.size());
			row(w, header, column, true);
			for (List<String> row : rows) {
				row(w, row, column, false);
			}
			w.down(8);
		}

		private void row(Writer w, List<String> cells, float column, boolean head) throws IOException {
			PDType1Font font = head ? w.report().bold : w.report().regular;
			List<List<String>> wrapped = new ArrayList<>();
			int height = 1;
			for (int i = 0; i < header.size(); i++) {
				String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
				List<String> lines = w.report().wrap(font, SIZE, cell, column - 6);
				wrapped.add(lines);
				height = Math.max(height, lines.size());
			}
			float lineHeight = SIZE * 1.35f;
			w.need(height * lineHeight + 4);
			for (int i = 0; i < wrapped.size(); i++) {
				float y = 0;
				for (String line : wrapped.get(i)) {
					w.textAt(font, SIZE, MARGIN + i * column + 3, y, line);
					y += lineHeight;
				}
			}
			w.down(height * lineHeight + 2);
			w.rule(head ? 0.8f : 0.3f);
			w.down(2);
		}
	}

	private record Bars(String caption, List<String> labels, List<Double> values) implements Block {

		private static final float SIZE = 9;

		@Override
		public void draw(Writer w) throws IOException {
			w.need(SIZE * 2);
			w.text(w.report().bold, 10, MARGIN, w.report().printable(w.report().bold, caption));
			w.down(16);
			double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			float labelWidth = WIDTH * 0.35f;
			float barSpace = WIDTH - labelWidth - 60;
			for (int i = 0; i < labels.size(); i++) {
				w.need(14);
				List<String> label = w.report().wrap(w.report().regular, SIZE, labels.get(i), labelWidth - 6);
				w.textAt(w.report().regular, SIZE, MARGIN, 0, label.get(0));
				float length = max <= 0 ? 0 : (float) (values.get(i) / max * barSpace);
				w.bar(MARGIN + labelWidth, length, 9);
				w.textAt(w.report().regular, SIZE, MARGIN + labelWidth + length + 4, 0, figure(values.get(i)));
				w.down(14);
			}
			w.down(8);
		}

		private static String figure(double value) {
			return value == Math.rint(value) ? String.format(java.util.Locale.FRANCE, "%,d", (long) value)
					: String.format(java.util.Locale.FRANCE, "%,.1f", value);
		}
	}

	/** Lays blocks down the pages, top to bottom, opening a page when one is full. */
	private final class Writer {

		private final PDDocument document;

		private PDPageContentStream stream;

		private float y;

		Writer(PDDocument document) throws IOException {
			this.document = document;
			newPage();
		}

		PdfReport report() {
			return PdfReport.this;
		}

		private void newPage() throws IOException {
			if (stream != null) {
				stream.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			stream = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void need(float height) throws IOException {
			if (y - height < MARGIN + 20) {
				newPage();
			}
		}

		void down(float height) {
			y -= height;
		}

		void text(PDType1Font font, float size, float x, String line) throws IOException {
			textAt(font, size, x, 0, line);
		}

		/** Text whose baseline is {@code below} points under the current line. */
		void textAt(PDType1Font font, float size, float x, float below, String line) throws IOException {
			stream.beginText();
			stream.setFont(font, size);
			stream.newLineAtOffset(x, y - size - below);
			stream.showText(printable(font, line));
			stream.endText();
		}

		void rule(float thickness) throws IOException {
			stream.setLineWidth(thickness);
			stream.moveTo(MARGIN, y);
			stream.lineTo(MARGIN + WIDTH, y);
			stream.stroke();
		}

		void bar(float x, float length, float height) throws IOException {
			stream.setNonStrokingColor(0.15f, 0.35f, 0.65f);
			stream.addRect(x, y - height - 1, Math.max(length, 0.5f), height);
			stream.fill();
			stream.setNonStrokingColor(0f, 0f, 0f);
		}

		void close() throws IOException {
			stream.close();
		}

		/** « page n / N » at the foot of every page, once the number of pages is known. */
		void numberPages() throws IOException {
			int total = document.getNumberOfPages();
			for (int i = 0; i < total; i++) {
				try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
						PDPageContentStream.AppendMode.APPEND, true)) {
					String text = title + " — page " + (i + 1) + " / " + total;
					foot.beginText();
					foot.setFont(regular, 8);
					foot.newLineAtOffset(MARGIN, MARGIN / 2);
					foot.showText(printable(regular, text));
					foot.endText();
				}
			}
		}
	}
}
