package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.entente.security.internal.SecurityTestSupport.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.entente.EntenteTest;
import org.entente.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Personal-data breaches: the 48-hour clock in elapsed hours, the 72-hour CNIL information, notification, register, access. */
@EntenteTest
class BreachApiTests {

	static final Set<Role> READERS = EnumSet.of(Role.DPO, Role.RSSI, Role.ADMIN);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BreachWatcher watcher;

	MvcTestResult record(String user, String json) {
		return mvc.post().uri("/api/v1/security/breaches").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static String breach(String awareAt) {
		return """
				{"awareAt":"%s","nature":"%s","people":120,"records":450,"categories":"élèves : nom, prénom, classe",
				 "consequences":"hameçonnage ciblé des familles","measures":"mots de passe réinitialisés","contact":"dpo@ille-et-vilaine.fr"}"""
			.formatted(awareAt, unique("Export de l'annuaire envoyé à une mauvaise adresse"));
	}

	long recorded(String awareAt) {
		MvcTestResult r = record("dpd", breach(awareAt));
		assertThat(r).as(content(r)).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(content(r), "$.id")).longValue();
	}

	static String recent(Duration ago) {
		return Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString();
	}

	@Test
	void fortyEightElapsedHoursAcrossTheAutumnClockChange() {
		// 24 October 2026 noon (summer time) + 48 h = 26 October 11:00 (winter time): calendar hours, not wall-clock.
		MvcTestResult r = record("dpd", breach("2026-10-24T12:00:00+02:00"));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.awareAt").isEqualTo("2026-10-24T12:00:00+02:00");
		assertThat(r).bodyJson().extractingPath("$.notifyAcademyBy").isEqualTo("2026-10-26T11:00:00+01:00");
		assertThat(r).bodyJson().extractingPath("$.notifyCnilBy").isEqualTo("2026-10-27T11:00:00+01:00");
		assertThat(r).bodyJson().extractingPath("$.notifiedAt").isNull();
		assertThat(r).bodyJson().extractingPath("$.late").isEqualTo(true);
		assertThat(r).bodyJson().extractingPath("$.academyAddress").isEqualTo("dpd@ac-rennes.fr");
		assertThat(r).bodyJson().extractingPath("$.clause").asString().contains("6. Notification des violations");
	}

	@Test
	void fortyEightElapsedHoursAcrossTheSpringClockChangeAndAWeekend() {
		// Saturday 28 March 2026 noon (winter time) + 48 h = Monday 30 March 13:00 (summer time).
		MvcTestResult r = record("rssi", breach("2026-03-28T12:00:00+01:00"));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.notifyAcademyBy").isEqualTo("2026-03-30T13:00:00+02:00");
		assertThat(r).bodyJson().extractingPath("$.notifyCnilBy").isEqualTo("2026-03-31T13:00:00+02:00");
	}

	@Test
	void aRecentBreachIsNotLateAndItsClockRuns() {
		MvcTestResult r = record("dpd", breach(recent(Duration.ofHours(2))));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.late").isEqualTo(false);
		assertThat(r).bodyJson().extractingPath("$.notifiedAt").isNull();
		long elapsed = ((Number) JsonPath.read(content(r), "$.elapsedMinutes")).longValue();
		long remaining = ((Number) JsonPath.read(content(r), "$.remainingMinutes")).longValue();
		assertThat(elapsed).isBetween(119L, 125L);
		assertThat(remaining).isBetween(46 * 60L - 5, 46 * 60L);
		// instants in Europe/Paris: +01:00 in winter, +02:00 in summer
		assertThat((String) JsonPath.read(content(r), "$.awareAt")).matches(".*\\+0[12]:00");
	}

	@Test
	void badInputNamesTheFieldAndWritesNothing() {
		long before = jdbc.sql("select count(*) from security_breach").query(Long.class).single();
		MvcTestResult r = record("dpd", "{\"awareAt\":\"hier\",\"people\":-3,\"records\":\"beaucoup\",\"incidentId\":0}");
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		List<String> fields = JsonPath.read(content(r), "$.errors[*].field");
		assertThat(fields).containsExactlyInAnyOrder("awareAt", "nature", "people", "records", "incidentId");
		MvcTestResult future = record("dpd", breach(OffsetDateTime.now().plusDays(2).toString()));
		assertThat(future).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("awareAt");
		MvcTestResult unknown = record("dpd", breach(recent(Duration.ofHours(1))).replace("{", "{\"incidentId\":987654321,"));
		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("incidentId");
		assertThat(jdbc.sql("select count(*) from security_breach").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyDposRssiAndAdministratorsReadBreaches() {
		long id = recorded(recent(Duration.ofHours(1)));
		assertThat(ACCOUNTS.keySet()).containsExactlyInAnyOrder(Role.values());
		for (Role role : Role.values()) {
			String user = ACCOUNTS.get(role);
			MvcTestResult one = mvc.get().uri("/api/v1/security/breaches/" + id).with(as(user)).exchange();
			MvcTestResult list = mvc.get().uri("/api/v1/security/breaches").with(as(user)).exchange();
			MvcTestResult csv = mvc.get().uri("/api/v1/security/breaches?format=csv").with(as(user)).exchange();
			if (READERS.contains(role)) {
				assertThat(one).as(role.name()).hasStatusOk();
				assertThat(list).as(role.name()).hasStatusOk();
				assertThat(csv).as(role.name()).hasStatusOk();
			}
			else {
				assertThat(one).as(role.name()).hasStatus(HttpStatus.NOT_FOUND);
				assertThat(list).as(role.name()).hasStatus(HttpStatus.FORBIDDEN);
				assertThat(csv).as(role.name()).hasStatus(HttpStatus.FORBIDDEN);
			}
			HttpStatus create = role == Role.DPO || role == Role.RSSI ? HttpStatus.CREATED : HttpStatus.FORBIDDEN;
			assertThat(record(user, breach(recent(Duration.ofHours(1))))).as(role.name()).hasStatus(create);
			HttpStatus notify = role == Role.DPO ? HttpStatus.OK : READERS.contains(role) ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
			if (role != Role.DPO) {
				assertThat(notify(user, id, null)).as(role.name()).hasStatus(notify);
			}
		}
		assertThat(notify("dpd", id, null)).hasStatusOk();
	}

	@Test
	void theDpoNotifiesWithAttachmentsOnceAndTheMomentIsKept() {
		long id = recorded(recent(Duration.ofHours(3)));
		MockMultipartFile file = new MockMultipartFile("files", "chronologie.pdf", "application/pdf", "%PDF-1.4 chronologie".getBytes(StandardCharsets.UTF_8));
		MvcTestResult r = mvc.post().uri("/api/v1/security/breaches/" + id + "/notification").with(as("dpd")).multipart().file(file).exchange();
		assertThat(r).as(content(r)).hasStatusOk();
		assertThat(r).bodyJson().extractingPath("$.notifiedAt").isNotNull();
		assertThat(r).bodyJson().extractingPath("$.late").isEqualTo(false);
		assertThat(r).bodyJson().extractingPath("$.notifiedBy").isEqualTo("dpd");
		assertThat(r).bodyJson().extractingPath("$.attachments[0].filename").isEqualTo("chronologie.pdf");
		assertThat(notify("dpd", id, null)).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri("/api/v1/security/breaches/" + id).with(as("admin"))).bodyJson()
			.extractingPath("$.notifiedAt").isEqualTo(JsonPath.read(content(r), "$.notifiedAt"));
	}

	@Test
	void aLateNotificationNeedsItsReasonAndStaysLate() {
		long id = recorded("2026-01-05T08:00:00+01:00");
		MvcTestResult noReason = notify("dpd", id, null);
		assertThat(noReason).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lateReason");
		assertThat(jdbc.sql("select count(*) from security_breach where id = :id and notified_at is null").param("id", id)
			.query(Long.class).single()).isEqualTo(1L);
		MvcTestResult late = notify("dpd", id, "Violation découverte dans un export ancien, signalée par l'éditeur le 8 janvier.");
		assertThat(late).hasStatusOk();
		assertThat(late).bodyJson().extractingPath("$.late").isEqualTo(true);
		assertThat(late).bodyJson().extractingPath("$.lateReason").asString().contains("éditeur");
		MvcTestResult register = mvc.get().uri("/api/v1/security/breaches?size=500").with(as("rssi")).exchange();
		List<Boolean> lates = JsonPath.read(content(register), "$.items[?(@.id == " + id + ")].late");
		assertThat(lates).containsExactly(true);
	}

	@Test
	void remindersAt24And40HoursGoOutOnceEach() {
		Instant aware = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
		long id = recorded(aware.atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString());
		watcher.remind(aware.plus(Duration.ofHours(23)));
		assertThat(reminders(id)).isEmpty();
		watcher.remind(aware.plus(Duration.ofHours(24)).plusSeconds(60));
		assertThat(reminders(id)).containsExactly(24);
		watcher.remind(aware.plus(Duration.ofHours(25)));
		assertThat(reminders(id)).containsExactly(24);
		watcher.remind(aware.plus(Duration.ofHours(40)).plusSeconds(1));
		assertThat(reminders(id)).containsExactly(24, 40);
		// a notified breach gets no reminder
		long notified = recorded(aware.atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString());
		assertThat(notify("dpd", notified, null)).hasStatusOk();
		watcher.remind(aware.plus(Duration.ofHours(41)));
		assertThat(reminders(notified)).isEmpty();
	}

	@Test
	void theRegisterExportsAsCsvAndXlsx() throws Exception {
		long id = recorded(recent(Duration.ofHours(1)));
		MvcTestResult csv = mvc.get().uri("/api/v1/security/breaches?format=csv").with(as("dpd")).exchange();
		assertThat(csv).hasStatusOk();
		String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFn°;incident;prise de connaissance");
		assertThat(text).contains("\r\n" + id + ";;");
		MvcTestResult xlsx = mvc.get().uri("/api/v1/security/breaches?format=xlsx").with(as("admin")).exchange();
		assertThat(xlsx).hasStatusOk();
		byte[] bytes = xlsx.getResponse().getContentAsByteArray();
		assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
		assertThat(xlsx.getResponse().getHeader("Content-Disposition")).contains("registre-violations.xlsx");
		assertThat(mvc.get().uri("/api/v1/security/breaches?format=pdf").with(as("dpd"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.parameter").isEqualTo("format");
	}

	@Test
	void aBreachQualifiedFromAnIncidentStartsItsClock() {
		long incident = reported(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", true, ""));
		MvcTestResult q = step(mvc, "rssi", incident, "{\"to\":\"QUALIFIED\",\"category\":\"DATA_LOSS\",\"severity\":\"HIGH\",\"personalDataBreach\":true,\"awareAt\":\""
				+ recent(Duration.ofMinutes(10)) + "\"}");
		assertThat(q).as(content(q)).hasStatusOk();
		Number breach = JsonPath.read(content(q), "$.breachId");
		assertThat(breach).isNotNull();
		assertThat(mvc.get().uri("/api/v1/security/breaches/" + breach).with(as("dpd"))).hasStatusOk()
			.bodyJson().extractingPath("$.incidentId").isEqualTo((int) incident);
	}

	private MvcTestResult notify(String user, long id, String reason) {
		var req = mvc.post().uri("/api/v1/security/breaches/" + id + "/notification").with(as(user));
		return reason == null ? req.exchange() : req.param("lateReason", reason).exchange();
	}

	private List<Integer> reminders(long id) {
		return jdbc.sql("select after_minutes / 60 from security_breach_reminder where breach_id = :id order by after_minutes")
			.param("id", id).query(Integer.class).list();
	}
}
