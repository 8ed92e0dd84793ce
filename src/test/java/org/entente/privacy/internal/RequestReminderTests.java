package org.entente.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.entente.EntenteTest;
import org.entente.notification.InAppNotifications;
import org.entente.privacy.SubjectRequestReminder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

/** Reminders 7 and 2 days before a request's deadline, once each, to the DPO accounts and the receiving officer. */
@EntenteTest
class RequestReminderTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RequestReminderJob job;

	@Autowired
	InAppNotifications notices;

	@Autowired
	JdbcClient jdbc;

	long request(String receivedAt, String by) {
		String body = new String(mvc.post().uri("/api/v1/privacy/requests").with(as("dpo")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"ACCESS\",\"receivedAt\":\"" + receivedAt + "\",\"receivedBy\":\"" + by + "\"}").exchange()
			.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	List<SubjectRequestReminder> remind(LocalDate on, long id) {
		return job.remind(on).stream().filter(r -> r.requestId() == id).toList();
	}

	@Test
	void sevenThenTwoDaysBeforeOnceEachToTheDposAndTheReceivingOfficer() {
		long id = request("2025-01-20", "CD");
		LocalDate due = LocalDate.of(2025, 2, 20);
		assertThat(remind(due.minusDays(8), id)).isEmpty();
		List<SubjectRequestReminder> first = remind(due.minusDays(7), id);
		assertThat(first).singleElement().satisfies(r -> {
			assertThat(r.daysBefore()).isEqualTo(7);
			assertThat(r.dueBy()).isEqualTo(due);
			assertThat(r.officerEmail()).isEqualTo("dpo@ille-et-vilaine.fr");
		});
		assertThat(remind(due.minusDays(7), id)).as("not twice").isEmpty();
		assertThat(remind(due.minusDays(5), id)).isEmpty();
		assertThat(remind(due.minusDays(2), id)).singleElement().extracting(SubjectRequestReminder::daysBefore).isEqualTo(2);
		assertThat(remind(due.minusDays(1), id)).isEmpty();
		assertThat(remind(due.plusDays(1), id)).as("past the deadline").isEmpty();

		SubjectRequestReminder r = first.get(0);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(notices.latest("dpo", 200)).anySatisfy(n -> {
				assertThat(n.title()).isEqualTo(r.title()).contains("n° " + id, "2025-02-20");
				assertThat(n.link()).isEqualTo("/donnees-personnelles/demandes#demande-" + id);
			});
			assertThat(jdbc.sql("select recipients from mail_delivery where id = ?").param(r.id()).query(String.class).list())
				.containsExactly("dpo@ille-et-vilaine.fr");
		});
	}

	@Test
	void theExtendedDeadlineGetsItsOwnRemindersAndAMissedDayIsCaughtUpOnce() {
		long id = request("2025-03-10", "ACA");
		assertThat(remind(LocalDate.of(2025, 4, 3), id)).singleElement().satisfies(r -> {
			assertThat(r.daysBefore()).isEqualTo(7);
			assertThat(r.officerEmail()).isEqualTo("dpd@ac-rennes.fr");
		});
		mvc.post().uri("/api/v1/privacy/requests/" + id + "/extension").with(as("dpo")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Demande complexe\"}").exchange();
		LocalDate extended = LocalDate.of(2025, 6, 10);
		assertThat(remind(LocalDate.of(2025, 4, 8), id)).as("the old deadline no longer counts").isEmpty();
		// The job did not run between D-7 and D-1: one reminder (the nearest), then nothing more.
		assertThat(remind(extended.minusDays(1), id)).singleElement().satisfies(r -> {
			assertThat(r.daysBefore()).isEqualTo(1);
			assertThat(r.dueBy()).isEqualTo(extended);
		});
		assertThat(remind(extended, id)).isEmpty();
	}

	@Test
	void anAnsweredRequestIsNotReminded() {
		long id = request("2025-05-05", "CD");
		mvc.post().uri("/api/v1/privacy/requests/" + id + "/answer").with(as("dpo")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"Réponse envoyée.\"}").exchange();
		assertThat(remind(LocalDate.of(2025, 6, 3), id)).isEmpty();
	}
}
