package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.entente.TestAccounts.as;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.entente.MailTest;
import org.entente.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Convocations and lifecycle reminders through a real SMTP server (GreenMail on loopback), on a database of their
 * own, with the application's clock fixed by the test.
 */
@MailTest(database = "governance_mail_test")
@org.springframework.test.context.TestPropertySource(properties = "entente.governance.reminders-cron=-")
class GovernanceMailTests {

	static final GreenMailExtension greenMail = MailTest.Smtp.of(GovernanceMailTests.class);

	/** A clock the test moves; the application reads «today» from it. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-11-28T08:00:00Z");

		void set(String instant) {
			now = Instant.parse(instant);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	@TestConfiguration
	static class FixedTime {

		@Bean
		@Primary
		MovableClock testClock() {
			return new MovableClock();
		}
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	LifecycleReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void today() {
		clock.set("2026-11-28T08:00:00Z");
	}

	private MvcTestResult post(String uri, String user, String... params) {
		var request = mvc.post().uri(uri).with(as(user)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private static List<MimeMessage> received(String subjectPart) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> TestSmtp.subject(m).contains(subjectPart)).toList();
	}

	private static long sent(String subjectPart) {
		return received(subjectPart).stream().map(m -> {
			try {
				return m.getMessageID();
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).distinct().count();
	}

	@Test
	void theConvocationReachesEachMemberWithAnInvitationCalendarsRead() throws Exception {
		assertThat(post("/gouvernance/comites/membres", "agent.cd", "committee", "STRATEGIC", "name", "Claire Le Goff",
				"email", "claire.legoff@ille-et-vilaine.fr", "party", "CD", "role", "Directrice des systèmes numériques"))
			.hasStatus(HttpStatus.FOUND);

		var created = post("/gouvernance/comites/STRATEGIC/reunions", "agent.cd", "date", "2027-01-14", "time", "14:00",
				"duration", "150", "place", "Hôtel du Département, Rennes", "agenda", "1. Bilan 2026\n2. Renouvellement");
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String meeting = created.getResponse().getRedirectedUrl();
		// a member named after the meeting was scheduled is convoked too
		assertThat(post("/gouvernance/comites/membres", "admin", "committee", "STRATEGIC", "name", "Yann Kervella, DSII",
				"email", "yann.kervella@ac-rennes.fr", "party", "ACA")).hasStatus(HttpStatus.FOUND);
		// the same address twice is refused next to the e-mail field
		assertThat(post("/gouvernance/comites/membres", "admin", "committee", "STRATEGIC", "name", "Doublon",
				"email", "YANN.KERVELLA@ac-rennes.fr", "party", "ACA").getResponse().getContentAsString())
			.contains("id=\"email-error\"").contains("déjà membre");
		assertThat(post(meeting + "/convocation", "agent.aca")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(meeting + "/convocation", "agent.cd")).hasStatus(HttpStatus.FOUND);

		await().atMost(Duration.ofSeconds(15)).until(() -> received("Convocation : Comité stratégique").size() == 2);
		MimeMessage mail = received("Convocation : Comité stratégique").get(0);
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactlyInAnyOrder("claire.legoff@ille-et-vilaine.fr", "yann.kervella@ac-rennes.fr");
		BodyPart ics = attachment((MimeMultipart) mail.getContent(), "convocation.ics");
		assertThat(ics.getContentType()).startsWith("text/calendar").contains("method=REQUEST");

		Calendar calendar = new CalendarBuilder()
			.build(new StringReader(new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
		assertThat(calendar.getProperty(Property.METHOD)).get().extracting(Property::getValue).isEqualTo("REQUEST");
		VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
		DtStart<Temporal> start = event.getStartDate().orElseThrow();
		assertThat(start.getParameter("TZID")).get().extracting(p -> p.getValue()).isEqualTo("Europe/Paris");
		assertThat(start.getValue()).isEqualTo("20270114T140000");
		assertThat(event.getProperty(Property.DTEND)).get().extracting(Property::getValue).isEqualTo("20270114T163000");
		assertThat(event.getProperty(Property.SUMMARY)).get().extracting(Property::getValue)
			.isEqualTo("Comité stratégique — 14 janvier 2027");
		assertThat(event.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue)
			.containsExactlyInAnyOrder("mailto:claire.legoff@ille-et-vilaine.fr", "mailto:yann.kervella@ac-rennes.fr");
		assertThat(event.getProperty(Property.SEQUENCE)).get().extracting(Property::getValue).isEqualTo("1");
		assertThat(event.getProperty(Property.UID)).get().extracting(Property::getValue)
			.isEqualTo("meeting-" + meeting.substring(meeting.lastIndexOf('/') + 1) + "@entente");
		assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);

		// the meeting page says the convocation went out
		assertThat(mvc.get().uri(meeting).with(as("agent.aca")).exchange().getResponse()
			.getContentAsString()).contains("Envoyée le").contains("Claire Le Goff");

		// cancelling the convoked meeting withdraws it from the calendars: same UID, next SEQUENCE, METHOD:CANCEL
		assertThat(post(meeting + "/compte-rendu", "agent.cd", "status", "CANCELLED", "minutes", "Reportée"))
			.hasStatus(HttpStatus.FOUND);
		await().atMost(Duration.ofSeconds(15)).until(() -> received("Annulation : Comité stratégique").size() == 2);
		BodyPart cancel = attachment((MimeMultipart) received("Annulation : Comité stratégique").get(0).getContent(),
				"convocation.ics");
		Calendar cancelled = new CalendarBuilder()
			.build(new StringReader(new String(cancel.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
		assertThat(cancelled.getProperty(Property.METHOD)).get().extracting(Property::getValue).isEqualTo("CANCEL");
		VEvent withdrawn = cancelled.<VEvent>getComponents("VEVENT").get(0);
		assertThat(withdrawn.getProperty(Property.SEQUENCE)).get().extracting(Property::getValue).isEqualTo("2");
		assertThat(withdrawn.getProperty(Property.UID)).get().extracting(Property::getValue)
			.isEqualTo(event.getProperty(Property.UID).orElseThrow().getValue());
	}

	/**
	 * Issue 13 §4: scheduling a meeting has reporting assemble its pack (on governance's MeetingScheduled event) from
	 * the committee's previous recorded meeting, attached to the meeting (page and API) and joined to the convocation;
	 * the evaluation committee's pack carries the use of equipment read through inventory's public API.
	 */
	@Test
	void theMeetingsPackIsAttachedToItAndJoinedToTheConvocation() throws Exception {
		var referentiel = mvc.post().uri("/api/v1/inventory/referentiel").with(as("agent.cd")).contentType("application/json")
			.content("""
					{"note":"Référentiel du test","lines":[
					 {"component":"BORNES_WIFI","label":"Borne wifi par bâtiment","quantity":4,"minQuantity":2,"maxQuantity":8,"renewalYears":6}]}""")
			.exchange();
		assertThat(referentiel).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.post().uri("/api/v1/assets").with(as("admin")).contentType("application/json").content("""
				{"uai":"0359901X","component":"BORNES_WIFI","network":"PEDAGOGICAL","name":"BW-0359901X-CDI-01",
				 "serial":"SN-PACK-%s","funding":"OWN_FUNDS_OTHER","status":"IN_SERVICE"}""".formatted(System.nanoTime()))
			.exchange()).hasStatus(HttpStatus.CREATED);
		assertThat(post("/gouvernance/comites/membres", "agent.cd", "committee", "EVALUATION", "name", "Anne Évaluation",
				"email", "anne.evaluation@ille-et-vilaine.fr", "party", "CD")).hasStatus(HttpStatus.FOUND);
		// The previous recorded meeting, 15/09/2026, and an older one: the pack runs since the latest.
		assertThat(post("/gouvernance/comites/EVALUATION/reunions-passees", "agent.cd", "dates", "10/03/2026, 15/09/2026"))
			.hasStatus(HttpStatus.FOUND);
		var created = post("/gouvernance/comites/EVALUATION/reunions", "agent.cd", "date", "2027-01-20", "time", "10:00",
				"duration", "120", "place", "Rennes", "agenda", "Bilan des équipements");
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String meeting = created.getResponse().getRedirectedUrl();
		String id = meeting.substring(meeting.lastIndexOf('/') + 1);

		String api = "/api/v1/governance/meetings/" + id;
		await().atMost(Duration.ofSeconds(20)).until(() -> mvc.get().uri(api).with(as("agent.cd")).exchange().getResponse()
			.getContentAsString().contains("\"href\""));
		String json = mvc.get().uri(api).with(as("gestion.aca")).exchange().getResponse().getContentAsString();
		assertThat(json).contains("\"committee\":\"EVALUATION\"", "\"sinceMeetingOn\":\"2026-09-15\"",
				"\"from\":\"2026-09-15\"", "\"to\":\"2026-11-28\"", "\"href\":\"" + api + "/pack.pdf\"");
		assertThat(mvc.get().uri(api).with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/governance/meetings/999999").with(as("agent.cd"))).hasStatus(HttpStatus.NOT_FOUND);

		// Days later, before convoking, the Département asks for the pack again: today's figures replace it.
		clock.set("2026-12-10T09:00:00Z");
		assertThat(post(meeting + "/dossier", "agent.aca")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(meeting + "/dossier", "agent.cd")).hasStatus(HttpStatus.FOUND);
		await().atMost(Duration.ofSeconds(20)).until(() -> mvc.get().uri(api).with(as("agent.cd")).exchange().getResponse()
			.getContentAsString().contains("\"to\":\"2026-12-10\""));

		var file = mvc.get().uri(api + "/pack.pdf").with(as("agent.aca")).exchange();
		assertThat(file).hasStatusOk().hasContentType("application/pdf");
		String pack = pdfText(file.getResponse().getContentAsByteArray());
		assertThat(pack).contains("Comité d'évaluation", "depuis la réunion précédente du comité, le 15/09/2026",
				"Utilisation des équipements : inventaire par établissement", "0359901X", "BORNES_WIFI",
				"Équité au regard du référentiel", "Borne wifi par bâtiment");
		assertThat(mvc.get().uri(meeting + "/dossier.pdf").with(as("agent.cd"))).hasStatusOk().hasContentType("application/pdf");
		assertThat(mvc.get().uri(meeting + "/dossier.pdf").with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(meeting).with(as("agent.aca")).exchange().getResponse().getContentAsString())
			.contains("id=\"pack-link\"", "depuis la réunion précédente du comité, du 15/09/2026 au 10/12/2026")
			.doesNotContain("id=\"request-pack\"");
		assertThat(mvc.get().uri(meeting).with(as("agent.cd")).exchange().getResponse().getContentAsString()).contains("id=\"request-pack\"");
		assertThat(mvc.get().uri(meeting).with(as("college")).exchange().getResponse().getContentAsString())
			.doesNotContain("pack-link").contains("envoyé aux membres avec la convocation");

		assertThat(post(meeting + "/convocation", "agent.cd")).hasStatus(HttpStatus.FOUND);
		await().atMost(Duration.ofSeconds(15)).until(() -> !received("Convocation : Comité d'évaluation").isEmpty());
		MimeMessage mail = received("Convocation : Comité d'évaluation").get(0);
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		BodyPart joined = attachment(parts, "dossier-evaluation-2027-01-20.pdf");
		assertThat(joined.getContentType()).startsWith("application/pdf");
		assertThat(joined.getInputStream().readAllBytes()).isEqualTo(file.getResponse().getContentAsByteArray());
		assertThat(attachment(parts, "convocation.ics")).isNotNull();
		assertThat(plainText(parts)).contains("Le dossier de séance (15 septembre 2026 – 10 décembre 2026) est joint",
				"/gouvernance/reunions/" + id);
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
		}
	}

	private static String plainText(MimeMultipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType("text/plain") && part.getFileName() == null) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof MimeMultipart nested) {
				String text = plainText(nested);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static BodyPart attachment(MimeMultipart multipart, String filename) throws Exception {
		return TestSmtp.attachment(multipart, filename);
	}

	/**
	 * The daily run, as if the test clock's days had passed: the job holds its ShedLock five minutes after it ends
	 * (lockAtLeastFor, in real time), which would skip the next call; once a day comes from the reminders kept.
	 */
	private void runReminders() {
		// Expired rather than deleted: ShedLock remembers the row it inserted and only updates it afterwards.
		jdbc.sql("update shedlock set lock_until = ? where name = 'governance-lifecycle-reminders'")
			.param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).update();
		reminders.sendDueReminders();
	}

	@Test
	void eachLifecycleReminderIsMailedOnceOnItsDay() {
		assertThat(post("/gouvernance/comites/membres", "agent.cd", "committee", "EXPLOITATION", "name", "Rappel Un",
				"email", "rappel.un@ille-et-vilaine.fr", "party", "CD")).hasStatus(HttpStatus.FOUND);
		String window = "Ouverture de la fenêtre de renouvellement";

		clock.set("2026-06-30T08:00:00Z");
		runReminders();
		clock.set("2026-07-01T05:00:00Z");
		runReminders();
		runReminders(); // the same day again: nothing more
		await().atMost(Duration.ofSeconds(15)).until(() -> received(window).size() >= 1);

		// a few days later, and the next fixed point (three months before the end)
		clock.set("2026-07-05T08:00:00Z");
		runReminders();
		clock.set("2026-10-01T08:00:00Z");
		runReminders();
		await().atMost(Duration.ofSeconds(15)).until(() -> received("prend fin dans 3 mois").size() >= 1);

		// down for the 1-month point: only the latest due reminder (15 days) goes out, the older one is superseded
		clock.set("2026-12-20T08:00:00Z");
		runReminders();
		await().atMost(Duration.ofSeconds(15)).until(() -> received("prend fin dans 15 jours").size() >= 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);

		// GreenMail keeps one copy per recipient: count mails by their Message-ID
		assertThat(sent(window)).isEqualTo(1);
		assertThat(sent("prend fin dans 3 mois")).isEqualTo(1);
		assertThat(sent("prend fin dans 1 mois")).isZero();
		assertThat(sent("prend fin dans 15 jours")).isEqualTo(1);
		assertThat(received("prend fin dans 15 jours")).extracting(m -> m.getHeader("To", ","))
			.allSatisfy(to -> assertThat(to).contains("rappel.un@ille-et-vilaine.fr"));
		assertThat(jdbc.sql("select outcome from gov_reminder_sent order by reminder_on").query(String.class).list())
			.containsExactly("SENT", "SENT", "SUPERSEDED", "SENT");

		// after the end, nothing is sent
		clock.set("2027-01-02T08:00:00Z");
		runReminders();
		assertThat(jdbc.sql("select count(*) from gov_reminder_sent").query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aNoticeReceivedOnThe31stAndAPaymentAreRecordedFromThePages() throws Exception {
		var notice = post("/gouvernance/preavis", "agent.aca", "receivedOn", "2026-01-31", "sender", "ACA", "reason",
				"Réorganisation des services");
		assertThat(notice).hasStatus(HttpStatus.FOUND);
		String page = mvc.get().uri("/gouvernance").with(as("college")).exchange()
			.getResponse().getContentAsString();
		assertThat(page).contains("31/01/2026").contains("31/01/2027").contains("Après la fin de la convention")
			.contains("Réorganisation des services");
		assertThat(mvc.get().uri("/gouvernance/bandeau").with(as("college")).exchange()
			.getResponse().getContentAsString()).contains("Préavis de ACA reçu le 31/01/2026 : prend effet le 31/01/2027.");

		assertThat(post("/gouvernance/contribution-ent/2026/paiement", "finances", "paidOn", "2026-12-01")
			.getResponse().getContentAsString()).contains("id=\"paidOn-error-2026\"").contains("futur");
		assertThat(post("/gouvernance/contribution-ent/2026/paiement", "finances", "paidOn", "2026-05-12", "reference",
				"Mandat 2026-0412")).hasStatus(HttpStatus.FOUND);
		String schedule = mvc.get().uri("/gouvernance/contribution-ent").with(as("agent.cd"))
			.exchange().getResponse().getContentAsString();
		assertThat(schedule).contains("Payée le 12/05/2026").contains("Mandat 2026-0412");
		// 2025 was due by 30 June 2025 and is not recorded as paid
		assertThat(schedule).contains("Calculée, échéance dépassée");
	}
}
