package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;

import org.entente.governance.Convocation;
import org.entente.governance.Convocation.Person;
import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

class IcsWriterTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String AGENDA = """
			Ordre du jour :
			1. Suivi des niveaux de service ; indicateurs, statistiques
			2. Choix des logiciels à usage pédagogique (catalogue 2026)
			3. Questions diverses — chemin \\\\srv\\partage""";

	private Convocation convocation(boolean cancelled) {
		return new Convocation("meeting-42@entente", 2, Instant.parse("2026-01-05T09:30:00Z"),
				"Comité opérationnel, 1er trimestre 2026",
				ZonedDateTime.of(2026, 1, 15, 14, 0, 0, 0, PARIS), ZonedDateTime.of(2026, 1, 15, 16, 30, 0, 0, PARIS),
				"Hôtel du Département, salle « Ille », 1 avenue de la Préfecture, Rennes", AGENDA,
				new Person("Direction des Services Numériques, Département d'Ille-et-Vilaine", "dsn@ille-et-vilaine.fr"),
				List.of(new Person("Camille Le Goff", "camille.legoff@ac-rennes.fr"),
						new Person("Pierre-Yves \"PY\" Kervella", "py.kervella@ille-et-vilaine.fr")),
				cancelled);
	}

	@Test
	void writesAnInvitationThatAnIndependentParserReadsBack() throws Exception {
		String ics = IcsWriter.write(convocation(false));

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.getProperty(Property.METHOD)).get().extracting(Property::getValue).isEqualTo("REQUEST");
		assertThat(calendar.getProperty(Property.VERSION)).get().extracting(Property::getValue).isEqualTo("2.0");
		VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
		assertThat(value(event, Property.UID)).isEqualTo("meeting-42@entente");
		assertThat(value(event, Property.SUMMARY)).isEqualTo("Comité opérationnel, 1er trimestre 2026");
		assertThat(value(event, Property.LOCATION))
			.isEqualTo("Hôtel du Département, salle « Ille », 1 avenue de la Préfecture, Rennes");
		assertThat(value(event, Property.DESCRIPTION)).isEqualTo(AGENDA);
		assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
		assertThat(value(event, Property.DTSTAMP)).isEqualTo("20260105T093000Z");
		assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:dsn@ille-et-vilaine.fr");
		assertThat(event.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue)
			.containsExactly("mailto:camille.legoff@ac-rennes.fr", "mailto:py.kervella@ille-et-vilaine.fr");
		DtStart<Temporal> start = event.getStartDate().orElseThrow();
		assertThat(start.getParameter("TZID")).get().extracting(p -> p.getValue()).isEqualTo("Europe/Paris");
		assertThat(start.getValue()).isEqualTo("20260115T140000");
	}

	@Test
	void hasTheRequiredLinesWithTheTimeZoneDefinedInTheFile() {
		String ics = IcsWriter.write(convocation(false));

		assertThat(unfold(ics)).contains("BEGIN:VCALENDAR", "PRODID:-//Entente//Gouvernance//FR", "METHOD:REQUEST",
				"BEGIN:VTIMEZONE", "TZID:Europe/Paris", "END:VTIMEZONE", "BEGIN:VEVENT", "STATUS:CONFIRMED",
				"DTSTART;TZID=Europe/Paris:20260115T140000", "DTEND;TZID=Europe/Paris:20260115T163000", "END:VEVENT",
				"END:VCALENDAR");
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
	}

	@Test
	void definesParisAsCetAndCestWithTheLastSundayRules() {
		List<String> vtimezone = IcsWriter.vtimezone(PARIS);

		assertThat(String.join("\n", vtimezone)).isEqualTo("""
				BEGIN:VTIMEZONE
				TZID:Europe/Paris
				BEGIN:DAYLIGHT
				TZNAME:CEST
				DTSTART:19700329T020000
				RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
				TZOFFSETFROM:+0100
				TZOFFSETTO:+0200
				END:DAYLIGHT
				BEGIN:STANDARD
				TZNAME:CET
				DTSTART:19701025T030000
				RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
				TZOFFSETFROM:+0200
				TZOFFSETTO:+0100
				END:STANDARD
				END:VTIMEZONE""");
	}

	@Test
	void aZoneWithoutDaylightSavingHasOneStandardBlock() {
		assertThat(IcsWriter.vtimezone(ZoneId.of("Indian/Reunion"))).containsSubsequence("BEGIN:STANDARD",
				"TZOFFSETFROM:+0400", "TZOFFSETTO:+0400", "END:STANDARD");
	}

	@Test
	void escapesTextValues() {
		assertThat(IcsWriter.text("a,b;c\\d\ne\r\nf")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
		String ics = unfold(IcsWriter.write(convocation(false)));
		assertThat(ics).contains("SUMMARY:Comité opérationnel\\, 1er trimestre 2026")
			.contains("3. Questions diverses — chemin \\\\\\\\srv\\\\partage");
	}

	@Test
	void quotesParameterValuesAndDropsDoubleQuotes() {
		String ics = unfold(IcsWriter.write(convocation(false)));

		assertThat(ics).contains("ORGANIZER;CN=\"Direction des Services Numériques, Département d'Ille-et-Vilaine\""
				+ ":mailto:dsn@ille-et-vilaine.fr")
			.contains("ATTENDEE;CN=\"Pierre-Yves 'PY' Kervella\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
					+ "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:py.kervella@ille-et-vilaine.fr");
	}

	@Test
	void foldsEveryLineAt75OctetsWithCrlf() {
		String ics = IcsWriter.write(convocation(false));

		assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
		List<String> physical = Arrays.asList(ics.split("\r\n"));
		assertThat(physical).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(75));
		assertThat(physical).anySatisfy(line -> assertThat(line).startsWith(" "));
	}

	@Test
	void foldingNeverCutsACharacterAndUnfoldsToTheOriginal() {
		String line = "DESCRIPTION:" + "é".repeat(50) + "😀".repeat(20) + "x".repeat(100);

		String folded = IcsWriter.fold(line);

		assertThat(folded).endsWith("\r\n");
		for (String physical : folded.split("\r\n")) {
			byte[] bytes = physical.getBytes(StandardCharsets.UTF_8);
			assertThat(bytes.length).isLessThanOrEqualTo(75);
			assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(physical);
			assertThat(physical).doesNotContain("\uFFFD");
		}
		assertThat(unfold(folded)).isEqualTo(line + "\r\n");
		// a line of exactly 75 octets stays whole
		assertThat(IcsWriter.fold("X".repeat(75))).isEqualTo("X".repeat(75) + "\r\n");
		assertThat(IcsWriter.fold("X".repeat(76))).isEqualTo("X".repeat(75) + "\r\n X\r\n");
	}

	@Test
	void refusesAnAddressThatCouldBreakTheFile() {
		assertThatThrownBy(() -> new Person("X", "x@y.fr\r\nATTENDEE:mailto:z@evil.fr"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Person("X", "a;b@y.fr")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCancellationKeepsTheUidAndSaysCancel() throws Exception {
		String ics = IcsWriter.write(convocation(true));

		assertThat(unfold(ics)).contains("METHOD:CANCEL", "STATUS:CANCELLED", "UID:meeting-42@entente");
		new CalendarBuilder().build(new StringReader(ics));
	}

	private static String value(VEvent event, String name) {
		return event.getProperty(name).map(Property::getValue).orElse(null);
	}

	private static String unfold(String ics) {
		return ics.replace("\r\n ", "");
	}
}
