package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.util.List;
import java.util.UUID;

import org.entente.EntenteTest;
import org.entente.directory.Uai;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** The tickets API end to end: creation, routing, deadlines, ETag / If-Match, problems, scopes, attachments. */
@EntenteTest
class TicketApiTests {

	static final String COLLEGE = "0359901X";

	@Autowired
	MockMvcTester mvc;

	static String unique(String title) {
		return title + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	MvcTestResult create(String user, String json) {
		return mvc.post().uri("/api/v1/tickets").with(as(user))
			.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static String body(String establishment, String title, String component, String intervention, String extra) {
		return """
				{"establishment":"%s","title":"%s","description":"Plus rien ne marche depuis ce matin.","component":"%s","intervention":"%s"%s}"""
			.formatted(establishment, title, component, intervention, extra);
	}

	static String content(MvcTestResult r) {
		try {
			return r.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	long createdId(MvcTestResult r) {
		return ((Number) JsonPath.read(content(r), "$.id")).longValue();
	}

	@Test
	void aCollegeOpensACriticalIncidentRoutedByTheConvention() throws Exception {
		MvcTestResult r = create("college", body(COLLEGE, unique("Internet coupé"), "ADDUCTION_INTERNET", "REPAIR", ""));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r.getResponse().getHeader("Location")).matches("/api/v1/tickets/\\d+");
		assertThat(r).bodyJson().extractingPath("$.number").asString().matches("E-\\d{4}-\\d{6}");
		assertThat(r).bodyJson().extractingPath("$.status").isEqualTo("NEW");
		assertThat(r).bodyJson().extractingPath("$.criticality").isEqualTo("CRITICAL");
		assertThat(r).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("CD");
		assertThat(r).bodyJson().extractingPath("$.routing.clause").asString().contains("Adduction internet");
		assertThat(r).bodyJson().extractingPath("$.routing.conventionVersion").isNotNull();
		assertThat(r).bodyJson().extractingPath("$.deadlines.takeCharge").isNotNull();
		assertThat(r).bodyJson().extractingPath("$.deadlines.restoration").isNotNull();
		assertThat(r).bodyJson().extractingPath("$.deadlines.dataRestore").isNull();
		// The CD « intervient au plus tôt »: its times are indicative, not commitments (bindingFor [ACA]).
		assertThat(r).bodyJson().extractingPath("$.deadlines.binding").isEqualTo(false);
	}

	@Test
	void twoPartiesAndNothingDecidingIsToArbitrate() {
		MvcTestResult r = create("niveau1", body(COLLEGE, unique("Vidéoprojecteur salle 12"), "VIDEOPROJECTEURS", "REPAIR", ""));
		assertThat(r).hasStatus(HttpStatus.CREATED);
		assertThat(r).bodyJson().extractingPath("$.routing.parties").asArray().containsExactlyInAnyOrder("CD", "EPLE");
		assertThat(r).bodyJson().extractingPath("$.criticality").isEqualTo("NON_CRITICAL");
		assertThat(r).bodyJson().extractingPath("$.deadlines.takeCharge").isNull();
		long id = createdId(r);
		assertThat(mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")))
			.bodyJson().extractingPath("$.toArbitrate").isEqualTo(true);

		MvcTestResult decided = create("niveau1", body(COLLEGE, unique("Vidéoprojecteur salle 13"), "VIDEOPROJECTEURS", "REPAIR",
				",\"funding\":\"CD\""));
		assertThat(decided).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("CD");
	}

	@Test
	void transitionsNeedIfMatchAndFollowTheWorkflow() throws Exception {
		long id = createdId(create("college", body(COLLEGE, unique("Pare-feu"), "ELEMENTS_ACTIFS", "REPAIR", "")));
		MvcTestResult read = mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange();
		String etag = read.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();

		String take = "{\"to\":\"TAKEN_IN_CHARGE\"}";
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.contentType(MediaType.APPLICATION_JSON).content(take)).hasStatus(HttpStatus.PRECONDITION_REQUIRED)
			.bodyJson().extractingPath("$.title").isEqualTo("En-tête If-Match requis");
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.header("If-Match", "\"999\"").contentType(MediaType.APPLICATION_JSON).content(take))
			.hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"CLOSED\"}"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.allowed").asArray().contains("TAKEN_IN_CHARGE", "WAITING");
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"WAITING\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("waitingReason");
		MvcTestResult ok = mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content(take).exchange();
		assertThat(ok).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("TAKEN_IN_CHARGE");
		assertThat(ok.getResponse().getHeader("ETag")).isNotEqualTo(etag);
		assertThat(ok).bodyJson().extractingPath("$.clocks[0].state").isEqualTo("MET");
		// the old ETag is now stale
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"IN_PROGRESS\"}"))
			.hasStatus(HttpStatus.PRECONDITION_FAILED);
		// the collège may not move the ticket on
		String etag2 = ok.getResponse().getHeader("ETag");
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("college"))
			.header("If-Match", etag2).contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"IN_PROGRESS\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void errorsAreProblemDocumentsNamingTheField() {
		assertThat(create("college", "{\"establishment\":\"" + COLLEGE + "\",\"component\":\"ADDUCTION_INTERNET\",\"intervention\":\"REPAIR\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("title", "description");
		assertThat(create("college", body(COLLEGE, "x", "ADDUCTION_INTERNET", "FIXING", "")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("intervention");
		assertThat(create("college", body(COLLEGE, "x", "VIDEOPROJECTEUR", "REPAIR", "")))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson().extractingPath("$.suggestions").asArray().contains("VIDEOPROJECTEURS");
		String cite = Uai.withCheckLetter(359990).value();
		assertThat(create("niveau1", body(cite, "x", "ADDUCTION_INTERNET", "REPAIR", "")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson().extractingPath("$.detail").asString().contains("Région");
		assertThat(create("college", body("0359902Y", "x", "ADDUCTION_INTERNET", "REPAIR", "")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("establishment");
	}

	@Test
	void otherScopesGet404EvenWhenGuessingIds() {
		// A non-critical request routed to the Académie only.
		long aca = createdId(create("college", body(COLLEGE, unique("ENT portail"), "TOUTATICE_PORTAIL", "ASSISTANCE", "")));
		assertThat(mvc.get().uri("/api/v1/tickets/" + aca).with(as("college"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/tickets/" + aca).with(as("agent.aca"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/tickets/" + aca).with(as("niveau1"))).hasStatusOk();
		// The Département reads every request of the collèges (annexe §4, « Accès aux fiches … »), without acting on it.
		assertThat(mvc.get().uri("/api/v1/tickets/" + aca).with(as("agent.cd"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/tickets/" + aca + "/comments").with(as("agent.cd"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/tickets?q=ENT portail&establishment=" + COLLEGE).with(as("agent.cd")))
			.bodyJson().extractingPath("$.items[*].id").asArray().contains((int) aca);
		assertThat(mvc.post().uri("/api/v1/tickets/" + aca + "/transitions").with(as("agent.cd"))
			.header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"TAKEN_IN_CHARGE\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/tickets/" + aca + "/comments").with(as("agent.cd"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Vu.\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/tickets/" + aca).with(as("agent.aca"))).hasStatusOk();
		for (String other : new String[] { "college2", "prestataire", "finances" }) {
			assertThat(mvc.get().uri("/api/v1/tickets/" + aca).with(as(other)))
				.as(other).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.get().uri("/api/v1/tickets/" + aca + "/comments").with(as(other)))
				.as(other).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.post().uri("/api/v1/tickets/" + aca + "/transitions").with(as(other))
				.header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"TAKEN_IN_CHARGE\"}"))
				.as(other).hasStatus(HttpStatus.NOT_FOUND);
		}
		// A critical incident is seen by both parties, still not by another collège.
		long critical = createdId(create("college", body(COLLEGE, unique("Plus d'internet"), "ADDUCTION_INTERNET", "REPAIR", "")));
		assertThat(mvc.get().uri("/api/v1/tickets/" + critical).with(as("agent.aca"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/tickets/" + critical).with(as("agent.cd"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/tickets/" + critical).with(as("college2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		// Lists never leak either.
		assertThat(mvc.get().uri("/api/v1/tickets?q=ENT portail").with(as("college2")))
			.bodyJson().extractingPath("$.items").asArray().isEmpty();
	}

	@Test
	void listsFilterSearchAndPaginate() {
		String title = unique("Imprimante CDI");
		long id = createdId(create("college", body(COLLEGE, title, "IMPRESSION_PEDAGOGIQUE", "REPAIR", "")));
		MvcTestResult r = mvc.get().uri("/api/v1/tickets?q=" + title.substring(title.length() - 8) + "&establishment=" + COLLEGE)
			.with(as("niveau1")).exchange();
		assertThat(r).hasStatusOk().bodyJson().extractingPath("$.items[0].id").isEqualTo((int) id);
		assertThat(r).bodyJson().extractingPath("$.hasNext").isEqualTo(false);
		assertThat(mvc.get().uri("/api/v1/tickets?size=1").with(as("niveau1")))
			.bodyJson().extractingPath("$.items").asArray().hasSize(1);
		assertThat(mvc.get().uri("/api/v1/tickets?status=NOPE").with(as("niveau1")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.parameter").isEqualTo("status");
	}

	@Test
	void agentsQueuesSortByCriticalityThenPriorityClassThenAge() {
		String marker = "Tri" + UUID.randomUUID().toString().substring(0, 8);
		long ownFunds = createdId(create("niveau1", body(COLLEGE, marker + " achat", "IMPRESSION_PEDAGOGIQUE", "SUPPLY",
				",\"funding\":\"OWN_FUNDS_OTHER\"")));
		long renewal = createdId(create("niveau1", body(COLLEGE, marker + " renouvellement", "IMPRESSION_PEDAGOGIQUE", "SUPPLY", "")));
		long olderMalfunction = createdId(create("niveau1", body(COLLEGE, marker + " panne", "IMPRESSION_PEDAGOGIQUE", "REPAIR", "")));
		long critical = createdId(create("niveau1", body(COLLEGE, marker + " internet", "ADDUCTION_INTERNET", "REPAIR", "")));
		long newerMalfunction = createdId(create("niveau1", body(COLLEGE, marker + " panne 2", "IMPRESSION_PEDAGOGIQUE", "REPAIR", "")));
		assertThat(listed("q=" + marker)).containsExactly(newerMalfunction, critical, olderMalfunction, renewal, ownFunds);
		// Annexe §4: critical first, then 1 malfunction (oldest first), 3 renewal, 4 own-funds purchase.
		assertThat(listed("q=" + marker + "&sort=priority"))
			.containsExactly(critical, olderMalfunction, newerMalfunction, renewal, ownFunds);
		assertThat(mvc.get().uri("/api/v1/tickets?sort=urgence").with(as("niveau1")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("sort");
		// The list page sorts the same way, and its pages keep the order.
		MvcTestResult page = mvc.get().uri("/tickets?q=" + marker + "&sort=priority").with(as("niveau1")).exchange();
		String html = content(page);
		assertThat(html.indexOf(marker + " internet")).isLessThan(html.indexOf(marker + " panne"));
		assertThat(html.indexOf(marker + " renouvellement")).isLessThan(html.indexOf(marker + " achat"));
	}

	@Test
	void listsFilterByTheConventionsRequestTypes() {
		String marker = "Type" + UUID.randomUUID().toString().substring(0, 8);
		long enrolment = createdId(create("college", body(COLLEGE, marker + " enrôlement", "STATIONS_ADMINISTRATIVES",
				"ADMINISTRATION", ",\"requestType\":\"ENROLMENT\"")));
		long plain = createdId(create("college", body(COLLEGE, marker + " poste", "STATIONS_ADMINISTRATIVES", "ADMINISTRATION", "")));
		long spare = createdId(create("agent.aca", body(COLLEGE, marker + " disques", "RESEAU_ADMINISTRATIF", "SUPPLY",
				",\"requestType\":\"SPARE_ORDER\"")));
		assertThat(listed("q=" + marker)).containsExactly(spare, plain, enrolment);
		assertThat(listed("q=" + marker + "&requestType=ENROLMENT")).containsExactly(enrolment);
		// Codes in any case, with the other filters and the priority order.
		assertThat(listed("q=" + marker + "&requestType=spare_order&openOnly=true&sort=priority")).containsExactly(spare);
		assertThat(listed("q=" + marker + "&requestType=ENROLMENT&status=CLOSED")).isEmpty();
		// A code the convention does not name is refused, naming the parameter and the known codes.
		MvcTestResult unknown = mvc.get().uri("/api/v1/tickets?requestType=ENROLEMENT").with(as("niveau1")).exchange();
		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.parameter").isEqualTo("requestType");
		assertThat(unknown).bodyJson().extractingPath("$.detail").asString().contains("requestType", "ENROLEMENT", "ENROLMENT",
				"SPARE_ORDER");
		// The list page filters the same way and keeps the filter in its links.
		String html = content(mvc.get().uri("/tickets?q=" + marker + "&requestType=ENROLMENT").with(as("niveau1")).exchange());
		assertThat(html).contains(marker + " enrôlement", "requestType=ENROLMENT").doesNotContain(marker + " poste",
				marker + " disques");
		assertThat(html).containsPattern("<option value=\"ENROLMENT\"[^>]*selected");
	}

	@Test
	void criticalityFollowsWhatIsUnavailableAndTheDataClass() throws Exception {
		// « L'ENT Toutatice ne fonctionne plus » on « Signaler un problème »: a remote service (§4) is down.
		String title = unique("ENT inaccessible");
		MvcTestResult reported = mvc.post().uri("/signaler").with(as("college"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("problem", "ent").param("title", title).param("description", "L'ENT Toutatice ne fonctionne plus.").exchange();
		assertThat(reported).hasStatus(HttpStatus.FOUND);
		String location = reported.getResponse().getRedirectedUrl();
		MvcTestResult ent = mvc.get().uri("/api/v1" + location).with(as("college")).exchange();
		assertThat(ent).bodyJson().extractingPath("$.criticality").isEqualTo("CRITICAL");
		assertThat(ent).bodyJson().extractingPath("$.kind").isEqualTo("INCIDENT");
		assertThat(ent).bodyJson().extractingPath("$.deadlines.takeCharge").isNotNull();
		// The same by the API, whatever the intervention sent.
		MvcTestResult api = create("college", body(COLLEGE, unique("ENT"), "TOUTATICE_PORTAIL", "ASSISTANCE", ",\"kind\":\"INCIDENT\""));
		assertThat(api).bodyJson().extractingPath("$.criticality").isEqualTo("CRITICAL");
		assertThat(api).bodyJson().extractingPath("$.deadlines.binding").isEqualTo(true);

		// Data: administrative and shared pedagogical data are critical, individual users' data are not.
		MvcTestResult individual = create("college", body(COLLEGE, unique("Serveur"), "RESEAU_PEDAGOGIQUE", "REPAIR",
				",\"dataConcerned\":\"INDIVIDUAL\""));
		assertThat(individual).bodyJson().extractingPath("$.criticality").isEqualTo("CRITICAL");
		assertThat(individual).bodyJson().extractingPath("$.deadlines.dataRestore").isNull();
		MvcTestResult shared = create("college", body(COLLEGE, unique("Serveur"), "RESEAU_PEDAGOGIQUE", "REPAIR",
				",\"dataConcerned\":\"PEDAGOGICAL_GROUP\""));
		assertThat(shared).bodyJson().extractingPath("$.deadlines.dataRestore").isNotNull();
		assertThat(mvc.get().uri("/api/v1/tickets/" + createdId(shared)).with(as("college")))
			.bodyJson().extractingPath("$.dataConcerned").isEqualTo("PEDAGOGICAL_GROUP");
		// Administrative data lost on a non-critical component: critical by the data, with the data-restore clock.
		MvcTestResult admin = create("college", body(COLLEGE, unique("Poste secrétariat"), "STATIONS_ADMINISTRATIVES", "REPAIR",
				",\"dataConcerned\":\"ADMINISTRATIVE\""));
		assertThat(admin).bodyJson().extractingPath("$.criticality").isEqualTo("CRITICAL");
		assertThat(admin).bodyJson().extractingPath("$.deadlines.dataRestore").isNotNull();
		// « dataInvolved » stays a synonym of a critical data class.
		MvcTestResult legacy = create("college", body(COLLEGE, unique("Serveur"), "RESEAU_PEDAGOGIQUE", "REPAIR",
				",\"dataInvolved\":true"));
		assertThat(legacy).bodyJson().extractingPath("$.deadlines.dataRestore").isNotNull();
		assertThat(create("college", body(COLLEGE, unique("Serveur"), "RESEAU_PEDAGOGIQUE", "REPAIR",
				",\"dataConcerned\":\"PERSONNELLES\"")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dataConcerned");
	}

	@Test
	void theOneDayRestorationHoldsOnlyWhenThePartyControlsTheElement() {
		// Annexe §4: « lorsque le matériel de secours (spare) le permet et que l'Académie maîtrise les éléments en défaut ».
		MvcTestResult controlled = create("college", body(COLLEGE, unique("ENT"), "TOUTATICE_PORTAIL", "ASSISTANCE",
				",\"kind\":\"INCIDENT\""));
		assertThat(controlled).bodyJson().extractingPath("$.deadlines.restoration").isNotNull();
		assertThat(controlled).bodyJson().extractingPath("$.deadlines.conditional.committed").isEqualTo(true);
		MvcTestResult notControlled = create("college", body(COLLEGE, unique("ENT"), "TOUTATICE_PORTAIL", "ASSISTANCE",
				",\"kind\":\"INCIDENT\",\"partyControlsElement\":false"));
		assertThat(notControlled).bodyJson().extractingPath("$.deadlines.takeCharge").isNotNull();
		assertThat(notControlled).bodyJson().extractingPath("$.deadlines.restoration").isNull();
		assertThat(notControlled).bodyJson().extractingPath("$.deadlines.conditional.partyControlsElement").isEqualTo(false);
		assertThat(notControlled).bodyJson().extractingPath("$.deadlines.conditional.committed").isEqualTo(false);
		assertThat(content(mvc.get().uri("/tickets/" + createdId(notControlled)).with(as("college")).exchange()))
			.contains("degraded-obligation", "solution temporaire en mode dégradé");
	}

	@Test
	void attachmentsAreCheckedOnTheirContentAndServedAsDownloads() throws Exception {
		long id = createdId(create("college", body(COLLEGE, unique("Capture"), "STATIONS_PEDAGOGIQUES", "REPAIR", "")));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };
		MvcTestResult ok = mvc.post().uri("/api/v1/tickets/" + id + "/attachments").with(as("college"))
			.multipart().file(new MockMultipartFile("file", "capture.png", "image/png", png)).exchange();
		assertThat(ok).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.contentType").isEqualTo("image/png");
		long attachmentId = ((Number) JsonPath.read(ok.getResponse().getContentAsString(), "$.id")).longValue();
		MvcTestResult download = mvc.get().uri("/api/v1/tickets/" + id + "/attachments/" + attachmentId)
			.with(as("college")).exchange();
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(png);

		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/attachments").with(as("college"))
			.multipart().file(new MockMultipartFile("file", "notes.txt", "text/plain", "<html><script>alert(1)</script>".getBytes())))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/attachments").with(as("college"))
			.multipart().file(new MockMultipartFile("file", "faux.pdf", "application/pdf", png)))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/attachments").with(as("college"))
			.multipart().file(new MockMultipartFile("file", "page.html", "text/html", "hello".getBytes())))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/comments").with(as("college"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"La salle 12 aussi.\"}"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get().uri("/api/v1/tickets/" + id + "/comments").with(as("college")))
			.bodyJson().extractingPath("$[0].body").isEqualTo("La salle 12 aussi.");
	}

	@Test
	void reclassifyingRoutesAgainAndCriticalityChangesAreRecorded() throws Exception {
		long id = createdId(create("niveau1", body(COLLEGE, unique("Vidéoprojecteur CDI"), "VIDEOPROJECTEURS", "REPAIR", "")));
		String etag = mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange()
			.getResponse().getHeader("ETag");
		MvcTestResult own = mvc.put().uri("/api/v1/tickets/" + id + "/classification").with(as("niveau1"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
			.content("{\"funding\":\"OWN_FUNDS_CATALOGUE\",\"reason\":\"acheté sur fonds propres\"}").exchange();
		assertThat(own).hasStatusOk().bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("EPLE");
		assertThat(own).bodyJson().extractingPath("$.toArbitrate").isEqualTo(false);
		MvcTestResult critical = mvc.put().uri("/api/v1/tickets/" + id + "/criticality").with(as("niveau1"))
			.header("If-Match", own.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"criticality\":\"CRITICAL\",\"reason\":\"examen du brevet blanc\"}").exchange();
		assertThat(critical).hasStatusOk().bodyJson().extractingPath("$.criticality").isEqualTo("CRITICAL");
		assertThat(critical).bodyJson().extractingPath("$.criticalityOverridden").isEqualTo(true);
		assertThat(critical).bodyJson().extractingPath("$.deadlines.takeCharge").isNotNull();
		assertThat(mvc.put().uri("/api/v1/tickets/" + id + "/criticality").with(as("niveau1"))
			.header("If-Match", critical.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"criticality\":\"NON_CRITICAL\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
	}

	@Test
	void partyFiltersFollowReroutingAndStatusChanges() throws Exception {
		String title = unique("Vidéoprojecteur salle 12");
		String word = title.substring(title.length() - 8);
		MvcTestResult opened = create("niveau1", body(COLLEGE, title, "VIDEOPROJECTEURS", "REPAIR", ""));
		long id = createdId(opened);
		List<String> parties = JsonPath.read(content(opened), "$.routing.parties");
		assertThat(parties).contains("CD").doesNotContain("ACA");
		assertThat(listed("party=CD&q=" + word)).containsExactly(id);
		assertThat(listed("party=ACA&q=" + word)).isEmpty();

		String etag = mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange()
			.getResponse().getHeader("ETag");
		MvcTestResult own = mvc.put().uri("/api/v1/tickets/" + id + "/classification").with(as("niveau1"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
			.content("{\"funding\":\"OWN_FUNDS_CATALOGUE\",\"reason\":\"acheté sur fonds propres\"}").exchange();
		assertThat(own).hasStatusOk();
		assertThat(listed("party=EPLE&status=NEW&q=" + word)).containsExactly(id);
		assertThat(listed("party=CD&q=" + word)).isEmpty();

		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.header("If-Match", own.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"TAKEN_IN_CHARGE\"}")).hasStatusOk();
		assertThat(listed("party=EPLE&status=NEW&q=" + word)).isEmpty();
		assertThat(listed("party=eple&status=TAKEN_IN_CHARGE&q=" + word)).containsExactly(id);
		assertThat(listed("party=EPLE&openOnly=true&sort=priority&q=" + word)).containsExactly(id);
		// The search reads the number too.
		String number = JsonPath.read(content(opened), "$.number");
		assertThat(listed("q=" + number.toLowerCase())).containsExactly(id);
	}

	@Test
	void searchTakesQuotesAndWildcardsAsPlainText() {
		String title = unique("Portail de l'ENT d'Orléans");
		long id = createdId(create("college", body(COLLEGE, title, "TOUTATICE_PORTAIL", "ASSISTANCE", "")));
		String suffix = title.substring(title.length() - 8);
		assertThat(searched("l'ENT d'Orléans " + suffix)).containsExactly(id);
		assertThat(searched("' or '1'='1")).isEmpty();
		assertThat(searched("d'Orl_ans " + suffix)).isEmpty();
		assertThat(TicketQuery.searchLiteral(" L'É_c%o\\l\u0007e ")).isEqualTo("'%l''école%'");
	}

	private List<Long> searched(String words) {
		return ids(mvc.get().uri("/api/v1/tickets").param("q", words).with(as("niveau1")).exchange());
	}

	private List<Long> listed(String query) {
		return ids(mvc.get().uri("/api/v1/tickets?" + query).with(as("niveau1")).exchange());
	}

	private static List<Long> ids(MvcTestResult r) {
		assertThat(r).hasStatusOk();
		List<Number> ids = JsonPath.read(content(r), "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}
}
