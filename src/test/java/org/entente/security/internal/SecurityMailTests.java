package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;
import static org.entente.security.internal.SecurityTestSupport.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.entente.MailTest;
import org.entente.TestSmtp;
import org.entente.convention.ConventionFixtures;
import org.entente.convention.Conventions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * Mails over a real SMTP server (GreenMail): a CD-handled incident informs rssi@ac-rennes.fr, its closure tells what
 * followed, a breach notification reaches dpd@ac-rennes.fr with its attachment; then an amendment moves Horus into
 * the Académie's perimeter and changes the CD's address, and the next decisions follow the file.
 */
@MailTest(database = "security_mail_test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityMailTests {

	static final GreenMailExtension greenMail = MailTest.Smtp.of(SecurityMailTests.class);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Conventions conventions;

	private List<MimeMessage> to(String address, String subjectPart) {
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

	private static String text(MimeMessage m) {
		try {
			Object content = m.getContent();
			return content instanceof String s ? s : GreenMailUtil.getBody(m);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	@Order(1)
	void aCdHandledIncidentInformsTheAcademysRssiAndThenWhatFollowed() {
		MvcTestResult r = report(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		long id = ((Number) JsonPath.read(content(r), "$.id")).longValue();
		String number = JsonPath.read(content(r), "$.number");
		await().atMost(Duration.ofSeconds(20)).until(() -> to("rssi@ac-rennes.fr", number).size() == 1);
		MimeMessage m = to("rssi@ac-rennes.fr", number).get(0);
		assertThat(text(m)).contains("incidents survenus").contains("Un message suspect");
		assertThat(to("dpo@ille-et-vilaine.fr", number)).isEmpty();
		step(mvc, "rssi", id, "{\"to\":\"QUALIFIED\",\"category\":\"PHISHING\",\"severity\":\"LOW\",\"personalDataBreach\":false}");
		step(mvc, "agent.cd", id, "{\"to\":\"CONTAINMENT\"}");
		step(mvc, "agent.cd", id, "{\"to\":\"INVESTIGATION\"}");
		step(mvc, "agent.cd", id, "{\"to\":\"REMEDIATION\",\"actions\":[{\"description\":\"Réinstaller le poste\",\"owner\":\"Prestataire\",\"dueDate\":\"2026-12-20\"}]}");
		assertThat(step(mvc, "agent.cd", id, "{\"to\":\"CLOSED\",\"lessonsLearned\":\"Former le personnel au hameçonnage.\"}")).hasStatusOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> to("rssi@ac-rennes.fr", number).size() == 2);
		assertThat(to("rssi@ac-rennes.fr", number).stream().map(SecurityMailTests::text))
			.anyMatch(b -> b.contains("Suites données") && b.contains("Former le personnel au hameçonnage.") && b.contains("Réinstaller le poste"));
	}

	@Test
	@Order(2)
	void aBreachNotificationReachesTheAcademysDpdWithItsAttachment() throws Exception {
		String aware = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("Europe/Paris"))
			.toOffsetDateTime().toString();
		MvcTestResult r = mvc.post().uri("/api/v1/security/breaches").with(as("dpd")).contentType("application/json")
			.content("{\"awareAt\":\"" + aware + "\",\"nature\":\"Clé USB perdue avec les listes de classes\",\"people\":300}").exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		long id = ((Number) JsonPath.read(content(r), "$.id")).longValue();
		MockMultipartFile file = new MockMultipartFile("files", "constat.txt", "text/plain", "Constat du 1er décembre".getBytes(StandardCharsets.UTF_8));
		assertThat(mvc.post().uri("/api/v1/security/breaches/" + id + "/notification").with(as("dpd")).multipart().file(file))
			.hasStatusOk();
		String subject = "violation de données à caractère personnel n° " + id;
		await().atMost(Duration.ofSeconds(20)).until(() -> to("dpd@ac-rennes.fr", subject).size() == 1);
		MimeMessage m = to("dpd@ac-rennes.fr", subject).get(0);
		MimeMultipart multipart = (MimeMultipart) m.getContent();
		boolean attached = false;
		String text = "";
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				attached = "constat.txt".equals(part.getFileName())
						&& new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8).equals("Constat du 1er décembre");
			}
			else {
				text += GreenMailUtil.getBody(part);
			}
		}
		assertThat(attached).isTrue();
		assertThat(text).contains("Cl=C3=A9 USB perdue", "300");
	}

	@Test
	@Order(3)
	void anAmendmentMovesHorusAndChangesTheAddressAndTheNextDecisionsFollowIt() {
		MvcTestResult before = report(mvc, "college", incident(COLLEGE, "SERVEUR_HORUS", false, ""));
		assertThat(before).bodyJson().extractingPath("$.pointsToClarify[0].id").isEqualTo("PAC-SSI-1");
		String amended = ConventionFixtures.seedText()
			.replace("version: \"1\"", "version: \"1-avenant-ssi\"")
			.replace("components: [STATIONS_ADMINISTRATIVES, TOUTATICE_PORTAIL,", "components: [SERVEUR_HORUS, RESEAU_ADMINISTRATIF, STATIONS_ADMINISTRATIVES, TOUTATICE_PORTAIL,")
			.replace("    - components: [SERVEUR_HORUS, RESEAU_ADMINISTRATIF]\n", "    - components: []\n")
			.replace("{ party: ACA, email: rssi@ac-rennes.fr, on: REPORTED,", "{ party: ACA, email: ssi@ac-rennes.fr, on: REPORTED,");
		conventions.upload("avenant-ssi.yaml", amended.getBytes(StandardCharsets.UTF_8), "admin");
		MvcTestResult horus = report(mvc, "college", incident(COLLEGE, "SERVEUR_HORUS", false, ""));
		assertThat(horus).as(content(horus)).hasStatus(HttpStatus.CREATED);
		assertThat(horus).bodyJson().extractingPath("$.pointsToClarify").asArray().isEmpty();
		assertThat(horus).bodyJson().extractingPath("$.handledBy").isEqualTo("ACA");
		assertThat(horus).bodyJson().extractingPath("$.conventionVersion").isEqualTo("1-avenant-ssi");
		MvcTestResult cd = report(mvc, "college", incident(COLLEGE, "STATIONS_PEDAGOGIQUES", false, ""));
		List<String> addresses = JsonPath.read(content(cd), "$.inform[?(@.due == 'REPORTED')].address");
		assertThat(addresses).containsExactlyInAnyOrder("ssi@ac-rennes.fr", "rssi@ac-rennes.fr");
		// the incident decided before keeps the version it applied
		long first = ((Number) JsonPath.read(content(before), "$.id")).longValue();
		assertThat(mvc.get().uri("/api/v1/security/incidents/" + first).with(as("rssi"))).bodyJson()
			.extractingPath("$.conventionVersion").isEqualTo("1");
	}
}
