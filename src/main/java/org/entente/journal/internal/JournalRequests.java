package org.entente.journal.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.entente.common.ProblemException;
import org.entente.directory.Uai;

/** Reads search parameters as the API and the pages take them, with a French error naming the parameter. */
public final class JournalRequests {

	private JournalRequests() {
	}

	/** ISO 8601: an instant with offset, a local date-time or a date (Europe/Paris). */
	public static Instant instant(String name, String value, ZoneId zone, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalidParameter(name, "Indiquez « " + name + " » (date ISO 8601, par exemple 2026-12-01T08:00:00Z).");
		}
		String v = value.trim();
		try {
			return OffsetDateTime.parse(v).toInstant();
		}
		catch (DateTimeParseException e) {
			// next form
		}
		try {
			return LocalDateTime.parse(v).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			// next form
		}
		try {
			LocalDate d = LocalDate.parse(v);
			return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalidParameter(name, "« " + v + " » n'est pas une date ISO 8601 (par exemple 2026-12-01T08:00:00Z ou 2026-12-01).");
		}
	}

	public static JournalSearch.Criteria criteria(String from, String to, String establishment, String host, String sender,
			String user, String q, ZoneId zone) {
		return criteria(from, to, establishment, host, sender, user, q, null, zone);
	}

	/** As above with {@code address}: the sender's or the destination's network address. */
	public static JournalSearch.Criteria criteria(String from, String to, String establishment, String host, String sender,
			String user, String q, String address, ZoneId zone) {
		Instant f = instant("from", from, zone, false);
		Instant t = instant("to", to, zone, true);
		if (!t.isAfter(f)) {
			throw ProblemException.invalidParameter("to", "La fin de la période (« to ») doit suivre son début (« from »).");
		}
		if (Duration.between(f, t).toDays() > 3660) {
			throw ProblemException.invalidParameter("to", "La période ne peut dépasser dix ans.");
		}
		String uai = blank(establishment);
		if (uai != null) {
			uai = uai.toUpperCase(java.util.Locale.ROOT);
			String problem = Uai.problem(uai);
			if (problem != null) {
				throw ProblemException.invalidParameter("establishment", "« " + uai + " » n'est pas un UAI valide : " + problem);
			}
		}
		return new JournalSearch.Criteria(f, t, uai, limited("host", host, 255), limited("sender", sender, 64),
				limited("user", user, 200), limited("q", q, 200), limited("address", address, 255));
	}

	private static String limited(String name, String v, int max) {
		String b = blank(v);
		if (b != null && b.length() > max) {
			throw ProblemException.invalidParameter(name, "« " + name + " » dépasse " + max + " caractères.");
		}
		return b;
	}

	public static String blank(String v) {
		return v == null || v.isBlank() ? null : v.trim();
	}
}
