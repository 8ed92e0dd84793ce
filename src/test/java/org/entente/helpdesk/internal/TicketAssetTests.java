package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** A ticket naming an asset: routing from the asset, the asset card on the ticket page, the tickets on the asset page. */
@EntenteTest
class TicketAssetTests {

	static final String COLLEGE = "0359901X";

	@Autowired
	MockMvcTester mvc;

	/** A video projector of this establishment with this funding; returns its id. */
	long projector(String uai, String funding) {
		return asset(uai, "VIDEOPROJECTEURS", "PEDAGOGICAL", "VP", funding, ",\"building\":\"B\",\"room\":\"B204\"");
	}

	/** An asset of this establishment, named by the convention's rule with this prefix; returns its id. */
	long asset(String uai, String component, String network, String prefix, String funding, String extra) {
		String s = UUID.randomUUID().toString().substring(0, 8);
		String name = prefix + "-" + uai + "-B" + ThreadLocalRandom.current().nextInt(100, 999) + "-0" + ThreadLocalRandom.current().nextInt(1, 9);
		String body = """
				{"uai":"%s","component":"%s","network":"%s","name":"%s","serial":"SN-%s",
				 "manufacturer":"Epson","model":"EB-W51","funding":"%s","warrantyEnd":"2099-12-31","status":"IN_SERVICE"%s}"""
			.formatted(uai, component, network, name, s, funding, extra);
		MvcTestResult r = mvc.post().uri("/api/v1/assets").contentType(MediaType.APPLICATION_JSON).content(body)
			.with(as("admin")).exchange();
		assertThat(r).as(TicketApiTests.content(r)).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(TicketApiTests.content(r), "$.id")).longValue();
	}

	MvcTestResult open(String user, String uai, long assetId) {
		String json = TicketApiTests.body(uai, TicketApiTests.unique("Vidéoprojecteur en panne"), "VIDEOPROJECTEURS", "REPAIR",
				",\"assetId\":\"" + assetId + "\"");
		return mvc.post().uri("/api/v1/tickets").with(as(user))
			.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@Test
	void theAssetsFundingRoutesTheTicket() {
		MvcTestResult own = open("college", COLLEGE, projector(COLLEGE, "OWN_FUNDS_CATALOGUE"));
		assertThat(own).as(TicketApiTests.content(own)).hasStatus(HttpStatus.CREATED);
		assertThat(own).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("EPLE");

		MvcTestResult cd = open("college", COLLEGE, projector(COLLEGE, "CD"));
		assertThat(cd).hasStatus(HttpStatus.CREATED);
		assertThat(cd).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("CD");
	}

	/** A printer of the administrative network, shared with the pedagogical one or not; returns its id. */
	long printer(String uai, boolean shared) {
		long id = asset(uai, "IMPRESSION_ADMINISTRATIVE", "ADMINISTRATIVE", "IMP", "CD", ",\"sharedBetweenNetworks\":" + shared);
		assertThat(mvc.get().uri("/api/v1/assets/" + id).with(as("admin")))
			.bodyJson().extractingPath("$.sharedBetweenNetworks").isEqualTo(shared);
		return id;
	}

	MvcTestResult printerProblem(String extra) {
		String json = TicketApiTests.body(COLLEGE, TicketApiTests.unique("Imprimante du secrétariat"), "IMPRESSION_ADMINISTRATIVE",
				"ASSISTANCE", extra);
		return mvc.post().uri("/api/v1/tickets").with(as("college")).contentType(MediaType.APPLICATION_JSON).content(json)
			.exchange();
	}

	@Test
	void aPrinterSharedBetweenNetworksGoesToTheDepartement() {
		// Annexe §3, « Périphériques d'impression » (both notes): shared between the networks, it is the CD's.
		MvcTestResult plain = printerProblem("");
		assertThat(plain).hasStatus(HttpStatus.CREATED);
		assertThat(plain).bodyJson().extractingPath("$.routing.parties").asArray().containsExactlyInAnyOrder("ACA", "EPLE");
		MvcTestResult said = printerProblem(",\"sharedBetweenNetworks\":true");
		assertThat(said).hasStatus(HttpStatus.CREATED);
		assertThat(said).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("CD");
		long id = ((Number) JsonPath.read(TicketApiTests.content(said), "$.id")).longValue();
		assertThat(mvc.get().uri("/api/v1/tickets/" + id).with(as("college")))
			.bodyJson().extractingPath("$.sharedBetweenNetworks").isEqualTo(true);
		// The inventory's record says it when the asset is named.
		MvcTestResult shared = printerProblem(",\"assetId\":\"" + printer(COLLEGE, true) + "\"");
		assertThat(shared).as(TicketApiTests.content(shared)).hasStatus(HttpStatus.CREATED);
		assertThat(shared).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("CD");
		MvcTestResult notShared = printerProblem(",\"assetId\":\"" + printer(COLLEGE, false) + "\"");
		assertThat(notShared).bodyJson().extractingPath("$.routing.parties").asArray().containsExactlyInAnyOrder("ACA", "EPLE");
		// The report form asks when no asset is named.
		assertThat(TicketApiTests.content(mvc.get().uri("/signaler").with(as("college")).exchange()))
			.contains("name=\"sharedBetweenNetworks\"");
	}

	@Test
	void anAssetOfAnotherEstablishmentIsRefused() {
		MvcTestResult r = open("college", COLLEGE, projector("0359902Y", "CD"));
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("assetId");
		assertThat(TicketApiTests.content(r)).contains("inconnu pour cet établissement");
		assertThat(open("college", COLLEGE, 999_999_999L)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void anAssetOfAnotherComponentIsRefusedByTheApiToo() {
		long projector = projector(COLLEGE, "CD");
		String json = TicketApiTests.body(COLLEGE, TicketApiTests.unique("Imprimante"), "IMPRESSION_PEDAGOGIQUE", "REPAIR",
				",\"assetId\":\"" + projector + "\"");
		MvcTestResult r = mvc.post().uri("/api/v1/tickets").with(as("college"))
			.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("assetId");
		assertThat(TicketApiTests.content(r)).contains("relève du composant « VIDEOPROJECTEURS »");
	}

	@Test
	void theTicketPageShowsTheAssetAndTheAssetPageItsTickets() {
		long asset = projector(COLLEGE, "CD");
		MvcTestResult r = open("college", COLLEGE, asset);
		long id = ((Number) JsonPath.read(TicketApiTests.content(r), "$.id")).longValue();
		String number = JsonPath.read(TicketApiTests.content(r), "$.number");

		assertThat(mvc.get().uri("/tickets/" + id).with(as("college"))).hasStatusOk()
			.bodyText().contains("Équipement concerné", "EB-W51", "31/12/2099", "sous garantie", "B204",
					"/inventaire/equipements/" + asset, "matériel de secours");

		assertThat(mvc.get().uri("/inventaire/equipements/" + asset).with(as("college")))
			.hasStatusOk().bodyText().contains(number, "/tickets/" + id);
		// Routed to the CD only, not critical: the Académie's agent does not see it, nor its line on the asset page.
		assertThat(mvc.get().uri("/inventaire/equipements/" + asset).with(as("agent.aca")))
			.hasStatusOk().bodyText().doesNotContain(number);
	}

	@Test
	void reclassifyingKeepsTheAssetsFundingAndNetwork() {
		MvcTestResult r = open("college", COLLEGE, projector(COLLEGE, "OWN_FUNDS_CATALOGUE"));
		long id = ((Number) JsonPath.read(TicketApiTests.content(r), "$.id")).longValue();
		MvcTestResult again = mvc.put().uri("/api/v1/tickets/" + id + "/classification").with(as("niveau1"))
			.header("If-Match", r.getResponse().getHeader("ETag"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"intervention\":\"REPAIR\",\"reason\":\"vérifié\"}").exchange();
		assertThat(again).as(TicketApiTests.content(again)).hasStatusOk();
		assertThat(again).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("EPLE");
	}

	@Test
	void theCollegePicksTheAssetInItsReportForm() {
		long asset = projector(COLLEGE, "OWN_FUNDS_CATALOGUE");
		String name = JsonPath.read(TicketApiTests.content(mvc.get().uri("/api/v1/assets/" + asset)
			.with(as("admin")).exchange()), "$.name");
		assertThat(mvc.get().uri("/signaler").with(as("college"))).hasStatusOk().bodyText()
			.contains("<select id=\"assetId\"", "for=\"assetId\"", "Équipement concerné (facultatif)", name);

		MvcTestResult wrongKind = mvc.post().uri("/signaler").with(as("college")).with(csrf())
			.param("problem", "internet").param("assetId", String.valueOf(asset)).param("title", "Panne")
			.param("description", "Plus d'image").exchange();
		assertThat(wrongKind).hasStatusOk().bodyText().contains("assetId-error", "pas du type choisi");

		MvcTestResult r = mvc.post().uri("/signaler").with(as("college")).with(csrf())
			.param("problem", "videoprojecteur").param("assetId", String.valueOf(asset))
			.param("title", TicketApiTests.unique("Plus d'image")).param("description", "Écran noir en B204").exchange();
		assertThat(r).hasStatus(HttpStatus.FOUND);
		String location = r.getResponse().getRedirectedUrl();
		assertThat(mvc.get().uri(location).with(as("college"))).hasStatusOk().bodyText()
			.contains("Équipement concerné", name);
		assertThat(mvc.get().uri("/api/v1" + location).with(as("college")))
			.bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("EPLE");
	}

	@Test
	void reclassifyingCanNameTheAsset() {
		MvcTestResult r = mvc.post().uri("/api/v1/tickets").with(as("niveau1"))
			.contentType(MediaType.APPLICATION_JSON).content(TicketApiTests.body(COLLEGE, TicketApiTests.unique("Vidéoprojecteur"),
					"VIDEOPROJECTEURS", "REPAIR", "")).exchange();
		assertThat(r).bodyJson().extractingPath("$.routing.parties").asArray().containsExactlyInAnyOrder("CD", "EPLE");
		String uri = "/api/v1/tickets/" + JsonPath.read(TicketApiTests.content(r), "$.id") + "/classification";
		MvcTestResult foreign = mvc.put().uri(uri).with(as("niveau1"))
			.header("If-Match", r.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"assetId\":\"" + projector("0359902Y", "CD") + "\"}").exchange();
		assertThat(foreign).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(foreign).bodyJson().extractingPath("$.errors[0].field").isEqualTo("assetId");
		MvcTestResult named = mvc.put().uri(uri).with(as("niveau1"))
			.header("If-Match", r.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"assetId\":\"" + projector(COLLEGE, "OWN_FUNDS_CATALOGUE") + "\"}").exchange();
		assertThat(named).as(TicketApiTests.content(named)).hasStatusOk();
		assertThat(named).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("EPLE");
		assertThat(named).bodyJson().extractingPath("$.funding").isEqualTo("OWN_FUNDS_CATALOGUE");
	}

	@Test
	void anAgentNamesTheAssetWhenReclassifyingFromTheTicketPage() {
		long own = projector(COLLEGE, "OWN_FUNDS_CATALOGUE");
		long foreign = projector("0359902Y", "CD");
		String ownName = JsonPath.read(TicketApiTests.content(mvc.get().uri("/api/v1/assets/" + own)
			.with(as("admin")).exchange()), "$.name");
		String foreignName = JsonPath.read(TicketApiTests.content(mvc.get().uri("/api/v1/assets/" + foreign)
			.with(as("admin")).exchange()), "$.name");
		MvcTestResult r = mvc.post().uri("/api/v1/tickets").with(as("niveau1"))
			.contentType(MediaType.APPLICATION_JSON).content(TicketApiTests.body(COLLEGE, TicketApiTests.unique("Vidéoprojecteur"),
					"VIDEOPROJECTEURS", "REPAIR", "")).exchange();
		long id = ((Number) JsonPath.read(TicketApiTests.content(r), "$.id")).longValue();
		String page = "/tickets/" + id;

		// The establishment's assets, grouped by component, with an empty choice; not those of another collège.
		assertThat(mvc.get().uri(page).with(as("niveau1"))).hasStatusOk().bodyText()
			.contains("<label for=\"classify-assetId\"", "<select id=\"classify-assetId\" name=\"assetId\"",
					"<option value=\"\">— aucun —</option>", "<optgroup label=\"Vidéoprojecteurs\" data-component=\"VIDEOPROJECTEURS\">",
					"<option value=\"" + own + "\">" + ownName)
			.doesNotContain(foreignName);
		// The collège has no reclassify form, hence no picker.
		assertThat(mvc.get().uri(page).with(as("college"))).hasStatusOk().bodyText()
			.doesNotContain("classify-assetId");

		// Another collège's asset, or one of another component: refused, said next to the picker, nothing changed.
		MvcTestResult refused = reclassify(id, "VIDEOPROJECTEURS", String.valueOf(foreign));
		assertThat(refused).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(page).with(as("niveau1")).cookie(refused.getResponse().getCookies()))
			.hasStatusOk().bodyText().contains("id=\"classify-assetId-error\"", "inconnu pour cet établissement",
					"aria-invalid=\"true\"", "classify-assetId-help classify-assetId-error");
		MvcTestResult otherKind = reclassify(id, "BORNES_WIFI", String.valueOf(own));
		assertThat(mvc.get().uri(page).with(as("niveau1")).cookie(otherKind.getResponse().getCookies()))
			.hasStatusOk().bodyText().contains("id=\"classify-assetId-error\"", "relève du composant « VIDEOPROJECTEURS »",
					"value=\"BORNES_WIFI\"");
		assertThat(mvc.get().uri("/api/v1" + page).with(as("niveau1")))
			.bodyJson().extractingPath("$.assetId").isNull();

		// The collège's own asset: named, and its funding routes the ticket.
		MvcTestResult named = reclassify(id, "VIDEOPROJECTEURS", String.valueOf(own));
		assertThat(named).hasStatus(HttpStatus.FOUND);
		assertThat(named.getMvcResult().getFlashMap().get("success")).isNotNull();
		MvcTestResult json = mvc.get().uri("/api/v1" + page).with(as("niveau1")).exchange();
		assertThat(json).bodyJson().extractingPath("$.assetId").isEqualTo(String.valueOf(own));
		assertThat(json).bodyJson().extractingPath("$.funding").isEqualTo("OWN_FUNDS_CATALOGUE");
		assertThat(json).bodyJson().extractingPath("$.routing.parties").asArray().containsExactly("EPLE");
		assertThat(mvc.get().uri(page).with(as("niveau1"))).hasStatusOk().bodyText()
			.contains("<option value=\"" + own + "\" selected=\"selected\">" + ownName, "équipement n° " + own);

		// « Aucun » takes it off again, and the history says so.
		assertThat(reclassify(id, "VIDEOPROJECTEURS", "")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1" + page).with(as("niveau1")))
			.bodyJson().extractingPath("$.assetId").isNull();
		assertThat(mvc.get().uri(page).with(as("niveau1"))).hasStatusOk().bodyText()
			.contains("équipement n° " + own + " retiré");
	}

	/**
	 * A refusal with its code reads in the page's language: the asset of another collège next to the picker, a change
	 * of criticality without reason in the page's notice; the API keeps its French detail and carries the code.
	 */
	@Test
	void aCodedRefusalReadsInEnglishOnAnEnglishPage() {
		long foreign = projector("0359902Y", "CD");
		MvcTestResult r = mvc.post().uri("/api/v1/tickets").with(as("niveau1"))
			.contentType(MediaType.APPLICATION_JSON).content(TicketApiTests.body(COLLEGE, TicketApiTests.unique("Vidéoprojecteur"),
					"VIDEOPROJECTEURS", "REPAIR", "")).exchange();
		long id = ((Number) JsonPath.read(TicketApiTests.content(r), "$.id")).longValue();
		int version = JsonPath.read(TicketApiTests.content(mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange()),
				"$.version");

		MvcTestResult asset = mvc.post().uri("/tickets/" + id + "/classement?lang=en").with(as("niveau1")).with(csrf())
			.param("version", String.valueOf(version)).param("component", "VIDEOPROJECTEURS").param("intervention", "REPAIR")
			.param("assetId", String.valueOf(foreign)).exchange();
		assertThat(asset).hasStatus(HttpStatus.FOUND);
		assertThat(asset.getMvcResult().getFlashMap().get("classifyErrors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("assetId", "assetId: Unknown equipment for this school (« " + foreign + " »).");

		MvcTestResult criticality = mvc.post().uri("/tickets/" + id + "/criticite?lang=en").with(as("niveau1")).with(csrf())
			.param("version", String.valueOf(version)).param("criticality", "CRITICAL").exchange();
		assertThat(criticality).hasStatus(HttpStatus.FOUND);
		assertThat(criticality.getMvcResult().getFlashMap().get("failure"))
			.isEqualTo("reason: A change of criticality says why (« reason »).");

		String etag = mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange().getResponse().getHeader("ETag");
		MvcTestResult api = mvc.put().uri("/api/v1/tickets/" + id + "/classification").with(as("niveau1"))
			.header("If-Match", etag).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
			.content("{\"assetId\":\"" + foreign + "\",\"reason\":\"test\"}").exchange();
		assertThat(api).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail")
			.isEqualTo("assetId : Équipement inconnu pour cet établissement (« " + foreign + " »).");
		assertThat(api).bodyJson().extractingPath("$.code").isEqualTo("helpdesk.refused.asset");
	}

	private MvcTestResult reclassify(long id, String component, String assetId) {
		int version = JsonPath.read(TicketApiTests.content(mvc.get().uri("/api/v1/tickets/" + id)
			.with(as("niveau1")).exchange()), "$.version");
		return mvc.post().uri("/tickets/" + id + "/classement").with(as("niveau1")).with(csrf())
			.param("version", String.valueOf(version)).param("component", component).param("intervention", "REPAIR")
			.param("assetId", assetId).exchange();
	}
}
