package org.entente.journal.internal.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.entente.journal.internal.store.IndexFields;

/**
 * Reads RFC 5424 and RFC 3164 (BSD) syslog lines for the index only: the stated time, host, application, and the
 * user and destination when the message says them (user=, dst=, url=, or the first http URL). The line itself is
 * never changed; what does not parse is flagged {@link IndexFields#UNPARSED}, invalid UTF-8 {@link IndexFields#INVALID_UTF8}.
 * <p>
 * The intake's hot path: an ASCII line is read on its bytes (the RFC 3339 time by {@link Rfc3339}, the keys by byte
 * scans without lower-casing the message); a line with other bytes takes the String path, which is also the
 * {@link #reference} parser that tests and the intake benchmark compare with.
 */
public final class SyslogParser {

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	private static final String[] USER_KEYS = { "user=", "usr=", "username=", "suser=", "login=", "uid=" };
	private static final String[] DEST_KEYS = { "dst=", "dest=", "destination=", "url=", "dhost=", "host=" };

	private static final byte[][] USER_KEY_BYTES = ascii(USER_KEYS);
	private static final byte[][] DEST_KEY_BYTES = ascii(DEST_KEYS);
	private static final byte[] HTTP = "http://".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] HTTPS = "https://".getBytes(StandardCharsets.US_ASCII);

	private final ZoneId zone;
	private final boolean bytePaths;

	public SyslogParser(ZoneId zone) {
		this(zone, true);
	}

	private SyslogParser(ZoneId zone, boolean bytePaths) {
		this.zone = zone;
		this.bytePaths = bytePaths;
	}

	/** The parser as it was before the byte paths: Strings and {@code DateTimeFormatter} only (tests, benchmark). */
	public static SyslogParser reference(ZoneId zone) {
		return new SyslogParser(zone, false);
	}

	private static byte[][] ascii(String[] keys) {
		byte[][] out = new byte[keys.length][];
		for (int i = 0; i < keys.length; i++) {
			out[i] = keys[i].getBytes(StandardCharsets.US_ASCII);
		}
		return out;
	}

	public IndexFields parse(byte[] b, int off, int len) {
		boolean ascii = ascii(b, off, len);
		int flags = ascii || validUtf8(b, off, len) ? 0 : IndexFields.INVALID_UTF8;
		boolean bytes = ascii && bytePaths;
		int end = off + len;
		int p = off;
		if (p >= end || b[p] != '<') {
			return unparsed(b, off, len, flags);
		}
		p++;
		int pri = 0;
		int digits = 0;
		while (p < end && b[p] >= '0' && b[p] <= '9' && digits < 4) {
			pri = pri * 10 + (b[p] - '0');
			p++;
			digits++;
		}
		if (digits == 0 || p >= end || b[p] != '>' || pri > 191) {
			return unparsed(b, off, len, flags);
		}
		p++;
		if (p + 1 < end && b[p] >= '1' && b[p] <= '9' && b[p + 1] == ' ') {
			return rfc5424(b, p + 2, end, flags, bytes);
		}
		return rfc3164(b, p, end, flags, bytes);
	}

	private IndexFields rfc5424(byte[] b, int p, int end, int flags, boolean bytes) {
		// TIMESTAMP HOSTNAME APP-NAME PROCID MSGID MSG: field i spans [starts[i], ends[i])
		int[] starts = new int[5];
		int[] ends = new int[5];
		for (int i = 0; i < 5; i++) {
			int s = p;
			while (p < end && b[p] != ' ') {
				p++;
			}
			if (p >= end && i < 4) {
				return unparsed(b, s, end - s, flags);
			}
			starts[i] = s;
			ends[i] = p;
			p++;
		}
		long time = IndexFields.NO_TIME;
		int tl = ends[0] - starts[0];
		if (!(tl == 1 && b[starts[0]] == '-')) {
			try {
				time = bytes ? Rfc3339.parseMillis(b, starts[0], tl)
						: OffsetDateTime.parse(new String(b, starts[0], tl, StandardCharsets.ISO_8859_1)).toInstant().toEpochMilli();
			}
			catch (DateTimeParseException | ArithmeticException e) {
				// ArithmeticException: a valid RFC 3339 time beyond what epoch milliseconds hold (+999999999-…)
				return unparsed(b, p, 0, flags);
			}
		}
		String host = nil(new String(b, starts[1], ends[1] - starts[1], StandardCharsets.ISO_8859_1));
		String app = nil(new String(b, starts[2], ends[2] - starts[2], StandardCharsets.ISO_8859_1));
		if (bytes) {
			return new IndexFields(time, null, host, app, find(b, p, end, USER_KEY_BYTES), destination(b, p, end),
					flags | IndexFields.RFC5424);
		}
		String msg = p < end ? new String(b, p, end - p, StandardCharsets.UTF_8) : "";
		return new IndexFields(time, null, host, app, find(msg, USER_KEYS), destination(msg), flags | IndexFields.RFC5424);
	}

	private IndexFields rfc3164(byte[] b, int p, int end, int flags, boolean bytes) {
		// Mmm dd hh:mm:ss HOST TAG: MSG
		if (end - p < 16) {
			return unparsedMessage(b, p, end, flags);
		}
		String ts = new String(b, p, 15, StandardCharsets.ISO_8859_1);
		int month = -1;
		for (int i = 0; i < 12; i++) {
			if (ts.startsWith(MONTHS[i])) {
				month = i + 1;
			}
		}
		long time = IndexFields.NO_TIME;
		if (month < 0 || ts.charAt(3) != ' ' || ts.charAt(6) != ' ' || ts.charAt(9) != ':' || ts.charAt(12) != ':') {
			return unparsedMessage(b, p, end, flags);
		}
		try {
			int day = Integer.parseInt(ts.substring(4, 6).trim());
			int h = Integer.parseInt(ts.substring(7, 9));
			int m = Integer.parseInt(ts.substring(10, 12));
			int s = Integer.parseInt(ts.substring(13, 15));
			time = LocalDateTime.of(Year.now(zone).getValue(), month, day, h, m, s).atZone(zone).toInstant().toEpochMilli();
		}
		catch (RuntimeException e) {
			return unparsedMessage(b, p, end, flags);
		}
		p += 15;
		if (p < end && b[p] == ' ') {
			p++;
		}
		int hs = p;
		while (p < end && b[p] != ' ') {
			p++;
		}
		String host = new String(b, hs, p - hs, StandardCharsets.ISO_8859_1);
		p++;
		int ts0 = p;
		while (p < end && b[p] != ':' && b[p] != '[' && b[p] != ' ') {
			p++;
		}
		String app = p > ts0 ? new String(b, ts0, p - ts0, StandardCharsets.ISO_8859_1) : null;
		if (bytes) {
			return new IndexFields(time, null, host.isEmpty() ? null : host, app, find(b, p, end, USER_KEY_BYTES),
					destination(b, p, end), flags | IndexFields.RFC3164);
		}
		String msg = p < end ? new String(b, p, end - p, StandardCharsets.UTF_8) : "";
		return new IndexFields(time, null, host.isEmpty() ? null : host, app, find(msg, USER_KEYS), destination(msg),
				flags | IndexFields.RFC3164);
	}

	private static IndexFields unparsedMessage(byte[] b, int p, int end, int flags) {
		return unparsed(b, p, end - p, flags);
	}

	private static IndexFields unparsed(byte[] b, int off, int len, int flags) {
		return new IndexFields(IndexFields.NO_TIME, null, null, null, null, null, flags | IndexFields.UNPARSED);
	}

	private static String nil(String s) {
		return "-".equals(s) || s.isEmpty() ? null : s;
	}

	static String find(String msg, String[] keys) {
		String lower = msg.toLowerCase(Locale.ROOT);
		for (String k : keys) {
			int i = lower.indexOf(k);
			while (i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1))) {
				i = lower.indexOf(k, i + 1);
			}
			if (i >= 0) {
				int s = i + k.length();
				int e = s;
				boolean quoted = e < msg.length() && msg.charAt(e) == '"';
				if (quoted) {
					s++;
					e = msg.indexOf('"', s);
					if (e < 0) {
						e = msg.length();
					}
				}
				else {
					while (e < msg.length() && !Character.isWhitespace(msg.charAt(e)) && msg.charAt(e) != ',' && msg.charAt(e) != ';') {
						e++;
					}
				}
				if (e > s) {
					return msg.substring(s, Math.min(e, s + 200));
				}
			}
		}
		return null;
	}

	static String destination(String msg) {
		String d = find(msg, DEST_KEYS);
		if (d != null) {
			return d;
		}
		int i = msg.indexOf("http://");
		if (i < 0) {
			i = msg.indexOf("https://");
		}
		if (i < 0) {
			return null;
		}
		int e = i;
		while (e < msg.length() && !Character.isWhitespace(msg.charAt(e))) {
			e++;
		}
		return msg.substring(i, Math.min(e, i + 200));
	}

	/**
	 * {@link #find(String, String[])} on the bytes of an ASCII message {@code [from, end)}: the same keys without
	 * case, the same word boundary before them and the same end of value, without lower-casing a copy.
	 */
	static String find(byte[] b, int from, int end, byte[][] keys) {
		for (byte[] k : keys) {
			int i = indexOfIgnoreCase(b, from, end, k);
			while (i > from && isLetterOrDigit(b[i - 1])) {
				i = indexOfIgnoreCase(b, i + 1, end, k);
			}
			if (i >= 0) {
				int s = i + k.length;
				int e = s;
				if (e < end && b[e] == '"') {
					s++;
					e = s;
					while (e < end && b[e] != '"') {
						e++;
					}
				}
				else {
					while (e < end && !isWhitespace(b[e]) && b[e] != ',' && b[e] != ';') {
						e++;
					}
				}
				if (e > s) {
					return new String(b, s, Math.min(e, s + 200) - s, StandardCharsets.ISO_8859_1);
				}
			}
		}
		return null;
	}

	/** {@link #destination(String)} on the bytes of an ASCII message. */
	static String destination(byte[] b, int from, int end) {
		String d = find(b, from, end, DEST_KEY_BYTES);
		if (d != null) {
			return d;
		}
		int i = indexOf(b, from, end, HTTP);
		if (i < 0) {
			i = indexOf(b, from, end, HTTPS);
		}
		if (i < 0) {
			return null;
		}
		int e = i;
		while (e < end && !isWhitespace(b[e])) {
			e++;
		}
		return new String(b, i, Math.min(e, i + 200) - i, StandardCharsets.ISO_8859_1);
	}

	/** First position of {@code lower} (lower-case ASCII) in {@code [from, end)}, ASCII letters without case; -1. */
	private static int indexOfIgnoreCase(byte[] b, int from, int end, byte[] lower) {
		byte first = lower[0];
		outer:
		for (int i = from, last = end - lower.length; i <= last; i++) {
			int c = b[i];
			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != first) {
				continue;
			}
			for (int k = 1; k < lower.length; k++) {
				int d = b[i + k];
				if ((d >= 'A' && d <= 'Z' ? d + 32 : d) != lower[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static int indexOf(byte[] b, int from, int end, byte[] what) {
		outer:
		for (int i = from, last = end - what.length; i <= last; i++) {
			for (int k = 0; k < what.length; k++) {
				if (b[i + k] != what[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** {@link Character#isLetterOrDigit} on an ASCII byte. */
	private static boolean isLetterOrDigit(byte c) {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	/** {@link Character#isWhitespace} on an ASCII byte. */
	private static boolean isWhitespace(byte c) {
		return c == ' ' || c >= 9 && c <= 13 || c >= 28 && c <= 31;
	}

	private static boolean ascii(byte[] b, int off, int len) {
		for (int i = off; i < off + len; i++) {
			if (b[i] < 0) {
				return false;
			}
		}
		return true;
	}

	static boolean validUtf8(byte[] b, int off, int len) {
		boolean ascii = true;
		for (int i = off; i < off + len; i++) {
			if (b[i] < 0) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			return true;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(b, off, len));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}
}
