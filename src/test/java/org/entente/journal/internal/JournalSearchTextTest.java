package org.entente.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Free text is matched on the raw bytes, ASCII letters without case, without decoding the line. */
class JournalSearchTextTest {

	private static boolean has(String raw, String q) {
		return JournalSearch.contains(raw.getBytes(StandardCharsets.UTF_8), q.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void bytesAreComparedWithoutAsciiCase() {
		assertThat(has("<134>1 GET http://Example.ORG/page/12 user=Eleve", "example.org/page/12")).isTrue();
		assertThat(has("GET /page/12", "page/13")).isFalse();
		assertThat(has("accès refusé", "refusé")).isTrue();
		assertThat(has("ab", "abc")).isFalse();
		assertThat(has("", "")).isTrue();
		assertThat(JournalSearch.contains(new byte[] { (byte) 0xff, 'A', 'b' }, "ab".getBytes(StandardCharsets.US_ASCII))).isTrue();
	}
}
