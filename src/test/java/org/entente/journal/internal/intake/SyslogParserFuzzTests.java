package org.entente.journal.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.entente.journal.internal.store.IndexFields;

/**
 * Jazzer fuzz targets for the journal's intake: any line gives index fields (never an exception: a line that does not
 * parse is flagged, and kept as it is), the same on the byte paths as on the String paths, and the hand-read RFC 3339
 * time agrees with {@link OffsetDateTime#parse}. Seed inputs under
 * {@code src/test/resources/org/entente/journal/internal/intake/SyslogParserFuzzTestsInputs/<method>/}.
 */
class SyslogParserFuzzTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final SyslogParser FAST = new SyslogParser(PARIS);

	private static final SyslogParser REFERENCE = SyslogParser.reference(PARIS);

	@FuzzTest
	void syslogLine(byte[] line) {
		IndexFields fast = FAST.parse(line, 0, line.length);
		IndexFields reference = REFERENCE.parse(line, 0, line.length);
		assertThat(fast).as("byte paths against String paths").isEqualTo(reference);
		// The line sits in a larger buffer at the intake: the parser reads only its own bytes.
		byte[] framed = new byte[line.length + 2];
		framed[0] = '\n';
		System.arraycopy(line, 0, framed, 1, line.length);
		framed[framed.length - 1] = '<';
		assertThat(FAST.parse(framed, 1, line.length)).as("inside a buffer").isEqualTo(fast);
	}

	@FuzzTest
	void rfc3339(byte[] time) {
		String text = new String(time, StandardCharsets.ISO_8859_1);
		long expected;
		try {
			expected = OffsetDateTime.parse(text).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException | ArithmeticException e) {
			assertThatThrownBy(() -> Rfc3339.parseMillis(time, 0, time.length)).isInstanceOf(e.getClass());
			return;
		}
		assertThat(Rfc3339.parseMillis(time, 0, time.length)).isEqualTo(expected);
	}
}
