package org.entente.journal.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.entente.journal.internal.store.IndexFields;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties: the hand-read RFC 3339 time equals {@link OffsetDateTime#parse} (and fails where it fails), and
 * the byte paths of the parser give the index fields of the String paths ({@link SyslogParser#reference}).
 */
class SyslogParserFastPathTest {

	private static final long SEED = 20261201L;

	private static String two(int v) {
		return v < 10 ? "0" + v : String.valueOf(v);
	}

	/** A well-formed time: any year 0–9999, 0–9 fraction digits, Z or an offset up to ±18:00. */
	private static String time(SplittableRandom r) {
		int year = r.nextInt(5) == 0 ? r.nextInt(10_000) : 1990 + r.nextInt(60);
		int month = 1 + r.nextInt(12);
		int day = 1 + r.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
		StringBuilder b = new StringBuilder(String.format("%04d-%s-%sT%s:%s:%s", year, two(month), two(day), two(r.nextInt(24)),
				two(r.nextInt(60)), two(r.nextInt(60))));
		int fraction = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(9);
		if (fraction > 0) {
			b.append('.');
			for (int i = 0; i < fraction; i++) {
				b.append((char) ('0' + r.nextInt(10)));
			}
		}
		if (r.nextInt(4) == 0) {
			b.append('Z');
		}
		else {
			int minutes = r.nextInt(18 * 60 + 1);
			b.append(r.nextBoolean() ? '+' : '-').append(two(minutes / 60)).append(':').append(two(minutes % 60));
		}
		return b.toString();
	}

	private static final String ODD = "0123456789-+:.TtZz ";

	/** A well-formed time with one to three characters replaced, inserted or removed. */
	private static String mangled(SplittableRandom r) {
		StringBuilder b = new StringBuilder(time(r));
		for (int n = 1 + r.nextInt(3); n > 0 && b.length() > 0; n--) {
			int at = r.nextInt(b.length());
			char c = ODD.charAt(r.nextInt(ODD.length()));
			switch (r.nextInt(3)) {
				case 0 -> b.setCharAt(at, c);
				case 1 -> b.insert(at, c);
				default -> b.deleteCharAt(at);
			}
		}
		return b.toString();
	}

	/** The answer of one parser: the milliseconds, or that it refused. */
	private static String javaTime(String s) {
		try {
			return String.valueOf(OffsetDateTime.parse(s).toInstant().toEpochMilli());
		}
		catch (DateTimeParseException e) {
			return "refused";
		}
	}

	private static String handRead(String s) {
		byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
		try {
			return String.valueOf(Rfc3339.parseMillis(b, 0, b.length));
		}
		catch (DateTimeParseException e) {
			return "refused";
		}
	}

	@Test
	void wellFormedTimesReadByHandEqualJavaTime() {
		SplittableRandom r = new SplittableRandom(SEED);
		int fast = 0;
		for (int i = 0; i < 5_000; i++) {
			String t = time(r);
			assertThat(handRead(t)).as("case %d: %s", i, t).isEqualTo(javaTime(t));
			byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
			if (Rfc3339.fast(b, 0, b.length) != Rfc3339.OTHER) {
				fast++;
			}
		}
		assertThat(fast).as("the usual shape is read by hand").isEqualTo(5_000);
		assertThat(handRead("2026-12-01T10:00:00.123456+01:00")).isEqualTo("1796115600123");
	}

	@Test
	void oddTimesAreAnsweredOrRefusedAsJavaTimeDoes() {
		SplittableRandom r = new SplittableRandom(SEED + 1);
		for (int i = 0; i < 5_000; i++) {
			String t = mangled(r);
			assertThat(handRead(t)).as("case %d: %s", i, t).isEqualTo(javaTime(t));
		}
		for (String t : new String[] { "2026-02-29T10:00:00Z", "2024-02-29T10:00:00Z", "2100-02-29T00:00:00Z",
				"2000-02-29T00:00:00Z", "2026-04-31T10:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T10:60:00Z",
				"2026-12-01T10:00:60Z", "2026-12-01t10:00:00z", "2026-12-01T10:00:00+19:00", "2026-12-01T10:00:00+18:00",
				"2026-12-01T10:00:00-18:01", "2026-12-01T10:00:00+01:00:30", "2026-12-01T10:00:00.Z",
				"2026-12-01T10:00:00.1234567890Z", "+12026-12-01T10:00:00Z", "2026-12-01T10:00Z", "2026-12-01T10:00:00",
				"2026-12-01T10:00:00-00:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00" }) {
			assertThat(handRead(t)).as(t).isEqualTo(javaTime(t));
		}
	}

	private static final String[] KEYS = { "user=", "USER=", "usr=", "Username=", "suser=", "login=", "uid=", "dst=",
			"Dest=", "destination=", "url=", "dhost=", "host=", "xuser=", "9dst=" };
	private static final String[] VALUES = { "eleve12", "\"Jean Dupont\"", "\"unclosed", "", "a,b", "a;b", "x\ty",
			"http://example.org/p?q=1", "10.35.1.2", "\"\"" };
	private static final String[] WORDS = { "GET", "http://www.example.org/page/3", "https://ent.example/x", "200", "-",
			"[meta]", "src=10.1.2.3", "\u001f", "a", "  " };

	private static String message(SplittableRandom r) {
		StringBuilder b = new StringBuilder();
		for (int n = r.nextInt(8); n > 0; n--) {
			if (r.nextBoolean()) {
				b.append(KEYS[r.nextInt(KEYS.length)]).append(VALUES[r.nextInt(VALUES.length)]);
			}
			else {
				b.append(WORDS[r.nextInt(WORDS.length)]);
			}
			b.append(r.nextInt(5) == 0 ? "," : " ");
		}
		if (r.nextInt(10) == 0) {
			b.append("x".repeat(250)).append(" user=").append("y".repeat(230));
		}
		return b.toString();
	}

	private static String line(SplittableRandom r) {
		String msg = message(r);
		String host = r.nextInt(8) == 0 ? "-" : "fw-college-" + r.nextInt(60);
		String line = switch (r.nextInt(4)) {
			case 0 -> "<134>Dec  1 10:00:0" + r.nextInt(10) + " " + host + " squid[12]: " + msg;
			case 1 -> "<13>1 - " + host + " app - - " + msg;
			default -> "<134>1 " + (r.nextInt(6) == 0 ? mangled(r) : time(r)) + " " + host + " squid 1 - - " + msg;
		};
		if (r.nextInt(20) == 0) {
			line = line.replace("eleve", "élève");
		}
		return line;
	}

	@Test
	void bytePathsGiveTheIndexFieldsOfTheStringPaths() {
		SyslogParser parser = new SyslogParser(ZoneId.of("Europe/Paris"));
		SyslogParser reference = SyslogParser.reference(ZoneId.of("Europe/Paris"));
		SplittableRandom r = new SplittableRandom(SEED + 2);
		for (int i = 0; i < 3_000; i++) {
			byte[] b = line(r).getBytes(StandardCharsets.UTF_8);
			IndexFields fast = parser.parse(b, 0, b.length);
			IndexFields slow = reference.parse(b, 0, b.length);
			assertThat(fast).as("case %d: %s", i, new String(b, StandardCharsets.UTF_8)).isEqualTo(slow);
		}
		byte[] b = "<134>1 2026-12-01T10:00:00.000+01:00 fw-college-3 squid 1 - - User=\"Jean D\" GET http://x.org/a 200"
			.getBytes(StandardCharsets.US_ASCII);
		IndexFields f = parser.parse(b, 0, b.length);
		assertThat(f.user()).isEqualTo("Jean D");
		assertThat(f.destination()).isEqualTo("http://x.org/a");
		assertThat(f.host()).isEqualTo("fw-college-3");
		assertThat(f.eventTimeMillis()).isEqualTo(1796115600000L);
	}

	/**
	 * A year RFC 3339 allows but epoch milliseconds cannot hold made {@code parse} throw ArithmeticException: one such
	 * datagram ended the UDP receiving thread (its loop catches only IOException). Now an unparsed line, as on both paths.
	 */
	@Test
	void aTimeBeyondEpochMillisecondsIsAnUnparsedLineNotAnException() {
		for (SyslogParser parser : new SyslogParser[] { new SyslogParser(ZoneId.of("Europe/Paris")),
				SyslogParser.reference(ZoneId.of("Europe/Paris")) }) {
			for (String time : new String[] { "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z" }) {
				byte[] b = ("<14>1 " + time + " fw01 proxy - - user=x").getBytes(StandardCharsets.US_ASCII);
				IndexFields f = parser.parse(b, 0, b.length);
				assertThat(f.flags() & IndexFields.UNPARSED).as(time).isNotZero();
				assertThat(f.eventTimeMillis()).isEqualTo(IndexFields.NO_TIME);
			}
		}
	}
}
