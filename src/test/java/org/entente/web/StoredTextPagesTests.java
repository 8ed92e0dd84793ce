package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entente.EntenteTest;
import org.entente.common.StoredText;
import org.entente.common.StoredTexts;
import org.entente.privacy.SubjectRequestReminder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

import com.jayway.jsonpath.JsonPath;

/**
 * Texts stored when something happens (a ticket's history, the notices, an incident's decision and default title) are
 * kept as message and arguments ({@link StoredText}) and read in the reader's language; French reads what it read
 * before, and a row written before (no kept words) shows its stored French. Same context as {@link EnglishPagesTests}.
 */
@EntenteTest
class StoredTextPagesTests {

	/** The French frame of the history lines and notices this test writes (not the convention's quoted clauses). */
	private static final List<String> FRENCH = List.of("Routage", "Dépannage", "Adduction", "Pris en charge",
			"En attente", "attente :", "Le collège", "Nouveau ticket", "routé vers", "Nouveau commentaire", " de « ");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Test
	void aTicketsHistoryAndItsNoticesAreReadInTheReadersLanguage() throws Exception {
		String title = "Historique " + UUID.randomUUID();
		var created = mvc.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
				{"establishment":"0359901X","title":"%s","description":"Plus d'image.","component":"ADDUCTION_INTERNET",
				 "intervention":"REPAIR"}""".formatted(title)).with(as("college")).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String body = created.getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		String number = JsonPath.read(body, "$.number");
		move(id, "{\"to\":\"TAKEN_IN_CHARGE\"}");
		move(id, "{\"to\":\"WAITING\",\"waitingReason\":\"COLLEGE\",\"reason\":\"photo du câble\"}");
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/comments").contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"Voici la photo.\"}").with(as("college"))).hasStatus(HttpStatus.CREATED);

		String french = history(page("/tickets/" + id, "admin"));
		String clause = JsonPath.read(body, "$.routing.clause");
		String english = history(page("/tickets/" + id + "?lang=en", "admin")).replace(clause, "(the clause)");
		// French: the lines as they were always written (the API's explanation, the status words, the reason).
		String explanation = JsonPath.read(body, "$.routing.explanation");
		assertThat(french).contains("Routage : " + explanation + " (", "Nouveau → Pris en charge (diagnostic)",
				"Pris en charge (diagnostic) → En attente — attente : Le collège — photo du câble");
		assertThat(english).contains("Routing: Repair of « Internet connection »: CD ((the clause)).", "New → Taken in charge (diagnosis)",
				"Taken in charge (diagnosis) → Waiting — waiting for: The collège — photo du câble");
		assertThat(leaks(english)).as("French words in the English history").isEmpty();

		// The agents' notices of this ticket: the opening and the collège's comment.
		String noticesFr = notices(page("/notifications", "agent.cd"), number);
		String noticesEn = notices(page("/notifications?lang=en", "agent.cd"), number);
		assertThat(noticesFr).contains(number + " · Nouveau ticket, routé vers CD", number + " · Nouveau commentaire de ");
		assertThat(noticesEn).contains(number + " · New ticket, routed to CD", number + " · New comment from ");
		assertThat(leaks(noticesEn)).as("French words in the English notices").isEmpty();
	}

	@Test
	void anIncidentsDecisionAndDefaultTitleAreReadInTheReadersLanguage() throws Exception {
		String given = "banque " + UUID.randomUUID().toString().substring(0, 8);
		var r = mvc.post().uri("/securite/signaler").with(as("college")).with(csrf()).param("kind", "message")
			.param("component", "STATIONS_PEDAGOGIQUES").param("title", given).param("description", "Un courriel demande le mot de passe.")
			.param("detectedAt", "2026-11-30T08:15").param("personalData", "nsp").param("minors", "non").exchange();
		assertThat(r).hasStatus(HttpStatus.FOUND);
		String incident = r.getResponse().getRedirectedUrl().replace("?signale", "");
		String french = page(incident, "rssi");
		String api = mvc.get().uri("/api/v1/security/incidents/" + incident.substring(incident.lastIndexOf('/') + 1)).with(as("rssi"))
			.exchange().getResponse().getContentAsString();
		// The clause is the convention's own French, quoted.
		String english = page(incident + "?lang=en", "rssi").replace(JsonPath.read(api, "$.clause"), "the clause");
		assertThat(element(french, "incident-title")).isEqualTo("Message suspect : " + given).isEqualTo(JsonPath.read(api, "$.title"));
		assertThat(element(french, "explanation")).isEqualTo(JsonPath.read(api, "$.explanation"))
			.contains("traité par Conseil Départemental d'Ille-et-Vilaine (CD), qui informe ");
		assertThat(element(english, "incident-title")).isEqualTo("Suspicious message: " + given);
		// The RSSI's notice of it.
		String number = JsonPath.read(api, "$.number");
		assertThat(page("/notifications", "rssi")).contains(">" + number + " · Nouvel incident de sécurité signalé<");
		assertThat(page("/notifications?lang=en", "rssi")).contains(">" + number + " · New security incident reported<")
			.doesNotContain(number + " · Nouvel incident");
		// Its history (« Signalé par … » and the decision) and the board's title column, in each language.
		String reporter = jdbc.sql("select display_name from account where username = 'college'").query(String.class).single();
		assertThat(timeline(french)).contains("Signalé par " + reporter + ". " + JsonPath.read(api, "$.explanation"));
		assertThat(timeline(english)).contains("Reported by " + reporter + ". « Teaching workstations (fixed or mobile) »: ")
			.doesNotContain("Signalé par", "traité par", "qui informe", "Ensemble du périmètre");
		assertThat(page("/securite/incidents", "rssi")).contains(number + " — Message suspect : " + given);
		assertThat(page("/securite/incidents?lang=en", "rssi")).contains(number + " — Suspicious message: " + given)
			.doesNotContain("Message suspect : " + given);
		assertThat(element(english, "explanation")).startsWith("« Teaching workstations (fixed or mobile) »: the whole perimeter, except ")
			.contains(" → handled by Ille-et-Vilaine Département council (CD), who informs ", " (the clause).")
			.doesNotContain("traité par", "qui informe", "ne tranche pas", "point à clarifier", "Conseil Départemental",
					"Ensemble du périmètre", "ensemble du périmètre", "des incidents survenus");
	}

	@Test
	void aRowWrittenBeforeItsWordsWereKeptShowsItsStoredText() throws Exception {
		var created = mvc.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
				{"establishment":"0359901X","title":"Ancien %s","description":"Plus d'image.","component":"VIDEOPROJECTEURS",
				 "intervention":"REPAIR"}""".formatted(UUID.randomUUID())).with(as("college")).exchange();
		long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
		Timestamp now = Timestamp.from(Instant.now());
		// A line of before V112 (no words), and one whose message a later release no longer has.
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, type, detail) values (?, ?, 'agent.cd', 'NOTE', 'Ligne d''avant : câble changé')")
			.params(id, now).update();
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, type, detail, detail_words) values (?, ?, 'agent.cd', 'NOTE', 'Message disparu', ?)")
			.params(id, now, StoredText.message("helpdesk.event.gone", "x").json()).update();
		String notice = "Avis d'avant V4 " + UUID.randomUUID();
		jdbc.sql("insert into in_app_notification (event_id, recipient, title, link, created_at) values (?, 'dpo', ?, '/', ?)")
			.params(UUID.randomUUID(), notice, now).update();
		String english = history(page("/tickets/" + id + "?lang=en", "admin"));
		assertThat(english).contains("Ligne d'avant : câble changé", "Message disparu", "Routing: ");
		assertThat(page("/notifications?lang=en", "dpo")).contains(">" + notice + "<");
	}

	/**
	 * French is unchanged: every line and notice written with its words (by this test and every other of the run on
	 * this database) renders in French to the very text stored with it.
	 */
	@Test
	void everyKeptTextGivesInFrenchTheTextStoredWithIt() {
		// At least one line and notice of its own, whatever ran before.
		assertThat(mvc.post().uri("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
				{"establishment":"0359901X","title":"Français %s","description":"Plus d'image.","component":"VIDEOPROJECTEURS",
				 "intervention":"REPAIR"}""".formatted(UUID.randomUUID())).with(as("college"))).hasStatus(HttpStatus.CREATED);
		StoredTexts texts = new StoredTexts(messages);
		List<String> differ = new ArrayList<>();
		record Row(String stored, String words) {
		}
		List<Row> rows = new ArrayList<>();
		rows.addAll(jdbc.sql("select detail, detail_words from ticket_event where detail_words is not null and detail_words not like '%event.gone%'")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list());
		rows.addAll(jdbc.sql("select title, title_words from in_app_notification where title_words is not null")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list());
		rows.addAll(jdbc.sql("select explanation, explanation_words from security_incident where explanation_words is not null")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list());
		rows.addAll(jdbc.sql("select title, title_words from security_incident where title_words is not null")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list());
		rows.addAll(jdbc.sql("select text, text_words from security_incident_event where text_words is not null")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list());
		assertThat(rows).isNotEmpty();
		for (Row row : rows) {
			String french = texts.render(StoredText.parse(row.words()), Locale.FRENCH);
			// A notice's title is cut at 500 characters when stored.
			if (!french.equals(row.stored()) && !(row.stored().length() == 500 && french.startsWith(row.stored()))) {
				differ.add(row.stored() + " ≠ " + french);
			}
		}
		assertThat(differ).as("kept words whose French is not the stored text").isEmpty();
		// The notices of modules this class does not drive: the purchases' and the Académie's validations.
		StoredText projector = StoredText.word("convention.component.VIDEOPROJECTEURS", "VIDEOPROJECTEURS");
		assertThat(texts.french(StoredText.message("inv.notice.purchaseToDecide", "3", projector, "0359901X")))
			.isEqualTo("Achat sur fonds propres à valider : " + 3 + " × " + "VIDEOPROJECTEURS" + " (" + "0359901X" + ")");
		assertThat(texts.render(StoredText.message("inv.notice.purchaseApproved", "3", projector, "ok"), Locale.ENGLISH))
			.isEqualTo("Own-funds purchase approved: 3 × Video projectors — ok");
		assertThat(texts.french(StoredText.message("pol.notice.toValidate", "Pronote"))).isEqualTo("À valider par l'Académie : Pronote");
		assertThat(texts.french(StoredText.message("pol.notice.refused", "Pronote"))).isEqualTo("Refusé par l'Académie : Pronote");
		// The DPOs' reminder of a data-subject request: its words give its title, and English has no French frame.
		SubjectRequestReminder due = new SubjectRequestReminder(UUID.randomUUID(), 7, "ACCESS", "dpo", java.time.LocalDate.of(2026, 12, 20),
				3, "dpo@demo.entente.invalid", "/donnees-personnelles/demandes/7");
		assertThat(texts.french(due.titleWords())).isEqualTo(due.title());
		assertThat(texts.render(due.titleWords(), Locale.ENGLISH)).isEqualTo("Request no. 7 (ACCESS): answer due on 2026-12-20, in 3 day(s)");
		// The administrators' notice of a sign-in lock, the owner's of a paused webhook, a survey's reminder, a policy change.
		assertThat(texts.french(StoredText.message("dir.notice.lock.PAIR", "college", "192.0.2.1", "01/12/2026 10:00", "5")))
			.isEqualTo("Connexions au compte « college » depuis 192.0.2.1 suspendues jusqu'au 01/12/2026 10:00 après 5 mots de passe erronés");
		assertThat(texts.render(StoredText.message("dir.notice.lock.ADDRESS", "college", "192.0.2.1", "01/12/2026 10:00", "5"), Locale.ENGLISH))
			.isEqualTo("Sign-ins from 192.0.2.1 (all accounts, last tried “college”) suspended until 01/12/2026 10:00 after 5 wrong passwords");
		assertThat(texts.render(StoredText.message("webhook.notice.paused", "https://exemple.invalid/h"), Locale.ENGLISH))
			.isEqualTo("Webhook paused: https://exemple.invalid/h");
		assertThat(texts.french(StoredText.message("rep.notice.campaignReminder", "Rentrée", "20/12/2026")))
			.isEqualTo("Rappel : enquête de satisfaction « Rentrée », à remplir au plus tard le 20/12/2026");
		assertThat(texts.french(StoredText.message("pol.notice.change.proposed", "Wifi"))).isEqualTo("Proposition d'évolution d'une politique à examiner : Wifi");
	}

	private void move(long id, String json) {
		String etag = mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange().getResponse().getHeader("ETag");
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content(json).with(as("niveau1"))).hasStatusOk();
	}

	private String page(String uri, String user) throws Exception {
		var r = mvc.get().uri(uri).with(as(user)).exchange();
		assertThat(r).as(uri).hasStatusOk();
		return HtmlUtils.htmlUnescape(r.getResponse().getContentAsString());
	}

	/** The history's text, tags taken out. */
	private static String history(String page) {
		int start = page.indexOf("id=\"historique\"");
		assertThat(start).isPositive();
		return page.substring(start, page.indexOf("</ol>", start)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}

	/** The notices of one ticket on the notifications page. */
	private static String notices(String page, String number) {
		StringBuilder out = new StringBuilder();
		Matcher m = Pattern.compile(">(" + Pattern.quote(number) + " · [^<]*)<").matcher(page);
		while (m.find()) {
			out.append(m.group(1)).append('\n');
		}
		return out.toString();
	}

	/** The incident's history, tags taken out. */
	private static String timeline(String page) {
		int start = page.indexOf("id=\"chronologie\"");
		assertThat(start).isPositive();
		return page.substring(start, page.indexOf("</ol>", start)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}

	private static String element(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1).strip();
	}

	private static List<String> leaks(String text) {
		return FRENCH.stream().filter(text::contains).toList();
	}
}
