package org.entente.governance.internal;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.entente.governance.Convocation;

/**
 * Writes a convocation as an iCalendar invitation (RFC 5545, iTIP METHOD:REQUEST or CANCEL). Hand-written rather
 * than ical4j because ical4j folds lines by characters, not by the 75 octets the RFC sets (French accents take two),
 * and ships its own time-zone snapshot; the VTIMEZONE here comes from the JDK's rules, the ones the dates were
 * computed with.
 */
public final class IcsWriter {

	static final String PRODID = "-//Entente//Gouvernance//FR";
	private static final int MAX_OCTETS = 75;
	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);
	/** The year the time-zone rules are written from: any year before the meetings does. */
	private static final int RULES_FROM = 1970;

	private IcsWriter() {
	}

	public static String write(Convocation c) {
		ZoneId zone = c.start().getZone();
		List<String> lines = new ArrayList<>();
		lines.add("BEGIN:VCALENDAR");
		lines.add("PRODID:" + PRODID);
		lines.add("VERSION:2.0");
		lines.add("CALSCALE:GREGORIAN");
		lines.add("METHOD:" + (c.cancelled() ? "CANCEL" : "REQUEST"));
		lines.addAll(vtimezone(zone));
		lines.add("BEGIN:VEVENT");
		lines.add("UID:" + text(c.uid()));
		lines.add("DTSTAMP:" + UTC.format(c.stamp()));
		lines.add("SEQUENCE:" + c.sequence());
		lines.add("STATUS:" + (c.cancelled() ? "CANCELLED" : "CONFIRMED"));
		lines.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(c.start().toLocalDateTime()));
		lines.add("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(c.end().toLocalDateTime()));
		lines.add("SUMMARY:" + text(c.summary()));
		if (c.location() != null && !c.location().isBlank()) {
			lines.add("LOCATION:" + text(c.location()));
		}
		if (c.agenda() != null && !c.agenda().isBlank()) {
			lines.add("DESCRIPTION:" + text(c.agenda()));
		}
		lines.add("ORGANIZER;CN=" + param(c.organizer().name()) + ":mailto:" + c.organizer().email());
		for (Convocation.Person attendee : c.attendees()) {
			lines.add("ATTENDEE;CN=" + param(attendee.name())
					+ ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + attendee.email());
		}
		lines.add("END:VEVENT");
		lines.add("END:VCALENDAR");
		return lines.stream().map(IcsWriter::fold).collect(Collectors.joining());
	}

	/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks are escaped. */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\r", "\\n")
			.replace("\n", "\\n");
	}

	/**
	 * A parameter value (§3.2): quoted, since names hold commas and colons; a double quote cannot be escaped there,
	 * so it becomes a single one, and control characters a space.
	 */
	static String param(String value) {
		String clean = value == null ? "" : value.replace('"', '\'').replaceAll("\\p{Cntrl}", " ");
		return "\"" + clean + "\"";
	}

	/**
	 * One content line folded at 75 octets (§3.1): each continuation starts with a space that counts in its 75, and
	 * no UTF-8 sequence or surrogate pair is cut. Ends with CRLF.
	 */
	static String fold(String line) {
		StringBuilder out = new StringBuilder(line.length() + 16);
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > MAX_OCTETS) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		return out.append("\r\n").toString();
	}

	/**
	 * The zone's current rules as STANDARD and DAYLIGHT sub-components with yearly RRULEs (what Outlook and Google
	 * write too); a zone without daylight saving gets one STANDARD block.
	 */
	static List<String> vtimezone(ZoneId zone) {
		ZoneRules rules = zone.getRules();
		List<String> lines = new ArrayList<>();
		lines.add("BEGIN:VTIMEZONE");
		lines.add("TZID:" + zone.getId());
		List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
		if (transitions.isEmpty()) {
			ZoneOffset offset = rules.getOffset(java.time.Instant.now());
			lines.add("BEGIN:STANDARD");
			lines.add("DTSTART:" + LOCAL.format(LocalDateTime.of(RULES_FROM, 1, 1, 0, 0)));
			lines.add("TZOFFSETFROM:" + offset(offset));
			lines.add("TZOFFSETTO:" + offset(offset));
			lines.add("END:STANDARD");
		}
		for (ZoneOffsetTransitionRule rule : transitions) {
			ZoneOffsetTransition first = rule.createTransition(RULES_FROM);
			boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
			String kind = daylight ? "DAYLIGHT" : "STANDARD";
			lines.add("BEGIN:" + kind);
			lines.add("TZNAME:" + TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.ROOT));
			lines.add("DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
			lines.add("RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + byDay(rule));
			lines.add("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
			lines.add("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
			lines.add("END:" + kind);
		}
		lines.add("END:VTIMEZONE");
		return lines;
	}

	/**
	 * The JDK says "the first {@code dayOfWeek} on or after day {@code d}" (or on or before the month's end when
	 * {@code d} is negative); RRULE says it as the n-th or last weekday when it can, and as a week of month days
	 * otherwise.
	 */
	static String byDay(ZoneOffsetTransitionRule rule) {
		DayOfWeek dow = rule.getDayOfWeek();
		int d = rule.getDayOfMonthIndicator();
		Month month = rule.getMonth();
		if (dow == null) {
			return "BYMONTHDAY=" + d;
		}
		String day = dow.name().substring(0, 2);
		if (d == -1 || (d > 0 && month != Month.FEBRUARY && d == month.length(false) - 6)) {
			return "BYDAY=-1" + day;
		}
		if (d > 0 && (d - 1) % 7 == 0) {
			return "BYDAY=" + ((d - 1) / 7 + 1) + day;
		}
		if (d > 0) {
			return "BYDAY=" + day + ";BYMONTHDAY="
					+ IntStream.range(d, d + 7).mapToObj(Integer::toString).collect(Collectors.joining(","));
		}
		// on or before the |d|-th day from the month's end: that day and the six before it, counted from the end
		return "BYDAY=" + day + ";BYMONTHDAY=" + IntStream.rangeClosed(-d, -d + 6)
			.mapToObj(i -> Integer.toString(-i))
			.collect(Collectors.joining(","));
	}

	private static String offset(ZoneOffset offset) {
		int total = offset.getTotalSeconds();
		int abs = Math.abs(total);
		String text = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
		return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
	}
}
