package org.entente.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.entente.MailTest;
import org.entente.TestSmtp;
import org.entente.worktime.WorkTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The monthly statistics through a real SMTP server (GreenMail): on the first working day of a month the job
 * produces the previous month's and mails the convention file's recipients a PDF and an XLSX, once; a re-run keeps
 * both productions; the files answer by API.
 */
@MailTest(database = "reporting_mail_test")
@org.springframework.test.context.TestPropertySource(properties = "entente.reporting.monthly-cron=-")
class MonthlyStatisticsMailTests {

	static final GreenMailExtension greenMail = MailTest.Smtp.of(MonthlyStatisticsMailTests.class);

	@Autowired
	MonthlyStatisticsJob job;

	@Autowired
	StatisticsStore store;

	@Autowired
	WorkTime workTime;

	@Autowired
	MockMvcTester mvc;

	List<MimeMessage> received() {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> TestSmtp.subject(m).startsWith("Statistiques de l'assistance")).toList();
	}

	/**
	 * PostgreSQL only for now: on H2 the event publication registry's own schema (Spring Modulith's schema-h2.sql)
	 * holds a serialised event in VARCHAR(4000), and a mail with a PDF and an XLSX is larger; the platform's schema
	 * must widen it (reported to the lead).
	 */
	@Test
	void theFirstWorkingDayMailsLastMonthsStatisticsWithThePdfAndTheXlsxOnce() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(String.valueOf(System.getenv("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql"),
				"H2 : le registre des événements tient 4000 caractères par événement");
		// A past month not produced yet (the database may be kept between runs).
		YearMonth month = YearMonth.now(workTime.calendar().zone());
		while (!store.all(month.minusMonths(1).toString()).isEmpty()) {
			month = month.minusMonths(1);
		}
		LocalDate first = month.atDay(1);
		while (!workTime.calendar().isWorkingDay(first)) {
			first = first.plusDays(1);
		}
		String last = month.minusMonths(1).toString();
		assertThat(job.runOn(first.plusDays(first.getDayOfWeek().getValue() >= 5 ? 3 : 1))).as("not the first working day").isFalse();
		assertThat(job.runOn(first)).isTrue();

		await().atMost(Duration.ofSeconds(20)).until(() -> received().stream().filter(m -> TestSmtp.subject(m).contains(StatisticsFiles.monthName(last))).count() == 2);
		MimeMessage mail = received().stream().filter(m -> TestSmtp.subject(m).contains(StatisticsFiles.monthName(last))).findFirst().orElseThrow();
		assertThat(Arrays.stream(greenMail.getReceivedMessages()).flatMap(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).distinct()).contains("statistiques-assistance@departement.example", "pilotage-dsii@academie.example");
		BodyPart pdf = attachment((MimeMultipart) mail.getContent(), "statistiques-" + last + ".pdf");
		assertThat(pdf.getContentType()).startsWith("application/pdf");
		assertThat(new String(pdf.getInputStream().readNBytes(5))).isEqualTo("%PDF-");
		BodyPart xlsx = attachment((MimeMultipart) mail.getContent(), "statistiques-" + last + ".xlsx");
		assertThat(xlsx.getContentType()).startsWith(StatisticsFiles.XLSX);
		byte[] workbook = xlsx.getInputStream().readAllBytes();
		assertThat(new String(workbook, 0, 2)).isEqualTo("PK");
		assertThat(new String(workbook, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("xl/worksheets/sheet1.xml")
			.contains("xl/worksheets/sheet4.xml");
		assertThat(store.all(last)).hasSize(1);

		// Once: the same day again produces and mails nothing more.
		assertThat(job.runOn(first)).isFalse();
		assertThat(store.all(last)).hasSize(1);

		// A re-run asked for keeps both productions; the closed month's figures are the latest production's.
		assertThat(mvc.post().uri("/api/v1/reporting/monthly/" + last + "/productions?again=true").with(as("agent.cd")))
			.hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.created").isEqualTo(true);
		assertThat(store.all(last)).hasSize(2);
		assertThat(mvc.post().uri("/api/v1/reporting/monthly/" + last + "/productions").with(as("agent.cd")))
			.hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(false);
		assertThat(mvc.post().uri("/api/v1/reporting/monthly/" + YearMonth.now(workTime.calendar().zone()) + "/productions").with(as("agent.cd")))
			.hasStatus(HttpStatus.CONFLICT);

		// The files by API.
		var file = mvc.get().uri("/api/v1/reporting/monthly/" + last + ".pdf").with(as("agent.aca")).exchange();
		assertThat(file).hasStatusOk().hasContentType("application/pdf");
		assertThat(new String(file.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
		assertThat(mvc.get().uri("/api/v1/reporting/monthly/" + last + ".xlsx").with(as("admin"))).hasStatusOk()
			.hasContentType(StatisticsFiles.XLSX);
		assertThat(mvc.get().uri("/api/v1/reporting/monthly/2026-13.xlsx").with(as("admin"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.parameter").isEqualTo("month");
		assertThat(mvc.get().uri("/api/v1/reporting/monthly/" + last + ".pdf").with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private static BodyPart attachment(MimeMultipart multipart, String filename) throws Exception {
		return TestSmtp.attachment(multipart, filename);
	}
}
