package org.entente.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.entente.MailTest;
import org.entente.TestSmtp;
import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * Communication of a policy version over a real SMTP server (GreenMail): publishing the naming rules (CD) mails every
 * collège's accounts and the Académie's agents (the row names ACA for the administrative workstations), never the
 * publisher's own party, with a notice in the application; a week later the collèges that have not acknowledged get
 * one reminder, the others none.
 */
@MailTest(database = "policy_mail_test")
class PolicyMailTests {

	static final GreenMailExtension greenMail = MailTest.Smtp.of(PolicyMailTests.class);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PolicyReminders reminders;

	@Autowired
	MessageSource messages;

	private static List<MimeMessage> to(String address, String subjectPart) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))
						&& TestSmtp.subject(m).contains(subjectPart);
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toList();
	}

	@Test
	void publishingNotifiesTheCollegesAndTheOtherPartyThenRemindsThoseThatHaveNotAcknowledged() throws Exception {
		MvcTestResult r = mvc.post().uri("/api/v1/policies/NOMMAGE/versions").with(as("agent.cd")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"Règles de nommage 2026","summary":"Préfixe OBJ pour les objets connectés","effectiveOn":"2026-09-01","link":"https://exemple.ille-et-vilaine.fr/nommage.pdf"}""")
			.exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		int number = JsonPath.read(r.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.number");
		String subject = "Nommage (postes, prises, périphériques) : version " + number + " publiée";
		await().atMost(Duration.ofSeconds(20)).until(() -> to("college@demo.entente.invalid", subject).size() == 1
				&& to("college2@demo.entente.invalid", subject).size() == 1 && to("agent.aca@demo.entente.invalid", subject).size() == 1);
		String text = (String) to("college@demo.entente.invalid", subject).get(0).getContent();
		assertThat(text).contains("Conseil Départemental d'Ille-et-Vilaine (CD) a publié", "Préfixe OBJ", "Applicable le 01/09/2026")
			.contains("/politiques/NOMMAGE");
		assertThat(to("agent.cd@demo.entente.invalid", subject)).isEmpty();
		// One mail per address: a collège does not see the others' addresses.
		assertThat(to("college@demo.entente.invalid", subject).get(0).getAllRecipients()).hasSize(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from in_app_notification where recipient = 'college' and link = '/politiques/NOMMAGE'")
			.query(Integer.class).single() == 1);

		// The notice keeps its words: French gives its stored title, English has no French frame.
		StoredTexts texts = new StoredTexts(messages);
		var notice = jdbc.sql("select title, title_words from in_app_notification where recipient = 'college' and link = '/politiques/NOMMAGE'")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
		assertThat(texts.french(StoredText.parse(notice.get(1)))).isEqualTo(notice.get(0)).contains(subject);
		assertThat(texts.render(StoredText.parse(notice.get(1)), Locale.ENGLISH)).endsWith(": version " + number + " published");
		assertThat(mvc.post().uri("/api/v1/policies/NOMMAGE/versions/" + number + "/acknowledgements").with(as("college2")).exchange())
			.hasStatus(HttpStatus.CREATED);
		assertThat(reminders.remind(Instant.now())).isZero();
		int sent = reminders.remind(Instant.now().plus(Duration.ofDays(8)));
		assertThat(sent).isPositive();
		assertThat(reminders.remind(Instant.now().plus(Duration.ofDays(9)))).isZero();
		String reminder = "Rappel : accuser réception de « Nommage";
		await().atMost(Duration.ofSeconds(20)).until(() -> to("college@demo.entente.invalid", reminder).size() == 1);
		assertThat(to("college2@demo.entente.invalid", reminder)).isEmpty();
		var reminded = jdbc.sql("select title, title_words from in_app_notification where recipient = 'college' and title like '%Rappel%'")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
		assertThat(texts.french(StoredText.parse(reminded.get(1)))).isEqualTo(reminded.get(0));
		assertThat(texts.render(StoredText.parse(reminded.get(1)), Locale.ENGLISH)).startsWith("[Entente] Reminder: acknowledge receipt of “Nommage")
			.doesNotContain("Rappel", "accuser");
	}
}
