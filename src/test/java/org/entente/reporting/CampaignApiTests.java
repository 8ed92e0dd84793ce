package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entente.EntenteTest;
import org.entente.governance.CommitteeDecisions;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.MailRequested;
import org.entente.reporting.internal.CampaignReminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * A satisfaction campaign's lifecycle through the API: created for a collège's staff (one mail with a single-use
 * link each), answered once, a second answer with the same link refused, anonymous results and exports; who may do
 * what; a closed campaign refuses answers; those who have not answered are reminded once per step before the end;
 * the list of campaigns and who may launch one (the form itself: DashboardBrowserTests).
 */
@EntenteTest
@RecordApplicationEvents
class CampaignApiTests {

	static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CampaignReminders reminders;

	@Autowired
	CommitteeDecisions decisions;

	/** A decision recorded by governance at a meeting of {@code committee}, as the CD records it from the meeting's page. */
	static CommitteeDecisions.CommitteeDecision decision(MockMvcTester mvc, CommitteeDecisions decisions, String committee,
			String text) {
		MvcTestResult meeting = mvc.post().uri("/gouvernance/comites/" + committee + "/reunions").with(as("agent.cd")).with(csrf())
			.param("date", LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString()).param("time", "14:00")
			.param("duration", "60").exchange();
		assertThat(meeting).hasStatus(HttpStatus.FOUND);
		String text2 = text + " " + java.util.UUID.randomUUID();
		assertThat(mvc.post().uri(meeting.getResponse().getRedirectedUrl() + "/decisions").with(as("agent.cd")).with(csrf())
			.param("text", text2)).hasStatus(HttpStatus.FOUND);
		return decisions.ofCommittee(committee, 50).stream().filter(d -> d.text().equals(text2)).findFirst().orElseThrow();
	}

	private CommitteeDecisions.CommitteeDecision ordering;

	long ordering() {
		if (ordering == null) {
			ordering = decision(mvc, decisions, "STRATEGIC", "Une enquête de satisfaction auprès des collèges");
		}
		return ordering.id();
	}

	String create(String opensOn, String closesOn, String uai) {
		MvcTestResult r = mvc.post().uri("/api/v1/reporting/campaigns").with(as("agent.cd"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"Satisfaction des collèges","decisionId":%d,
					 "roles":["SCHOOL_STAFF"],"establishments":["%s"],"opensOn":"%s","closesOn":"%s",
					 "questions":[{"kind":"SCALE","label":"Êtes-vous satisfait·e de l'assistance ?"},
					              {"kind":"TEXT","label":"Que faudrait-il améliorer ?"}]}"""
				.formatted(ordering(), uai, opensOn, closesOn))
			.exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		return ReportingApiTests.content(r);
	}

	/** The tokens of the invitations mailed for a campaign, by recipient. */
	Map<String, String> tokens(long campaign) {
		Map<String, String> out = new java.util.TreeMap<>();
		events.stream(MailRequested.class)
			.filter(m -> "SATISFACTION_CAMPAIGN".equals(m.category()) && m.text().contains("/enquetes/" + campaign + "?token="))
			.forEach(m -> {
				Matcher t = TOKEN.matcher(m.text());
				assertThat(t.find()).isTrue();
				out.put(m.to().get(0), t.group(1));
			});
		return out;
	}

	MvcTestResult answer(String user, long campaign, String token, String answers) {
		return mvc.post().uri("/api/v1/reporting/campaigns/" + campaign + "/answers").with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"answers\":" + answers + "}")
			.exchange();
	}

	@Test
	void campaignIsAnsweredOncePerPersonWithAnonymousResults() {
		String uai = jdbc.sql("select establishment from account where username = 'college'").query(String.class).single();
		String json = create("2000-01-01", "2100-12-31", uai);
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		int invited = JsonPath.read(json, "$.invited");
		assertThat((List<?>) JsonPath.read(json, "$.questions")).hasSize(2);
		Map<String, String> tokens = tokens(id);
		assertThat(tokens).hasSize(invited).containsKey("college@demo.entente.invalid");
		String token = tokens.get("college@demo.entente.invalid");

		assertThat(answer("college", id, token, "[{\"question\":1,\"score\":9}]")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(answer("college", id, "inconnu", "[{\"question\":1,\"score\":4}]")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(answer("college", id, token, "[{\"question\":1,\"score\":4},{\"question\":2,\"text\":\"Plus vite.\"}]"))
			.hasStatus(HttpStatus.NO_CONTENT);
		MvcTestResult again = answer("college", id, token, "[{\"question\":1,\"score\":1}]");
		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(ReportingApiTests.content(again)).contains("une seule réponse par personne");

		MvcTestResult results = mvc.get().uri("/api/v1/reporting/campaigns/" + id + "/results").with(as("agent.cd")).exchange();
		assertThat(results).hasStatusOk();
		String r = ReportingApiTests.content(results);
		assertThat(((Number) JsonPath.read(r, "$.responses")).intValue()).isEqualTo(1);
		assertThat(((Number) JsonPath.read(r, "$.averages['1']")).doubleValue()).isEqualTo(4.0);
		assertThat(((Number) JsonPath.read(r, "$.distribution['1']['4']")).intValue()).isEqualTo(1);
		assertThat(((Number) JsonPath.read(r, "$.responseRate")).doubleValue()).isEqualTo(Math.round(1000.0 / invited) / 1000.0);
		assertThat((List<Object>) JsonPath.read(r, "$.comments['2']")).containsExactly("Plus vite.");
		// One response from the collège: below the threshold, the establishment is not shown.
		assertThat((Map<?, ?>) JsonPath.read(r, "$.byEstablishment")).isEmpty();
		assertThat(r).doesNotContain("college");

		MvcTestResult csv = mvc.get().uri("/api/v1/reporting/campaigns/" + id + "/answers.csv").with(as("agent.aca")).exchange();
		assertThat(csv).hasStatusOk();
		assertThat(ReportingApiTests.content(csv)).contains("Plus vite.").doesNotContain(uai).doesNotContain("college");
		assertThat(mvc.get().uri("/api/v1/reporting/campaigns/" + id + "/answers.xlsx").with(as("agent.cd"))).hasStatusOk();

		MvcTestResult form = mvc.get().uri("/enquetes/" + id + "?token=" + token).with(as("college")).exchange();
		assertThat(form).hasStatusOk();
		assertThat(ReportingApiTests.content(form)).contains("Que faudrait-il améliorer ?").contains("name=\"token\"");
		MvcTestResult page = mvc.get().uri("/indicateurs/enquetes/" + id).with(as("agent.cd")).exchange();
		assertThat(page).hasStatusOk();
		assertThat(ReportingApiTests.content(page)).contains("Répartition des notes").contains("Plus vite.");

		// The collège's staff answer, they do not read the results nor create campaigns.
		assertThat(mvc.get().uri("/api/v1/reporting/campaigns/" + id + "/results").with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/reporting/campaigns").with(as("college")).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void closedCampaignRefusesAnswersAndInvalidCampaignIsRefused() {
		String uai = jdbc.sql("select establishment from account where username = 'college'").query(String.class).single();
		long id = ((Number) JsonPath.read(create("2001-01-01", "2001-01-31", uai), "$.id")).longValue();
		String token = tokens(id).get("college@demo.entente.invalid");
		assertThat(answer("college", id, token, "[{\"question\":1,\"score\":4}]")).hasStatus(HttpStatus.CONFLICT);
		MvcTestResult empty = mvc.get().uri("/indicateurs/enquetes/" + id).with(as("agent.aca")).exchange();
		assertThat(empty).hasStatusOk();
		assertThat(ReportingApiTests.content(empty)).contains("0 réponse(s)");

		MvcTestResult bad = mvc.post().uri("/api/v1/reporting/campaigns").with(as("agent.cd")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\",\"roles\":[\"NOBODY\"],\"questions\":[]}").exchange();
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(ReportingApiTests.content(bad)).contains("decisionId").contains("questions").contains("roles");
		assertThat(mvc.get().uri("/api/v1/reporting/campaigns/999999").with(as("agent.cd"))).hasStatus(HttpStatus.NOT_FOUND);
	}

	/**
	 * Issue 13 §3: a campaign names the strategic committee's decision that ordered it by its governance id, checked
	 * through governance's public API; the API and the survey pages give it as a link to its meeting; a campaign of
	 * before keeps its text, readable, without a link.
	 */
	@Test
	void aCampaignIsLinkedToTheStrategicCommitteesDecisionThatOrderedIt() {
		String uai = uai("college");
		String body = """
				{"title":"Décision","decisionId":%d,"roles":["SCHOOL_STAFF"],"establishments":["%s"],
				 "opensOn":"2000-01-01","closesOn":"2100-01-01","questions":[{"kind":"SCALE","label":"Note ?"}]}""";
		MvcTestResult unknown = mvc.post().uri("/api/v1/reporting/campaigns").with(as("agent.cd")).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(987654321L, uai)).exchange();
		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat((List<String>) JsonPath.read(ReportingApiTests.content(unknown), "$.errors[*].field")).containsExactly("decisionId");
		assertThat(ReportingApiTests.content(unknown)).contains("décision n° 987654321 inconnue");
		long operational = decision(mvc, decisions, "OPERATIONAL", "Revoir les délais").id();
		MvcTestResult elsewhere = mvc.post().uri("/api/v1/reporting/campaigns").with(as("agent.cd")).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(operational, uai)).exchange();
		assertThat(elsewhere).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(ReportingApiTests.content(elsewhere)).contains("decisionId", "Comité opérationnel", "commandée par le comité stratégique");

		String json = create("2000-01-01", "2100-12-31", uai);
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		String page = "/gouvernance/reunions/" + ordering.meetingId() + "#decision-" + ordering.id();
		assertThat(((Number) JsonPath.read(json, "$.decisionId")).longValue()).isEqualTo(ordering.id());
		assertThat((String) JsonPath.read(json, "$.decisionPage")).isEqualTo(page);
		assertThat((String) JsonPath.read(json, "$.decision")).startsWith("Comité stratégique du "
				+ ordering.meetingOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " : Une enquête de satisfaction");
		assertThat(((Number) JsonPath.read(ReportingApiTests.content(mvc.get().uri("/api/v1/reporting/campaigns/" + id + "/results")
			.with(as("agent.cd")).exchange()), "$.decisionId")).longValue()).isEqualTo(ordering.id());
		String href = "href=\"" + page + "\"";
		assertThat(ReportingApiTests.content(mvc.get().uri("/indicateurs/enquetes").with(as("agent.cd")).exchange())).contains(href);
		assertThat(ReportingApiTests.content(mvc.get().uri("/indicateurs/enquetes/" + id).with(as("agent.cd")).exchange()))
			.contains("id=\"decision-link\"", href);
		assertThat(ReportingApiTests.content(mvc.get().uri("/enquetes/" + id).with(as("college")).exchange())).contains(href);
		// The meeting's page has the anchor the link points at.
		assertThat(ReportingApiTests.content(mvc.get().uri("/gouvernance/reunions/" + ordering.meetingId()).with(as("agent.cd")).exchange()))
			.contains("id=\"decision-" + ordering.id() + "\"");
		// The form offers the strategic committee's decisions, not the others'.
		String form = ReportingApiTests.content(mvc.get().uri("/indicateurs/enquetes/nouvelle").with(as("agent.cd")).exchange());
		assertThat(form).contains("value=\"" + ordering.id() + "\"").doesNotContain("value=\"" + operational + "\"");

		// A campaign launched before the link existed: its text stays readable, with no link.
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into reporting_campaign (title, decision, roles, establishments, opens_on, closes_on, invited, created_at)
				values ('Ancienne enquête', 'Comité stratégique du 12 mars, décision n° 4', 'SCHOOL_STAFF', '', ?, ?, 0, current_timestamp)""")
			.params(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).update(keys, "id");
		long old = keys.getKey().longValue();
		String before = ReportingApiTests.content(mvc.get().uri("/api/v1/reporting/campaigns/" + old).with(as("agent.cd")).exchange());
		assertThat((String) JsonPath.read(before, "$.decision")).isEqualTo("Comité stratégique du 12 mars, décision n° 4");
		assertThat((Object) JsonPath.read(before, "$.decisionId")).isNull();
		String card = ReportingApiTests.content(mvc.get().uri("/indicateurs/enquetes").with(as("agent.cd")).exchange());
		card = card.substring(card.indexOf("id=\"campaign-" + old + "\""));
		card = card.substring(0, card.indexOf("</li>"));
		assertThat(card).contains("Comité stratégique du 12 mars, décision n° 4").doesNotContain("/gouvernance/reunions/");
	}

	List<CampaignReminders.Sent> remind(LocalDate on, long campaign) {
		return reminders.remind(on).stream().filter(r -> r.campaignId() == campaign).toList();
	}

	String uai(String user) {
		return jdbc.sql("select establishment from account where username = ?").param(user).query(String.class).single();
	}

	@Test
	void thoseWhoHaveNotAnsweredAreRemindedOncePerStepBeforeTheEnd() {
		LocalDate closes = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30);
		String json = create("2000-01-01", closes.toString(), uai("college") + "\",\"" + uai("college2"));
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		int invited = JsonPath.read(json, "$.invited");
		String token = tokens(id).get("college@demo.entente.invalid");

		assertThat(remind(closes.minusDays(8), id)).as("too early").isEmpty();
		List<CampaignReminders.Sent> first = remind(closes.minusDays(7), id);
		assertThat(first).extracting(CampaignReminders.Sent::account).contains("college", "college2").hasSize(invited);
		assertThat(first).extracting(CampaignReminders.Sent::daysBefore).containsOnly(7);
		assertThat(remind(closes.minusDays(7), id)).as("not twice").isEmpty();
		assertThat(remind(closes.minusDays(5), id)).isEmpty();

		assertThat(answer("college", id, token, "[{\"question\":1,\"score\":5}]")).hasStatus(HttpStatus.NO_CONTENT);
		List<CampaignReminders.Sent> second = remind(closes.minusDays(2), id);
		assertThat(second).extracting(CampaignReminders.Sent::account).contains("college2").doesNotContain("college").hasSize(invited - 1);
		assertThat(second).extracting(CampaignReminders.Sent::daysBefore).containsOnly(2);
		assertThat(remind(closes.minusDays(2), id)).as("not twice").isEmpty();
		assertThat(remind(closes.minusDays(1), id)).isEmpty();
		assertThat(remind(closes.plusDays(1), id)).as("closed").isEmpty();

		// By mail (the outbox) and in the application, once per step: the collège that answered got the first only.
		List<MailRequested> mails = events.stream(MailRequested.class)
			.filter(m -> "SATISFACTION_CAMPAIGN_REMINDER".equals(m.category()) && m.text().contains("/enquetes/" + id + "\n"))
			.toList();
		assertThat(mails).filteredOn(m -> m.to().contains("college2@demo.entente.invalid")).hasSize(2);
		assertThat(mails).filteredOn(m -> m.to().contains("college@demo.entente.invalid")).hasSize(1);
		List<InAppNotificationRequested> notices = events.stream(InAppNotificationRequested.class)
			.filter(n -> ("/enquetes/" + id).equals(n.link())).toList();
		assertThat(notices).hasSize(2);
		assertThat(notices).filteredOn(n -> n.recipients().contains("college")).hasSize(1);
		assertThat(notices.get(0).title()).contains("Rappel", "au plus tard le " + closes.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));

		// The reminder's link carries no token: the signed-in invitee answers with their own invitation, once.
		assertThat(ReportingApiTests.content(mvc.post().uri("/enquetes/" + id).with(as("college2")).with(csrf()).param("q1", "4").exchange()))
			.contains("Merci, votre réponse est enregistrée.");
		assertThat(ReportingApiTests.content(mvc.post().uri("/enquetes/" + id).with(as("college2")).with(csrf()).param("q1", "4").exchange()))
			.contains("une seule réponse par personne");
		String list = ReportingApiTests.content(mvc.get().uri("/indicateurs/enquetes").with(as("gestion.cd")).exchange());
		assertThat(list).contains("2 réponse(s) sur " + invited + " personne(s) invitée(s) (" + (200 / invited) + " %), " + (invited - 2) + " sans réponse")
			.doesNotContain("/indicateurs/enquetes/nouvelle");
		// By establishment, fewer than 3 answers are not counted exactly, and the collèges of one or two invitees are
		// counted together (the results would tell whose answer it is).
		String participation = ReportingApiTests.content(mvc.get().uri("/indicateurs/enquetes/" + id).with(as("agent.aca")).exchange());
		participation = participation.substring(participation.indexOf("id=\"participation\""));
		assertThat(participation).contains("Établissements de moins de 3 personnes invitées (ensemble)", "<td>moins de 3</td>")
			.doesNotContain("0359901X", "0359902Y");
		// Who may: the collège's staff neither see the list nor launch; account managers read but do not launch.
		assertThat(mvc.get().uri("/indicateurs/enquetes").with(as("college"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/indicateurs/enquetes/nouvelle").with(as("gestion.aca"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/indicateurs/enquetes").with(as("gestion.aca")).with(csrf()).param("title", "x"))
			.hasStatus(HttpStatus.FORBIDDEN);

		// A day missed: only the nearest step is sent, the farther one is recorded as passed.
		long late = ((Number) JsonPath.read(create("2000-01-01", closes.toString(), uai("college")), "$.id")).longValue();
		// An invitee whose account is gone is claimed, never reached.
		jdbc.sql("insert into reporting_campaign_invitation (token_hash, campaign_id, uai, role, account) values (?, ?, ?, 'SCHOOL_STAFF', ?)")
			.params(java.util.UUID.randomUUID().toString().replace("-", ""), late, uai("college"), "parti-" + late).update();
		List<CampaignReminders.Sent> caughtUp = remind(closes.minusDays(1), late);
		assertThat(caughtUp).extracting(CampaignReminders.Sent::daysBefore).containsOnly(2).isNotEmpty();
		assertThat(caughtUp).extracting(CampaignReminders.Sent::account).doesNotContain("parti-" + late);
		assertThat(remind(closes.minusDays(1), late)).isEmpty();
		// « Relances envoyées » counts what went out: not the farther step passed over, nor the gone account's claims.
		assertThat(jdbc.sql("select count(*) from reporting_campaign_reminder where campaign_id = ?").param(late).query(Long.class).single())
			.isEqualTo(2L * (caughtUp.size() + 1));
		String lateCard = ReportingApiTests.content(mvc.get().uri("/indicateurs/enquetes").with(as("agent.cd")).exchange());
		lateCard = lateCard.substring(lateCard.indexOf("id=\"campaign-" + late + "\""));
		assertThat(lateCard.substring(0, lateCard.indexOf("</li>"))).contains("pondu : " + caughtUp.size() + "</p>");

		// The invitee's retention ends: the invitations forget the account and the reminders sent to it go.
		org.entente.privacy.PersonalDataHolder campaignsHolder = holders.stream()
			.filter(h -> h.columns().contains("reporting_campaign_invitation.account")).findFirst().orElseThrow();
		org.entente.privacy.DataSubject college2 = new org.entente.privacy.DataSubject("college2", null, null, null, java.util.Set.of());
		assertThat(campaignsHolder.count(college2)).isPositive();
		assertThat(campaignsHolder.destroy(college2)).isPositive();
		assertThat(campaignsHolder.count(college2)).isZero();
		assertThat(jdbc.sql("select count(*) from reporting_campaign_reminder where account = 'college2'").query(Long.class).single()).isZero();
		assertThat(remind(closes.minusDays(1), id)).extracting(CampaignReminders.Sent::account).doesNotContain("college2");
	}

	@Autowired
	List<org.entente.privacy.PersonalDataHolder> holders;
}
