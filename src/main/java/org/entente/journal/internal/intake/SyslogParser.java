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
 */
public final class SyslogParser {

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	private static final String[] USER_KEYS = { "user=", "usr=", "username=", "suser=", "login=", "uid=" };
	private static final String[] DEST_KEYS = { "dst=", "dest=", "destination=", "url=", "dhost=", "host=" };

	private final ZoneId zone;

	public SyslogParser(ZoneId zone) {
		this.zone = zone;
	}

	public IndexFields parse(byte[] b, int off, int len) {
		int flags = validUtf8(b, off, len) ? 0 : IndexFields.INVALID_UTF8;
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
			return rfc5424(b, p + 2, end, flags);
		}
		return rfc3164(b, p, end, flags);
	}

	private IndexFields rfc5424(byte[] b, int p, int end, int flags) {
		String[] f = new String[5];
		for (int i = 0; i < 5; i++) {
			int s = p;
			while (p < end && b[p] != ' ') {
				p++;
			}
			if (p >= end && i < 4) {
				return unparsed(b, s, end - s, flags);
			}
			f[i] = new String(b, s, p - s, StandardCharsets.ISO_8859_1);
			p++;
		}
		long time = IndexFields.NO_TIME;
		if (!"-".equals(f[0])) {
			try {
				time = OffsetDateTime.parse(f[0]).toInstant().toEpochMilli();
			}
			catch (DateTimeParseException e) {
				return unparsed(b, p, 0, flags);
			}
		}
		String msg = p < end ? new String(b, p, end - p, StandardCharsets.UTF_8) : "";
		return new IndexFields(time, null, nil(f[1]), nil(f[2]), find(msg, USER_KEYS), destination(msg),
				flags | IndexFields.RFC5424);
	}

	private IndexFields rfc3164(byte[] b, int p, int end, int flags) {
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
