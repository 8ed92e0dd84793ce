package org.entente.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

	/** The data lines of {@code reader}; header or shape faults go to {@code errors}. */
	public static List<Line> read(Reader reader, List<String> required, List<String> optional, int maxRows, Errors errors) {
		List<Line> rows = new ArrayList<>();
		try {
			String text = readAll(reader);
			if (text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			int end = text.indexOf('\n');
			String first = end < 0 ? text : text.substring(0, end);
			char separator = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
				.setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
			try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text)).setFormat(format).get()) {
				List<String> header = parser.getHeaderNames();
				Set<String> known = new HashSet<>(required);
				known.addAll(optional);
				List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
				List<String> unknown = header.stream().filter(c -> !known.contains(c)).toList();
				if (!missing.isEmpty() || !unknown.isEmpty()) {
					errors.add(1, null, "en-tête attendu : " + String.join(",", required)
							+ (optional.isEmpty() ? "" : " (facultatives : " + String.join(",", optional) + ")")
							+ (missing.isEmpty() ? "" : " ; colonnes manquantes : " + missing)
							+ (unknown.isEmpty() ? "" : " ; colonnes inconnues : " + unknown));
					return rows;
				}
				for (CSVRecord r : parser) {
					long line = parser.getCurrentLineNumber();
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
			throw new UncheckedIOException(e);
		}
		catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
			errors.add(0, null, "CSV mal formé : " + e.getMessage());
		}
		return rows;
	}

	private static String readAll(Reader reader) throws IOException {
		StringBuilder b = new StringBuilder();
		char[] buffer = new char[8192];
		for (int n; (n = reader.read(buffer)) >= 0;) {
			b.append(buffer, 0, n);
		}
		return b.toString();
	}
}
