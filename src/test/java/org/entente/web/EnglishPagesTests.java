package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

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
