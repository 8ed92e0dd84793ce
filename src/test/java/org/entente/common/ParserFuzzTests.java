package org.entente.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jazzer fuzz targets for the shared readers of hostile input: each either returns a value or throws the project's own
 * error ({@link Utf8Reader.NotUtf8Exception}, {@link ProblemException}), never another exception and never a hang.
 * Without {@code JAZZER_FUZZ} they run their seed inputs ({@code src/test/resources/org/entente/common/ParserFuzzTestsInputs/<method>/})
 * as regression tests; how to fuzz one: docs/developing.md.
 */
class ParserFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Strict UTF-8: the text of a valid stream as Java's strict decoder reads it; else the line and offset of the fault. */
	@FuzzTest
	void utf8(byte[] data) throws IOException {
		String expected;
		try {
			expected = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
		}
		catch (CharacterCodingException e) {
			expected = null;
		}
		StringWriter read = new StringWriter();
		try (Utf8Reader in = new Utf8Reader(new ByteArrayInputStream(data))) {
			char[] buf = new char[1 + data.length % 7];
			for (int n; (n = in.read(buf, 0, buf.length)) >= 0;) {
				read.write(buf, 0, n);
			}
			assertThat(expected).as("read as UTF-8, refused by the strict decoder").isNotNull();
			assertThat(read.toString()).isEqualTo(expected);
		}
		catch (Utf8Reader.NotUtf8Exception e) {
			assertThat(expected).as("refused, but valid UTF-8: " + e.getMessage()).isNull();
			assertThat(e.offset()).isBetween(0L, (long) data.length - 1);
			long newlines = 0;
			for (int i = 0; i < e.offset(); i++) {
				newlines += data[i] == '\n' ? 1 : 0;
			}
			assertThat(e.line()).as("line of offset " + e.offset()).isEqualTo(newlines + 1);
		}
	}

	/** An import file: lines or faults by line, never an exception (a 413 needs a LimitedInputStream, not used here). */
	@FuzzTest
	void csv(byte[] data) {
		CsvReader.Errors errors = new CsvReader.Errors();
		List<CsvReader.Line> lines = CsvReader.read(CsvReader.utf8(new ByteArrayInputStream(data)), List.of("uai", "name"),
				List.of("note"), 50, errors);
		assertThat(lines.size()).isLessThanOrEqualTo(50);
		long previous = 1;
		for (CsvReader.Line l : lines) {
			assertThat(l.number()).as("line numbers in order").isGreaterThanOrEqualTo(previous);
			assertThat(List.of("uai", "name", "note")).containsAll(l.values().keySet());
			previous = l.number();
		}
		for (CsvReader.LineError e : errors.list()) {
			assertThat(e.line()).isPositive();
			assertThat(e.message()).isNotBlank();
		}
	}

	enum Kind { INCIDENT, CHANGE }

	/** A hand-read JSON body: values, or one 400 naming every faulty field. */
	@FuzzTest
	void fields(byte[] data) {
		JsonNode node;
		try {
			node = JSON.readTree(data);
		}
		catch (JacksonException e) {
			return; // not JSON: Jackson's fault, answered before any reader sees it
		}
		FieldReader f;
		try {
			f = FieldReader.of(node);
		}
		catch (ProblemException e) {
			assertThat(e.errors()).isNotEmpty();
			return;
		}
		f.text("title", true, 100);
		f.link("url");
		f.bool("done", false);
		f.id("id");
		f.count("n");
		f.instant("at", false);
		f.date("on", true);
		f.choice("kind", Kind.class, false);
		f.texts("tags", false, 5, 20);
		for (FieldReader item : f.objects("items", 5)) {
			item.text("code", true, 10);
			item.date("on", false);
			item.objects("parts", 3).forEach(p -> p.count("n"));
		}
		try {
			f.check();
		}
		catch (ProblemException e) {
			assertThat(e.errors()).isNotEmpty().allSatisfy(p -> assertThat(p.field()).isNotBlank());
		}
	}
}
