package org.entente.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV every export writes, for French spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents),
 * {@code ;} as separator, CRLF, and every cell that a spreadsheet would read as a formula ({@code = + - @}, tab,
 * carriage return) prefixed with an apostrophe (OWASP CSV injection).
 */
public final class CsvWriter implements AutoCloseable {

	public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();

	private final CSVPrinter printer;

	private CsvWriter(Writer writer, CSVFormat format) throws IOException {
		writer.write('\uFEFF');
		this.printer = new CSVPrinter(writer, format);
	}

	/** A writer over a stream (not closed by {@link #close()} beyond flushing the writer it wraps). */
	public static CsvWriter to(OutputStream out, List<String> header) {
		return to(out, header, ';');
	}

	/**
	 * The same writer with another separator, for a file whose readers already expect it (the inventory export that
	 * the Académie's tools read has always used {@code ,}); everything else (BOM, CRLF, formula guard) is the same.
	 */
	public static CsvWriter to(OutputStream out, List<String> header, char delimiter) {
		try {
			CsvWriter w = new CsvWriter(new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024),
					FORMAT.builder().setDelimiter(delimiter).get());
			w.row(header);
			return w;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public CsvWriter row(List<?> cells) {
		try {
			for (Object c : cells) {
				printer.print(safe(c));
			}
			printer.println();
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The cell as text, neutralised if a spreadsheet would evaluate it. */
	public static String safe(Object cell) {
		if (cell == null) {
			return "";
		}
		String v = cell.toString();
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			return "'" + v;
		}
		return v;
	}

	@Override
	public void close() {
		try {
			printer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
