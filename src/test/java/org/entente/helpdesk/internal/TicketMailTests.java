package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.entente.EntenteTest;
import org.entente.MailTest;
import org.entente.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The desk's mail through a real SMTP server (GreenMail on loopback), on a database of its own: a critical incident
 * is mutual information (every CD agent, every ACA agent and the collège's staff hear of each step, not the one who
 * did it), and closing sends the requester the satisfaction survey.
 */
@MailTest(database = "helpdesk_mail_test")
class TicketMailTests {

	static final String COLLEGE = "0359901X";

	static final String DEMO = "@demo.entente.invalid";

	static final GreenMailExtension greenMail = MailTest.Smtp.of(TicketMailTests.class);

	@Autowired
	MockMvcTester mvc;

	/** The distinct mails (GreenMail keeps one copy per recipient) whose subject contains all these parts. */
	private static List<MimeMessage> mails(String... subjectParts) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter(m -> Arrays.stream(subjectParts).allMatch(p -> TestSmtp.subject(m).contains(p)))
			.filter(distinctBy(TicketMailTests::messageId))
			.toList();
	}

	private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
		java.util.Set<Object> seen = new java.util.HashSet<>();
		return t -> seen.add(key.apply(t));
	}

	private static String messageId(MimeMessage m) {
		try {
			return m.getMessageID();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The one mail with these subject parts, once it has arrived. */
	private static MimeMessage awaitMail(String... subjectParts) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails(subjectParts).isEmpty());
		List<MimeMessage> found = mails(subjectParts);
		assertThat(found).as("un seul courriel pour %s", Arrays.toString(subjectParts)).hasSize(1);
		return found.get(0);
	}

	private static List<String> to(MimeMessage m) throws MessagingException {
		Address[] to = m.getRecipients(Message.RecipientType.TO);
		return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
	}

	/** How many mailboxes GreenMail delivered this mail to (it keeps one copy per recipient). */
	private static long copies(MimeMessage mail) {
		String id = messageId(mail);
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> id.equals(messageId(m))).count();
	}

	private static String text(MimeMessage m) throws Exception {
		assertThat(m.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
		return (String) m.getContent();
	}

	private MvcTestResult transition(String user, long id, String etag, String to) {
		MvcTestResult r = mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as(user))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"" + to + "\"}").exchange();
		assertThat(r).as(TicketApiTests.content(r)).hasStatusOk();
		return r;
	}

	@Test
	void aCriticalIncidentIsMailedToBothPartiesAndTheCollegeAtEachStepAndItsClosureAsksForTheRequestersOpinion()
			throws Exception {
		// Level 1 opens a critical incident (internet down) for the collège Les Chênes: routed to the CD.
		MvcTestResult opened = mvc.post().uri("/api/v1/tickets").with(as("niveau1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(TicketApiTests.body(COLLEGE, TicketApiTests.unique("Internet coupé"), "ADDUCTION_INTERNET", "REPAIR", ""))
			.exchange();
		assertThat(opened).as(TicketApiTests.content(opened)).hasStatus(HttpStatus.CREATED);
		assertThat(opened).bodyJson().extractingPath("$.criticality").isEqualTo("CRITICAL");
		assertThat(opened).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("CD");
		long id = ((Number) JsonPath.read(TicketApiTests.content(opened), "$.id")).longValue();
		String number = JsonPath.read(TicketApiTests.content(opened), "$.number");

		// Opening: every CD and ACA agent and the collège's staff; not level 1, who opened it, nor the other collège.
		MimeMessage created = awaitMail(number, "Nouveau ticket");
		assertThat(TestSmtp.subject(created)).isEqualTo("[Entente] " + number + " · Nouveau ticket, routé vers CD");
		assertThat(to(created)).containsExactlyInAnyOrder("agent.cd" + DEMO, "agent.aca" + DEMO, "college" + DEMO);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(copies(created)).isEqualTo(3));
		assertThat(text(created)).contains("Bonjour,", "Ticket " + number, "Établissement : " + COLLEGE,
				"Criticité : Critique", "Nouveau ticket, routé vers CD (par niveau1).", "/tickets/" + id,
				"Incident critique : le Département, l'Académie et le collège sont informés de chaque étape");

		// The CD takes it in charge: the Académie, the collège and the requester hear of it, not the CD agent.
		String etag = opened.getResponse().getHeader("ETag");
		etag = transition("agent.cd", id, etag, "TAKEN_IN_CHARGE").getResponse().getHeader("ETag");
		MimeMessage taken = awaitMail(number, "Pris en charge");
		assertThat(TestSmtp.subject(taken)).isEqualTo("[Entente] " + number + " · Pris en charge (diagnostic)");
		assertThat(to(taken)).containsExactlyInAnyOrder("agent.aca" + DEMO, "college" + DEMO, "niveau1" + DEMO);
		assertThat(text(taken)).contains("Pris en charge (diagnostic) (par agent.cd).", "statut : Pris en charge");

		// Resolved by the CD, then closed by the collège: the closing step, and the survey to the requester alone.
		etag = transition("agent.cd", id, etag, "RESOLVED").getResponse().getHeader("ETag");
		transition("college", id, etag, "CLOSED");
		MimeMessage closed = awaitMail(number, "· Clos");
		assertThat(to(closed)).containsExactlyInAnyOrder("agent.cd" + DEMO, "agent.aca" + DEMO, "niveau1" + DEMO);
		MimeMessage survey = awaitMail(number, "votre avis");
		assertThat(TestSmtp.subject(survey)).isEqualTo("[Entente] " + number + " · votre avis sur le traitement");
		assertThat(to(survey)).containsExactly("niveau1" + DEMO);
		assertThat(text(survey)).contains("Votre ticket " + number, "est clos", "une note de 1 à 5",
				"/tickets/" + id + "/satisfaction");

		// Each step was mailed once: opening, take-charge, resolution, closure, and the survey.
		assertThat(mails(number)).hasSize(5);
	}
}
