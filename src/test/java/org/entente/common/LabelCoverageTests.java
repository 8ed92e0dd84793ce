package org.entente.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.entente.convention.Area;
import org.entente.convention.Component;
import org.entente.convention.Convention;
import org.entente.convention.ConventionFixtures;
import org.entente.convention.ConventionLabels;
import org.entente.convention.Domain;
import org.entente.convention.NamingRule;
import org.entente.convention.ServiceLevels;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * English mode has words for every label: each enum of the application that carries a French {@code label()} has its
 * {@code label.<Type>.<NAME>} in an English bundle (read by {@link Labels}), in English; each key of a French bundle
 * has its English counterpart; each name the shipped convention file gives (components, domains, data classes, naming
 * rules) has its English name in {@code i18n/convention_en.properties} (read by {@link ConventionLabels}). Plain files,
 * no Spring context.
 */
class LabelCoverageTests {

	/** French words that stay in English text: the parties' and establishments' own names. */
	private static final String KEPT = "(?i)collèges?|départements?|académie|cité scolaire";

	private static Properties bundles(String pattern) throws IOException {
		Properties all = new Properties();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/" + pattern)) {
			if (pattern.endsWith("_en.properties") || !r.getFilename().contains("_")) {
				try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
					all.load(in);
				}
			}
		}
		return all;
	}

	static List<Class<?>> labelledEnums() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
		List<Class<?>> enums = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.entente")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			try {
				type.getMethod("label");
				enums.add(type);
			}
			catch (NoSuchMethodException e) {
				// not a value that pages show by its words
			}
		}
		return enums;
	}

	@Test
	void everyLabelledEnumValueHasEnglishWords() throws Exception {
		Properties english = bundles("*_en.properties");
		List<Class<?>> enums = labelledEnums();
		assertThat(enums).as("the scan finds the labelled enums").extracting(Class::getSimpleName)
			.contains("AssetStatus", "InventoryNetwork", "Network", "Funding", "InterventionKind", "Area", "Role", "TicketStatus");
		List<String> missing = new ArrayList<>();
		List<String> french = new ArrayList<>();
		for (Class<?> type : enums) {
			for (Object constant : type.getEnumConstants()) {
				Enum<?> value = (Enum<?>) constant;
				String words = english.getProperty(Labels.key(value));
				if (words == null || words.isBlank()) {
					missing.add(Labels.key(value) + " (« " + Labels.french(value) + " »)");
				}
				else if (words.replaceAll(KEPT, "").matches("(?s).*[éèêàâçôûùîœ«»].*")) {
					french.add(Labels.key(value) + "=" + words);
				}
			}
		}
		assertThat(missing).as("enum values without English words").isEmpty();
		assertThat(french).as("English words that are still French").isEmpty();
	}

	@Test
	void everyFrenchKeyHasAnEnglishCounterpart() throws Exception {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (Resource r : resolver.getResources("classpath*:i18n/*.properties")) {
			String name = r.getFilename();
			if (name.contains("_")) {
				continue;
			}
			Properties fr = new Properties();
			Properties en = new Properties();
			try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8);
					Reader inEn = new InputStreamReader(r.createRelative(name.replace(".properties", "_en.properties"))
						.getInputStream(), StandardCharsets.UTF_8)) {
				fr.load(in);
				en.load(inEn);
			}
			for (String key : fr.stringPropertyNames()) {
				checked++;
				if (en.getProperty(key, "").isBlank() && !fr.getProperty(key).isBlank()) {
					missing.add(name + ": " + key);
				}
			}
		}
		assertThat(checked).isGreaterThan(1000);
		assertThat(missing).as("French keys without English").isEmpty();
	}

	/** French words that stay in the convention's English names: parties, institutions and products. */
	private static final String KEPT_CONVENTION = "(?iu)académie|département|éducation nationale|collèges?|siècle";

	@Test
	void everyNameOfTheShippedConventionHasEnglishWords() throws Exception {
		Properties english = new Properties();
		try (Reader in = new InputStreamReader(LabelCoverageTests.class.getResourceAsStream("/" + ConventionLabels.BUNDLE + "_en.properties"),
				StandardCharsets.UTF_8)) {
			english.load(in);
		}
		Convention convention = ConventionFixtures.seed();
		List<String[]> names = new ArrayList<>();
		for (Domain d : convention.domains()) {
			names.add(new String[] { ConventionLabels.domainKey(d.name()), d.name() });
			for (Component c : d.components()) {
				names.add(new String[] { ConventionLabels.componentKey(c.code()), c.label() });
			}
		}
		List<ServiceLevels.CriticalData> data = new ArrayList<>(convention.serviceLevels().criticalData());
		data.addAll(convention.serviceLevels().nonCriticalData());
		data.forEach(k -> names.add(new String[] { ConventionLabels.dataClassKey(k.code()), k.label() }));
		for (NamingRule r : convention.naming()) {
			names.add(new String[] { ConventionLabels.namingKey(r.kind()), r.label() });
		}
		assertThat(names).as("the file's names").hasSizeGreaterThan(60);
		List<String> missing = new ArrayList<>();
		List<String> french = new ArrayList<>();
		for (String[] n : names) {
			String words = english.getProperty(n[0]);
			if (words == null || words.isBlank()) {
				missing.add(n[0] + " (« " + n[1] + " »)");
			}
			else if (words.replaceAll(KEPT_CONVENTION, "").matches("(?s).*[éèêàâçôûùîœ«»].*")) {
				french.add(n[0] + "=" + words);
			}
		}
		assertThat(missing).as("names of the convention file without English words").isEmpty();
		assertThat(french).as("English names that are still French").isEmpty();
	}

	@Test
	void aNameWithoutEnglishWordsShowsTheFilesFrenchName() {
		ConventionLabels labels = new ConventionLabels(null);
		Component added = new Component("LIGNE_AJOUTEE_PAR_AVENANT", "Ligne ajoutée par avenant", "Domaine ajouté", Area.IN_ESTABLISHMENT,
				"section", "clause", Set.of(), List.of(), Map.of(), List.of(), List.of());
		Component wifi = ConventionFixtures.seed().component("BORNES_WIFI").orElseThrow();
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(labels.component(added)).isEqualTo("Ligne ajoutée par avenant");
			assertThat(labels.domain(added.domain())).isEqualTo("Domaine ajouté");
			assertThat(labels.component(wifi)).isEqualTo("Wi-Fi access points");
			assertThat(labels.domain(wifi.domain())).isEqualTo("Network infrastructure");
			assertThat(labels.translated()).isTrue();
			LocaleContextHolder.setLocale(Locale.FRENCH);
			assertThat(labels.component(wifi)).isEqualTo("Bornes Wi-Fi");
			assertThat(labels.translated()).isFalse();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	/**
	 * A message with arguments goes through {@link java.text.MessageFormat}, where a lone apostrophe opens a quoted
	 * part: « Conseil d'Administration du {0} » printed « Conseil dAdministration du {0} », argument unfilled. Such a
	 * message writes its apostrophes twice ('').
	 */
	@Test
	void aMessageWithArgumentsDoublesItsApostrophes() throws Exception {
		List<String> lone = new ArrayList<>();
		for (String pattern : List.of("*.properties", "*_en.properties")) {
			Properties all = bundles(pattern);
			for (String key : all.stringPropertyNames()) {
				String value = all.getProperty(key);
				boolean arguments = value.matches("(?s).*\\{\\d.*");
				// With arguments a lone apostrophe is eaten; without, Spring prints the text as it is, '' included.
				if (arguments ? value.matches("(?s).*(?<!')'(?!').*") : value.contains("''")) {
					lone.add(key + " = " + value);
				}
			}
		}
		assertThat(lone).as("apostrophes seules dans un message à arguments, doublées dans un message sans").isEmpty();
		assertThat(java.text.MessageFormat.format("Conseil d''Administration du {0}", "3 mars")).isEqualTo("Conseil d'Administration du 3 mars");
	}
}
