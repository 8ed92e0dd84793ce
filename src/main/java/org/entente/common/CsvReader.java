package org.entente.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * Reading a CSV file for an all-or-nothing import: the header is checked against the required and optional
 * columns, each line keeps its number (the header is line 1), the separator is a comma or, as a French spreadsheet
 * writes it, a semicolon (the header says which), a leading BOM is skipped. Faults go to {@link Errors}, at most one
 * per cell and at most {@link Errors#MAX} in all, for a preview that lists them line by line.
 */
public final class CsvReader {

	private CsvReader() {
	}

	/** One data line: its number in the file and its non-blank values by column. */
	public record Line(long number, Map<String, String> values) {

		/** The stripped value, or null when blank or absent. */
		public String get(String column) {
			return values.get(column);
		}
	}

	/** A fault of one cell ({@code column}) or of the whole line ({@code column} null). */
	public record LineError(long line, String column, String message) {
	}

	/** The faults found so far, one per cell, capped. */
	public static final class Errors {

		public static final int MAX = 1000;

		private final List<LineError> list = new ArrayList<>();
		private final Set<String> cells = new HashSet<>();
		private boolean truncated;

		public void add(long line, String column, String message) {
			if (column != null && !cells.add(line + "|" + column)) {
				return;
			}
			if (list.size() < MAX) {
				list.add(new LineError(line, column, message));
			}
			else {
				truncated = true;
			}
		}

		public List<LineError> list() {
			return List.copyOf(list);
		}

		public boolean isEmpty() {
			return list.isEmpty();
		}

		public boolean truncated() {
			return truncated;
		}
	}

	/**
	 * The data lines of {@code reader}; header or shape faults go to {@code errors}, a malformed file (a quote opened
	 * and never closed, text after a closing quote) as a fault of the line where it starts. The file is read as it
	 * is parsed; one over its {@link LimitedInputStream} limit is a 413 problem.
	 */
	public static List<Line> read(Reader reader, List<String> required, List<String> optional, int maxRows, Errors errors) {
		List<Line> rows = new ArrayList<>();
		long line = 1;
		boolean headerRead = false;
		try {
			BufferedReader in = new BufferedReader(reader, 1 << 16);
			in.mark(HEADER_LIMIT + 1);
			int c = in.read();
			if (c != '\uFEFF') {
				in.reset();
			}
			in.mark(HEADER_LIMIT + 1);
			StringBuilder first = new StringBuilder();
			for (int ch; first.length() < HEADER_LIMIT && (ch = in.read()) >= 0 && ch != '\n';) {
				first.append((char) ch);
			}
			in.reset();
			char separator = first.indexOf(";") >= 0 && first.indexOf(",") < 0 ? ';' : ',';
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
				.setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
			try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
				List<String> header = parser.getHeaderNames();
				headerRead = true;
				Set<String> known = new HashSet<>(required);
				known.addAll(optional);
				List<String> missing = required.stream().filter(col -> !header.contains(col)).toList();
				List<String> unknown = header.stream().filter(col -> !known.contains(col)).toList();
				if (!missing.isEmpty() || !unknown.isEmpty()) {
					errors.add(1, null, "en-tête attendu : " + String.join(",", required)
							+ (optional.isEmpty() ? "" : " (facultatives : " + String.join(",", optional) + ")")
							+ (missing.isEmpty() ? "" : " ; colonnes manquantes : " + missing)
							+ (unknown.isEmpty() ? "" : " ; colonnes inconnues : " + unknown));
					return rows;
				}
				for (CSVRecord r : parser) {
					line = parser.getCurrentLineNumber();
					if (rows.size() >= maxRows) {
						errors.add(line, null, "plus de " + maxRows + " lignes : découpez le fichier");
						break;
					}
					if (!r.isConsistent()) {
						errors.add(line, null, r.size() + " colonnes au lieu de " + header.size());
						continue;
					}
					Map<String, String> values = new LinkedHashMap<>();
					for (String column : header) {
						String v = r.get(column);
						if (v != null && !v.isBlank()) {
							values.put(column, v.strip());
						}
					}
					rows.add(new Line(line, values));
				}
			}
			if (rows.isEmpty() && errors.isEmpty()) {
				errors.add(1, null, "aucune ligne de données");
			}
		}
		catch (IOException e) {
			malformed(e, line, errors);
		}
		catch (UncheckedIOException e) {
			malformed(e.getCause(), line, errors);
		}
		catch (IllegalStateException | IllegalArgumentException e) {
			Utf8Reader.NotUtf8Exception bad = notUtf8(e);
			if (bad != null) {
				errors.add(bad.line(), null, "CSV mal formé : " + bad.getMessage());
			}
			else {
				// A fault of the header (a name twice, an empty name) is line 1: its message quotes the header, whose
				// text may say « line: 0 » (Jazzer found it), so no line number is read from it.
				errors.add(headerRead ? lineOf(e, line) : 1, null, "CSV mal formé : " + e.getMessage());
			}
		}
		return rows;
	}

	/** The longest header line looked at to choose the separator. */
	private static final int HEADER_LIMIT = 1 << 15;

	private static final Pattern LINE = Pattern.compile("(?:startline|line:?) (\\d+)");

	/**
	 * A file over its limit is a 413; a parse fault (a quote never closed, text after a closing quote, not UTF-8) becomes
	 * the fault of the line where it starts. For a reader that streams its own records ({@code privacy}'s identity
	 * import); any other I/O failure is rethrown.
	 */
	public static void malformed(IOException e, long lastGoodLine, Errors errors) {
		if (e instanceof LimitedInputStream.TooLargeException t) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Fichier trop volumineux",
					"Le fichier dépasse " + t.limit() / 1024 / 1024 + " Mio : découpez-le.");
		}
		Utf8Reader.NotUtf8Exception bad = notUtf8(e);
		if (bad != null) {
			errors.add(bad.line(), null, "CSV mal formé : " + bad.getMessage());
			return;
		}
		String message = String.valueOf(e.getMessage());
		long line = lineOf(e, lastGoodLine + 1);
		if (message.contains("EOF reached before encapsulated token finished")) {
			errors.add(line, null, "CSV mal formé : guillemet ouvert ligne " + line + " et jamais fermé");
		}
		else if (message.contains("Invalid character between encapsulated token and delimiter")) {
			errors.add(line, null, "CSV mal formé : texte après un guillemet fermant ligne " + line
					+ " (doublez un guillemet à l'intérieur d'un champ : \"\")");
		}
		else if (e instanceof java.nio.charset.CharacterCodingException) {
			errors.add(line, null, "CSV mal formé : le fichier n'est pas en UTF-8");
		}
		else {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A refused import as a 422 problem document: its report's members ({@code errors} with line, column and message,
	 * the counts, {@code dryRun}) stay as they were, and the detail names the first faulty line.
	 */
	public static ProblemException refused(Map<String, Object> report, long firstLine, String firstColumn,
			String firstMessage, int count) {
		String detail = "Fichier refusé, rien n'est écrit : ligne " + firstLine
				+ (firstColumn == null ? "" : ", colonne " + firstColumn) + " : " + firstMessage
				+ (count > 1 ? " (et " + (count - 1) + " autre(s) faute(s))" : "");
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-file", "Fichier refusé", detail, null,
				List.of(), report);
	}

	/** {@link #refused(Map, long, String, String, int)} for faults kept as {@link LineError}. */
	public static ProblemException refused(Map<String, Object> report, List<LineError> errors) {
		LineError first = errors.get(0);
		return refused(report, first.line(), first.column(), first.message(), errors.size());
	}

	/** The strict decoder's fault, wherever the parser wrapped it. */
	public static Utf8Reader.NotUtf8Exception notUtf8(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof Utf8Reader.NotUtf8Exception n) {
				return n;
			}
		}
		return null;
	}

	/** A strict UTF-8 reader of an uploaded body (see {@link Utf8Reader}): intakes use it instead of InputStreamReader. */
	public static java.io.Reader utf8(java.io.InputStream in) {
		return new Utf8Reader(in);
	}

	private static long lineOf(Exception e, long otherwise) {
		Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
		return m.find() ? Long.parseLong(m.group(1)) : otherwise;
	}
}
