package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.EntenteTest;
import org.entente.common.Labels;
import org.entente.convention.Area;
import org.entente.convention.Component;
import org.entente.convention.ConventionLabels;
import org.entente.convention.Conventions;
import org.entente.convention.Domain;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.inventory.AssetStatus;
import org.entente.inventory.InventoryNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

/**
 * The convention's and the inventory's pages in English mode ({@code ?lang=en}), rendered server side: no French label
 * of an enum value, no French heading or button, no French name of a component or domain of the convention, no raw
 * {@code ENUM_NAME} in the text. What stays French is the convention's quoted text (notes, clauses, conditions: the
 * signed annex, which the pages say) and the establishments' names; both are taken out before looking.
 */
@EntenteTest
class EnglishPagesTests {

	private static final String COLLEGE = "0359901X";

	/** French words of the pages' own texts that must not survive in English (headings, buttons, navigation). */
	private static final List<String> FRENCH = List.of("Équipement", "équipement", "Établissements", "Rechercher",
			"Valeurs acceptées", "Vous consultez", "Qui fait quoi", "Inventaire", "Financement", "Réseau", "Statut",
			"Aucun", "Garantie", "Télécharger", "Enregistrer", "Vérifier");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Conventions conventions;

	@Autowired
	ConventionLabels conventionLabels;

	@Test
	void theInventoryAndConventionPagesSpeakEnglish() throws Exception {
		long asset = asset();
		List<String> leaks = new ArrayList<>();
		for (String uri : List.of("/inventaire", "/inventaire?uai=" + COLLEGE, "/inventaire/equipements/" + asset,
				"/inventaire/nommage", "/inventaire/garanties?mois=120", "/inventaire/rechange", "/inventaire/referentiel",
				"/inventaire/logiciels", "/inventaire/import", "/inventaire/achats", "/qui-fait-quoi", "/convention/versions",
				"/etablissements")) {
			var r = mvc.get().uri(uri + (uri.contains("?") ? "&" : "?") + "lang=en").with(as("admin")).exchange();
			assertThat(r).as(uri).hasStatus(HttpStatus.OK);
			String text = visibleText(r.getResponse().getContentAsString());
			for (String french : frenchLabels()) {
				if (text.contains(french)) {
					leaks.add(uri + ": « " + french + " »");
				}
			}
			Matcher raw = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b").matcher(text);
			while (raw.find()) {
				leaks.add(uri + ": raw " + raw.group());
			}
		}
		assertThat(leaks).as("French or raw labels in English mode").isEmpty();
		String matrix = mvc.get().uri("/qui-fait-quoi?lang=en").with(as("admin")).exchange().getResponse().getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(matrix)).contains("Network infrastructure", "Wi-Fi access points", "Internet connection",
				"Services portal (Toutatice)", "The convention's own text is quoted in French");
	}

	/** The words of the sentences built in code (not the convention's quoted text), none of which English may keep. */
	private static final List<String> FRENCH_SENTENCES = List.of(" de « ", " car ", "par renvoi", "ne désigne aucune",
			"cellule vide", "plusieurs parties", "trancher", "aucune partie", " et ", "Dépannage", "Fourniture", "n'a pas de colonne",
			"inconnu", "Choisissez", "ne respecte pas", "règle", "ouvrées restantes", "en pause", "menacé", "dépassé",
			"Prise en charge", "Rétablissement", "répare", "le Département", "l'Académie", "Conseil Départemental",
			"Établissement", "à fixer");

	/**
	 * The sentences Java code builds (« Qui fait quoi ? » answers and their errors, the party names, naming faults, who
	 * handles a ticket, its clocks and chips) read in English in English mode, and stay the same French otherwise.
	 */
	@Test
	void theSentencesBuiltInCodeSpeakEnglish() throws Exception {
		var convention = conventions.current();
		// Every answer of the matrix, told in English: no French word of the sentence's frame (the conditions and
		// clauses quoted from the convention are taken out first).
		List<String> leaks = new ArrayList<>();
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		try {
			for (Component c : convention.components().values()) {
				for (InterventionKind k : c.area().kinds()) {
					var r = conventionLabels.resolve(c.code(), k, null);
					String sentence = r.explanation().replace(r.clause(), " ");
					for (var condition : c.conditions()) {
						String quoted = condition.text().strip();
						sentence = sentence.replace(quoted.endsWith(".") ? quoted.substring(0, quoted.length() - 1) : quoted, " ");
					}
					for (String french : FRENCH_SENTENCES) {
						if (sentence.contains(french)) {
							leaks.add(c.code() + "/" + k + ": « " + french + " » in " + r.explanation());
						}
					}
				}
			}
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(leaks).as("French words in the English answers").isEmpty();

		// The matrix page: the answer, the party names and the question's errors.
		String french = answer("/qui-fait-quoi?component=BORNES_WIFI&kind=REPAIR");
		assertThat(french).isEqualTo("Dépannage de « Bornes Wi-Fi » : " + String.join(" et ",
				convention.component("BORNES_WIFI").orElseThrow().cell(InterventionKind.REPAIR).parties()) + " ("
				+ convention.component("BORNES_WIFI").orElseThrow().cellClause(InterventionKind.REPAIR) + ").")
			.isEqualTo(conventions.resolve("BORNES_WIFI", InterventionKind.REPAIR, null).explanation());
		String english = answer("/qui-fait-quoi?lang=en&component=BORNES_WIFI&kind=REPAIR");
		// The clause is the convention's own French, quoted.
		String clause = convention.component("BORNES_WIFI").orElseThrow().cellClause(InterventionKind.REPAIR);
		assertThat(english).startsWith("Repair of « Wi-Fi access points »: ").endsWith(" (" + clause + ").");
		assertThat(english.replace(clause, "")).doesNotContain("Dépannage", "Bornes", " : ");
		String because = answer("/qui-fait-quoi?lang=en&component=VIDEOPROJECTEURS&kind=REPAIR&funding=OWN_FUNDS_CATALOGUE");
		assertThat(because).contains("Repair of « Video projectors »", ", because the convention says « ").doesNotContain(", car ");
		String matrix = page("/qui-fait-quoi?lang=en");
		assertThat(option(matrix, "CD")).isEqualTo("CD — Ille-et-Vilaine Département council");
		assertThat(option(page("/qui-fait-quoi"), "CD")).isEqualTo("CD — Conseil Départemental d'Ille-et-Vilaine");
		Component outside = convention.components().values().stream()
			.filter(c -> c.area() == Area.OUTSIDE).findFirst().orElseThrow();
		assertThat(questionError("/qui-fait-quoi?component=" + outside.code() + "&kind=REPAIR"))
			.isEqualTo("La ligne « " + outside.label() + " » (" + outside.area().label() + ") n'a pas de colonne « Dépannage » ; colonnes : "
					+ outside.area().kinds());
		assertThat(questionError("/qui-fait-quoi?lang=en&component=" + outside.code() + "&kind=REPAIR"))
			.contains("has no « Repair » column; its columns: Supply, Installation").doesNotContain("colonne", "Fourniture", "SUPPLY");
		assertThat(questionError("/qui-fait-quoi?lang=en&component=PAS_UN_CODE&kind=REPAIR")).contains("is not in the convention")
			.doesNotContain("inconnu");
		assertThat(questionError("/qui-fait-quoi?lang=en&kind=REPAIR")).isEqualTo("Choose an intervention and a piece of equipment or a service.");
		assertThat(questionError("/qui-fait-quoi?kind=REPAIR")).isEqualTo("Choisissez une intervention et un équipement ou service.");

		// A name that breaks the naming rules: its fault on the naming page.
		String name = "VP salle EN" + ThreadLocalRandom.current().nextInt(1000, 9999);
		var imported = mvc.post().uri("/api/v1/assets/import?dryRun=false").contentType("text/csv")
			.content("uai,component,network,name,serial,manufacturer,model,funding,acquired,warrantyEnd,status\n"
					+ COLLEGE + ",VIDEOPROJECTEURS,PEDAGOGICAL," + name + ",EN-" + UUID.randomUUID().toString().substring(0, 8)
					+ ",Epson,EB,CD,2024-01-01,2099-01-01,IN_SERVICE\n")
			.with(as("admin")).exchange();
		assertThat(imported).hasStatusOk();
		String namingFr = visibleText(page("/inventaire/nommage"));
		assertThat(namingFr).contains("le nom « " + name + " » ne respecte pas la règle « ");
		String namingEn = page("/inventaire/nommage?lang=en");
		Matcher cell = Pattern.compile("<td>([^<]*« " + name + " »[^<]*)</td>").matcher(HtmlUtils.htmlUnescape(namingEn));
		assertThat(cell.find()).as("the fault of " + name).isTrue();
		String fault = cell.group(1);
		assertThat(fault).contains("the name « " + name + " » does not follow the Département's rule « Peripherals » (example: ")
			.doesNotContain("ne respecte pas", "règle", "exemple");

		// « Signaler un problème »: the collège's words for its problems, and its equipment grouped by component.
		String reportEn = HtmlUtils.htmlUnescape(mvc.get().uri("/signaler?lang=en").with(as("college")).exchange().getResponse()
			.getContentAsString());
		assertThat(reportEn).contains("The Internet no longer works", "no website opens", "label=\"Video projectors\"")
			.doesNotContain("Internet ne fonctionne plus", "aucun site ne s'ouvre", "Un vidéoprojecteur", "label=\"Vidéoprojecteurs\"");
		assertThat(HtmlUtils.htmlUnescape(mvc.get().uri("/signaler").with(as("college")).exchange().getResponse().getContentAsString()))
			.contains("Internet ne fonctionne plus", "aucun site ne s'ouvre, dans tout le collège ou une partie", "label=\"Vidéoprojecteurs\"");

		// « Signaler un incident de sécurité »: what happened in the collège's words, the components by name, the errors.
		String securityEn = HtmlUtils.htmlUnescape(mvc.get().uri("/securite/signaler?lang=en").with(as("college")).exchange()
			.getResponse().getContentAsString());
		assertThat(securityEn).contains("A suspicious message", "An email, a text message", "Most often", "Wi-Fi access points")
			.doesNotContain("Un message suspect", "Un courriel", "Le plus souvent", "Bornes Wi-Fi");
		String refusedEn = HtmlUtils.htmlUnescape(mvc.post().uri("/securite/signaler?lang=en").with(as("college")).with(csrf())
			.param("personalData", "").exchange().getResponse().getContentAsString());
		assertThat(refusedEn).contains("Choose what is happening.", "Describe what you saw")
			.doesNotContain("Choisissez ce qui se passe", "Décrivez ce que vous avez vu");
		String refusedFr = HtmlUtils.htmlUnescape(mvc.post().uri("/securite/signaler").with(as("college")).with(csrf())
			.param("personalData", "").exchange().getResponse().getContentAsString());
		assertThat(refusedFr).contains("Choisissez ce qui se passe.", "Décrivez ce que vous avez vu, même en quelques mots.",
				"Répondez oui, non ou je ne sais pas.");

		// Form errors the page controllers word themselves: the identities import, the BYOD opening, the journal search.
		String identities = "/donnees-personnelles/identites";
		assertThat(text(mvc.post().uri(identities + "?lang=en").with(as("admin")).with(csrf())))
			.contains("Choose the CSV file of the identities export.").doesNotContain("Choisissez le fichier");
		assertThat(text(mvc.post().uri(identities).with(as("admin")).with(csrf())))
			.contains("Choisissez le fichier CSV de l'export des identités.");
		String opening = "/politiques/byod/ouverture";
		assertThat(text(mvc.post().uri(opening + "?lang=en").with(as("college")).with(csrf())))
			.contains("Request not confirmed: use the button on the page.").doesNotContain("Demande non confirmée");
		assertThat(text(mvc.post().uri(opening).with(as("college")).with(csrf())))
			.contains("Demande non confirmée : utilisez le bouton de la page.");
		String search = "/journal?from=2026-01-01T00:00&to=2026-01-02T00:00&purpose=";
		assertThat(text(mvc.get().uri(search + "p".repeat(501) + "&lang=en").with(as("journal"))))
			.contains("500 characters at most.").doesNotContain("caractères au plus");
		assertThat(text(mvc.get().uri(search + "&lang=en").with(as("journal"))))
			.contains("Give the purpose of the search").doesNotContain("Indiquez l'objet");
		assertThat(text(mvc.get().uri(search).with(as("journal"))))
			.contains("Indiquez l'objet de la recherche : il figure au registre de garde que lisent les DPO.");

		// A ticket: who handles it, the parties by name, its clocks, and its chip and party names in the list.
		String ticketFr = reported("/tickets/{id}");
		String ticketEn = reported("/tickets/{id}?lang=en");
		assertThat(element(ticketFr, "who-handles")).isEqualTo("Le Département répare « Adduction internet ».");
		assertThat(element(ticketFr, "confirmation-who")).contains("Conseil Départemental d'Ille-et-Vilaine");
		assertThat(ticketFr).contains("Prise en charge des demandes utilisateurs et diagnostic");
		assertThat(element(ticketEn, "who-handles")).isEqualTo("The Département repairs « Internet connection ».");
		assertThat(element(ticketEn, "confirmation-who")).contains("Ille-et-Vilaine Département council").doesNotContain("Conseil");
		// Why, on demand: the ticket's own sentence in French, told again in English.
		String internet = convention.component("ADDUCTION_INTERNET").orElseThrow().cellClause(InterventionKind.REPAIR);
		assertThat(element(ticketFr, "routing-explanation")).isEqualTo("Dépannage de « Adduction internet » : CD (" + internet + ").");
		assertThat(element(ticketEn, "routing-explanation")).isEqualTo("Repair of « Internet connection »: CD (" + internet + ").");
		assertThat(ticketEn).contains("Taking charge of user requests and diagnosis").doesNotContain("Prise en charge des demandes");
		String listEn = HtmlUtils.htmlUnescape(mvc.get().uri("/tickets?lang=en").with(as("admin")).exchange().getResponse().getContentAsString());
		String listFr = HtmlUtils.htmlUnescape(mvc.get().uri("/tickets").with(as("admin")).exchange().getResponse().getContentAsString());
		assertThat(listFr).contains("Prise en charge").contains(">Établissement</option>");
		assertThat(listEn).contains("Taking charge").contains(">School</option>").doesNotContain("Prise en charge", "ouvrées restantes",
				">Établissement</option>");
	}

	/**
	 * What the services refuse, shown on pages (issue 16): the inventory import's faults, the desk's refusals on the
	 * ticket page, a convention file's faults on the upload page, the journal export's pre-filled purpose and the
	 * committees' names read in English in English mode; in French they are the very sentences the API gives, which
	 * keeps its French detail and gains the sentence's {@code code}.
	 */
	@Test
	void theRefusalsAndFaultsShownOnPagesSpeakEnglish() throws Exception {
		// The inventory import: a file whose rows are meaningless (unknown school and component, bad date and value,
		// no serial), checked on the page.
		String unknownUai = org.entente.directory.Uai.withCheckLetter(3599977).value();
		String csv = "uai,component,network,name,serial,manufacturer,model,funding,acquired,warrantyEnd,status\n"
				+ unknownUai + ",VIDEOPROJECTEURS,PEDAGOGICAL,VP,EN-F1,Epson,EB,CD,2024-01-01,2099-01-01,IN_SERVICE\n"
				+ COLLEGE + ",PAS_UN_CODE,PEDAGOGICAL,VP,EN-F2,Epson,EB,CD,2024-13-45,2099-01-01,IN_SERVICE\n"
				+ COLLEGE + ",VIDEOPROJECTEURS,NOWHERE,VP,,Epson,EB,CD,2024-01-01,2099-01-01,IN_SERVICE\n";
		String importEn = importPage(csv, "?lang=en");
		assertThat(importEn).contains("school « " + unknownUai + " » unknown", "component « PAS_UN_CODE » is not in the convention",
				"date « 2024-13-45 » is not valid: expected format YYYY-MM-DD", "value « NOWHERE » unknown; possible values: ",
				"serial number required: it is the key of updates")
			.doesNotContain("inconnu", "invalide", "obligatoire", "AAAA-MM-JJ", "valeurs possibles");
		String importFr = importPage(csv, "");
		var api = mvc.post().uri("/api/v1/assets/import?dryRun=true&lang=en").contentType("text/csv").content(csv)
			.with(as("admin")).exchange();
		assertThat(api).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		String apiText = api.getResponse().getContentAsString();
		for (String french : List.of("établissement « " + unknownUai + " » inconnu", "composant « PAS_UN_CODE » inconnu de la convention",
				"date « 2024-13-45 » invalide : format AAAA-MM-JJ attendu", "numéro de série obligatoire : c'est la clé de mise à jour")) {
			assertThat(importFr).contains(french);
			assertThat(apiText).as("the API stays French").contains(french);
		}
		assertThat(importFr).doesNotContain("unknown", "is not in the convention");
		assertThat(apiText).doesNotContain("unknown");

		// The ticket page: a move the workflow refuses, by level 1, then one the collège may not make.
		long id = ticket();
		String refusedEn = ticketFailure(id, "admin", "CLOSED", "?lang=en");
		assertThat(refusedEn).startsWith("A ticket « New » cannot go to « Closed »; allowed transitions: TAKEN_IN_CHARGE (")
			.doesNotContain("Nouveau", "ne peut pas", "transitions permises", "« Clos »");
		var conflict = mvc.post().uri("/api/v1/tickets/" + id + "/transitions?lang=en").with(as("admin")).header("If-Match", "\"" + version(id) + "\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"CLOSED\"}").exchange();
		assertThat(conflict).hasStatus(HttpStatus.CONFLICT);
		String detail = com.jayway.jsonpath.JsonPath.read(conflict.getResponse().getContentAsString(), "$.detail");
		assertThat(detail).startsWith("Un ticket « Nouveau » ne peut pas passer à « Clos » ; transitions permises : TAKEN_IN_CHARGE (");
		assertThat((String) com.jayway.jsonpath.JsonPath.read(conflict.getResponse().getContentAsString(), "$.code"))
			.isEqualTo("helpdesk.refused.transition");
		assertThat(ticketFailure(id, "admin", "CLOSED", "")).as("French page = the API's detail").isEqualTo(detail);
		assertThat(ticketFailure(id, "college", "TAKEN_IN_CHARGE", "?lang=en"))
			.isEqualTo("The school confirms the repair (CLOSED) or reopens the ticket; the other steps belong to the support teams.");
		assertThat(ticketFailure(id, "college", "TAKEN_IN_CHARGE", ""))
			.isEqualTo("Le collège confirme la résolution (CLOSED) ou rouvre le ticket ; les autres étapes appartiennent aux équipes d'assistance.");

		// A convention file with faults: not UTF-8, then a cell naming an unknown party.
		byte[] latin1 = "title: \"Convention r\u00e9vis\u00e9e\"\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(uploadFaults(latin1, "?lang=en")).containsExactly("avenant.yaml, line 1: the file is not encoded in UTF-8");
		assertThat(uploadFaults(latin1, "")).containsExactly("avenant.yaml, ligne 1 : le fichier n'est pas encodé en UTF-8");
		String unknownParty = org.entente.convention.ConventionFixtures.seedText()
			.replaceFirst("(code: BORNES_WIFI[\\s\\S]*?ADMINISTRATION: )\\[\\]", "$1[XX]");
		List<String> partyEn = uploadFaults(unknownParty.getBytes(java.nio.charset.StandardCharsets.UTF_8), "?lang=en");
		assertThat(partyEn).singleElement().asString().startsWith("avenant.yaml, line ").contains("): party « XX » unknown; declared parties: [")
			.doesNotContain("ligne", "inconnue");
		assertThat(uploadFaults(unknownParty.getBytes(java.nio.charset.StandardCharsets.UTF_8), "")).singleElement().asString()
			.startsWith("avenant.yaml, ligne ").contains(" : partie « XX » inconnue ; parties déclarées : [");
		assertThat(uploadFaults(new byte[0], "?lang=en")).containsExactly("No file chosen.");
		// Faults of other sections: the YAML reader's unknown key, the calendar, the finance.
		String seed = org.entente.convention.ConventionFixtures.seedText();
		String others = seed.replaceFirst("\nid: ", "\nunexpected: 1\nid: ");
		assertThat(uploadFaults(others.getBytes(java.nio.charset.StandardCharsets.UTF_8), "?lang=en")).singleElement().asString()
			.startsWith("avenant.yaml, line ").endsWith("(unexpected): unknown key « unexpected »").doesNotContain("ligne", "clé inconnue");
		assertThat(uploadFaults(others.getBytes(java.nio.charset.StandardCharsets.UTF_8), "")).singleElement().asString()
			.endsWith("(unexpected) : clé inconnue « unexpected »");
		String sections = seed.replaceFirst("zone: Europe/Paris", "zone: Europe/Nulle_Part")
			.replaceFirst("evolutiveMaintenance: 0.60", "evolutiveMaintenance: 0.70");
		List<String> sectionsEn = uploadFaults(sections.getBytes(java.nio.charset.StandardCharsets.UTF_8), "?lang=en");
		assertThat(sectionsEn).hasSize(2).anySatisfy(f -> assertThat(f).endsWith("(calendar.zone): unknown time zone « Europe/Nulle_Part »"))
			.anySatisfy(f -> assertThat(f).endsWith("(finance.split): the split must total 100 %"))
			.allSatisfy(f -> assertThat(f).doesNotContain("ligne", "fuseau", "inconnu", "répartition", "totaliser"));
		assertThat(uploadFaults(sections.getBytes(java.nio.charset.StandardCharsets.UTF_8), "")).hasSize(2)
			.anySatisfy(f -> assertThat(f).endsWith("(calendar.zone) : fuseau horaire « Europe/Nulle_Part » inconnu"))
			.anySatisfy(f -> assertThat(f).endsWith("(finance.split) : la répartition doit totaliser 100 %"));

		// The journal's periodic export to the Académie, pre-filled; the committees by name.
		assertThat(text(mvc.get().uri("/journal/exports?kind=ACADEMY&lang=en").with(as("journal"))))
			.contains("Periodic sending to the Académie (convention, part 5: logs supplied raw and unmodified)").doesNotContain("Envoi périodique");
		assertThat(text(mvc.get().uri("/journal/exports?kind=ACADEMY").with(as("journal"))))
			.contains("Envoi périodique à l'Académie (convention, partie 5 : logs fournis sous forme brute non modifiée)");
		assertThat(text(mvc.get().uri("/gouvernance/comites?lang=en").with(as("admin"))))
			.contains("Strategic committee", "Operational committee", "Evaluation committee", "Operations committee")
			.doesNotContain("Comité stratégique", "Comité d'exploitation");
		assertThat(text(mvc.get().uri("/gouvernance/comites").with(as("admin")))).contains("Comité stratégique", "Comité d'exploitation");
	}

	/** The inventory import page's answer to this file (checked, not saved), entities decoded. */
	private String importPage(String csv, String lang) throws Exception {
		var r = mvc.post().uri("/inventaire/import" + lang).multipart()
			.file(new org.springframework.mock.web.MockMultipartFile("file", "inventaire.csv", "text/csv",
					csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.with(as("admin")).with(csrf()).exchange();
		assertThat(r).hasStatusOk();
		return HtmlUtils.htmlUnescape(r.getResponse().getContentAsString());
	}

	/** A new ticket of the test collège, at level 1, opened by the API; returns its id. */
	private long ticket() throws Exception {
		var r = mvc.post().uri("/api/v1/tickets").with(as("college")).contentType(MediaType.APPLICATION_JSON).content("""
				{"establishment":"%s","title":"Refus %s","description":"Ne marche plus.","component":"ADDUCTION_INTERNET","intervention":"REPAIR"}"""
			.formatted(COLLEGE, UUID.randomUUID())).exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		return ((Number) com.jayway.jsonpath.JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	private int version(long id) throws Exception {
		return com.jayway.jsonpath.JsonPath.read(mvc.get().uri("/api/v1/tickets/" + id).with(as("admin")).exchange().getResponse()
			.getContentAsString(), "$.version");
	}

	/** The reason the ticket page gives when this account asks for that status (the redirect followed with its flash). */
	private String ticketFailure(long id, String account, String to, String lang) throws Exception {
		var r = mvc.post().uri("/tickets/" + id + "/transition" + lang).with(as(account)).with(csrf())
			.param("version", String.valueOf(version(id))).param("to", to).exchange();
		assertThat(r).hasStatus(HttpStatus.FOUND);
		var shown = mvc.get().uri(r.getResponse().getRedirectedUrl() + lang).with(as(account)).cookie(r.getResponse().getCookies())
			.exchange();
		Matcher m = Pattern.compile("alert-danger\" role=\"alert\"[^>]*>([^<]*)<").matcher(HtmlUtils.htmlUnescape(shown.getResponse().getContentAsString()));
		assertThat(m.find()).as("the refusal on ticket " + id).isTrue();
		return m.group(1).strip();
	}

	/** The faults the versions page lists after uploading this file (nothing is stored: the file is faulty). */
	private List<String> uploadFaults(byte[] file, String lang) throws Exception {
		String before = conventions.current().version();
		var r = mvc.post().uri("/convention/versions" + lang).multipart()
			.file(new org.springframework.mock.web.MockMultipartFile("file", "avenant.yaml", "application/yaml", file))
			.with(as("admin")).with(csrf()).exchange();
		assertThat(r).hasStatus(HttpStatus.FOUND);
		assertThat(conventions.current().version()).isEqualTo(before);
		String page = HtmlUtils.htmlUnescape(mvc.get().uri("/convention/versions" + lang).with(as("admin"))
			.cookie(r.getResponse().getCookies()).exchange().getResponse().getContentAsString());
		String errors = page.substring(page.indexOf("id=\"upload-errors\""), page.indexOf("</ul>", page.indexOf("id=\"upload-errors\"")));
		List<String> faults = new ArrayList<>();
		Matcher m = Pattern.compile("<li>([^<]*)</li>").matcher(errors);
		while (m.find()) {
			faults.add(m.group(1).strip());
		}
		return faults;
	}

	/** A problem reported on « Signaler un problème » (Internet), then its page as the collège first sees it. */
	private String reported(String page) throws Exception {
		var r = mvc.post().uri("/signaler").with(as("college")).with(csrf()).param("problem", "internet")
			.param("title", "English " + UUID.randomUUID()).param("description", "Plus d'internet au CDI").exchange();
		assertThat(r).hasStatus(HttpStatus.FOUND);
		String location = r.getResponse().getRedirectedUrl();
		// The flash attributes live in the session (Spring Session JDBC): the redirect is followed with its cookie.
		var shown = mvc.get().uri(page.replace("{id}", location.substring("/tickets/".length()))).with(as("college"))
			.cookie(r.getResponse().getCookies()).exchange();
		assertThat(shown).hasStatusOk();
		return HtmlUtils.htmlUnescape(shown.getResponse().getContentAsString());
	}

	/** The text of a page, entities decoded (any status: a refused form answers its page again). */
	private static String text(MockMvcTester.MockMvcRequestBuilder request) throws Exception {
		return HtmlUtils.htmlUnescape(request.exchange().getResponse().getContentAsString());
	}

	private String page(String uri) throws Exception {
		var r = mvc.get().uri(uri).with(as("admin")).exchange();
		assertThat(r).as(uri).hasStatus(HttpStatus.OK);
		return r.getResponse().getContentAsString();
	}

	private String answer(String uri) throws Exception {
		return element(HtmlUtils.htmlUnescape(page(uri)), "answer-explanation");
	}

	private String questionError(String uri) throws Exception {
		return element(HtmlUtils.htmlUnescape(page(uri)), "question-error");
	}

	/** The text of the element with this id (no nested markup). */
	private static String element(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(m.find()).as("#" + id).isTrue();
		return m.group(1).strip();
	}

	/** The text of the party select's option (« Partie ») with this value. */
	private static String option(String html, String value) {
		String select = html.substring(html.indexOf("id=\"party\""));
		Matcher m = Pattern.compile("<option value=\"" + value + "\"[^>]*>([^<]*)<").matcher(HtmlUtils.htmlUnescape(select));
		assertThat(m.find()).as("option " + value).isTrue();
		return m.group(1).strip();
	}

	/** The French labels of the enums these pages show (where English differs), and the pages' own French words. */
	private List<String> frenchLabels() {
		List<String> words = new ArrayList<>(FRENCH);
		// The convention's names, where the English name does not keep the French one (« Infrastructure », « Portail Agent »).
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		try {
			for (Domain d : conventions.current().domains()) {
				conventionName(words, d.name(), conventionLabels.domain(d));
				d.components().forEach(c -> conventionName(words, c.label(), conventionLabels.component(c)));
			}
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		Stream.of(AssetStatus.values(), InventoryNetwork.values(), Network.values(), Funding.values(),
				InterventionKind.values(), Area.values())
			.flatMap(Stream::of)
			.map(Labels::french)
			.filter(french -> french.matches("(?s).*[éèêàâçôûùî].*") || french.contains(" "))
			.forEach(words::add);
		return words;
	}

	private static void conventionName(List<String> words, String french, String english) {
		if (!english.contains(french) && (french.matches("(?s).*[éèêàâçôûùî].*") || french.contains(" "))) {
			words.add(french);
		}
	}

	/**
	 * The page's text as read: no markup, scripts or codes shown on purpose ({@code <code>}, monospace), and without the
	 * convention's quoted words (section headings, notes, clauses, conditions, parties, points) nor the names of
	 * establishments, longest first so that a row's label goes before the words it contains.
	 */
	private String visibleText(String html) {
		String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
			.replaceAll("(?s)<code[^>]*>.*?</code>", " ").replaceAll("<(\\w+)[^>]*font-monospace[^>]*>[^<]*</\\1>", " ")
			.replaceAll("(?s)<[^>]*>", " ");
		text = HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ");
		var convention = conventions.current();
		List<String> data = new ArrayList<>();
		data.add(convention.title());
		convention.parties().forEach(p -> {
			data.add(p.name());
			data.add(p.shortName());
		});
		convention.pointsToClarify().forEach(p -> data.add(p.title()));
		convention.domains().forEach(d -> {
			data.add(d.section());
			for (Component c : d.components()) {
				data.add(c.clause());
				data.add(c.section());
				c.notes().forEach(n -> data.add(n.replaceAll("\\s+", " ")));
				c.conditions().forEach(k -> data.add(k.text().replaceAll("\\s+", " ")));
			}
		});
		data.removeIf(s -> s == null || s.isBlank());
		data.sort(Comparator.comparingInt(String::length).reversed());
		for (String s : data) {
			text = text.replace(s.trim(), " ");
		}
		// Establishments' names (« Collège … ») and the language link's « Français » are names, not labels.
		return text.replaceAll("Collège [^()0-9]*?\\(", "(").replace("Français", " ");
	}

	/** An asset of the test collège (network, funding and status shown on its page); returns its id. */
	private long asset() throws Exception {
		String s = UUID.randomUUID().toString().substring(0, 8);
		String name = "VP-" + COLLEGE + "-B" + ThreadLocalRandom.current().nextInt(100, 999) + "-0" + ThreadLocalRandom.current().nextInt(1, 9);
		String body = """
				{"uai":"%s","component":"VIDEOPROJECTEURS","network":"PEDAGOGICAL","name":"%s","serial":"EN-%s",
				 "manufacturer":"Epson","model":"EB-W51","funding":"OWN_FUNDS_CATALOGUE","warrantyEnd":"2099-12-31","status":"SPARE"}"""
			.formatted(COLLEGE, name, s);
		var r = mvc.post().uri("/api/v1/assets").contentType(MediaType.APPLICATION_JSON).content(body).with(as("admin")).exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.getResponse().getContentAsString());
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}
}
