package org.entente.journal.internal.intake;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Epoch milliseconds of an RFC 3339 time as syslog senders write it ({@code 2026-12-01T10:00:00.123456+01:00},
 * {@code …Z}), read from the bytes without {@link java.time.format.DateTimeFormatter}, which was a quarter of the
 * intake's time. Only the fixed shape is read here: four-digit year, {@code T}, 1 to 9 fraction digits or none,
 * {@code Z} or {@code ±HH:MM}; anything else (lower-case {@code t}/{@code z}, offset seconds, a year of five digits,
 * an impossible date) goes to {@link OffsetDateTime#parse}, so the answer, and what is refused, are the same.
 */
final class Rfc3339 {

	/** Returned by {@link #fast} for what it does not read itself. */
	static final long OTHER = Long.MIN_VALUE;

	private Rfc3339() {
	}

	/** Epoch milliseconds; throws {@link DateTimeParseException} where {@link OffsetDateTime#parse} would. */
	static long parseMillis(byte[] b, int off, int len) {
		long t = fast(b, off, len);
		if (t != OTHER) {
			return t;
		}
		return OffsetDateTime.parse(new String(b, off, len, StandardCharsets.ISO_8859_1)).toInstant().toEpochMilli();
	}

	static long fast(byte[] b, int off, int len) {
		// yyyy-MM-ddTHH:mm:ss = 19, then [.f{1,9}], then Z or ±HH:MM
		if (len < 20 || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 10] != 'T' || b[off + 13] != ':'
				|| b[off + 16] != ':') {
			return OTHER;
		}
		int year = digits(b, off, 4);
		int month = digits(b, off + 5, 2);
		int day = digits(b, off + 8, 2);
		int hour = digits(b, off + 11, 2);
		int minute = digits(b, off + 14, 2);
		int second = digits(b, off + 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour < 0 || hour > 23
				|| minute < 0 || minute > 59 || second < 0 || second > 59) {
			return OTHER;
		}
		int p = off + 19;
		int end = off + len;
		int millis = 0;
		if (b[p] == '.') {
			p++;
			int start = p;
			while (p < end && b[p] >= '0' && b[p] <= '9') {
				if (p - start < 3) {
					millis = millis * 10 + (b[p] - '0');
				}
				p++;
			}
			int n = p - start;
			if (n == 0 || n > 9) {
				return OTHER;
			}
			for (int i = n; i < 3; i++) {
				millis *= 10;
			}
		}
		int offsetSeconds;
		if (p == end - 1 && b[p] == 'Z') {
			offsetSeconds = 0;
		}
		else if (p == end - 6 && (b[p] == '+' || b[p] == '-') && b[p + 3] == ':') {
			int oh = digits(b, p + 1, 2);
			int om = digits(b, p + 4, 2);
			if (oh < 0 || om < 0 || om > 59 || oh > 18 || oh == 18 && om > 0) {
				return OTHER;
			}
			offsetSeconds = (oh * 3600 + om * 60) * (b[p] == '-' ? -1 : 1);
		}
		else {
			return OTHER;
		}
		long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second - offsetSeconds;
		return epochSecond * 1000 + millis;
	}

	/** The digits at {@code p} as a number, or -1 when one is not a digit. */
	private static int digits(byte[] b, int p, int n) {
		int v = 0;
		for (int i = 0; i < n; i++) {
			int d = b[p + i] - '0';
			if (d < 0 || d > 9) {
				return -1;
			}
			v = v * 10 + d;
		}
		return v;
	}

	private static int monthLength(int year, int month) {
		return switch (month) {
			case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/** Days since 1970-01-01 of a proleptic Gregorian date (as {@link java.time.LocalDate#toEpochDay}). */
	private static long epochDay(int year, int month, int day) {
		long y = year;
		long total = 365 * y;
		if (y >= 0) {
			total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
		}
		total += (367 * month - 362) / 12;
		total += day - 1;
		if (month > 2) {
			total--;
			if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
				total--;
			}
		}
		return total - 719_528;
	}
}
