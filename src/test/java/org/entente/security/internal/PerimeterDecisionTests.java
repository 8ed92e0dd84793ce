package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.entente.convention.Convention;
import org.entente.convention.ConventionFileException;
import org.entente.convention.ConventionFixtures;
import org.junit.jupiter.api.Test;

/** Part 5 read from the convention file: every component has a perimeter, and a faulty amendment is refused. */
class PerimeterDecisionTests {

	private final Convention seed = ConventionFixtures.seed();

	@Test
	void everyComponentOfTheMatrixGetsAHandlerAndAClause() {
		for (String code : seed.components().keySet()) {
			PerimeterDecision d = PerimeterDecision.decide(seed, List.of(code));
			assertThat(d.handledBy()).as(code).isIn("ACA", "CD");
			assertThat(d.clause()).as(code).startsWith("Annexe opérationnelle §5");
			assertThat(d.explanation()).as(code).isNotBlank();
			assertThat(d.informs()).as(code).isNotEmpty();
		}
	}

	@Test
	void theTextsTwoPerimetersAndItsSilences() {
		assertThat(PerimeterDecision.decide(seed, List.of("STATIONS_ADMINISTRATIVES")).handledBy()).isEqualTo("ACA");
		assertThat(PerimeterDecision.decide(seed, List.of("MYTOUTATICE")).handledBy()).isEqualTo("ACA");
		assertThat(PerimeterDecision.decide(seed, List.of("BORNES_WIFI")).handledBy()).isEqualTo("CD");
		assertThat(PerimeterDecision.decide(seed, List.of("EXTRANET_CLOUD")).handledBy()).isEqualTo("CD");
		PerimeterDecision agents = PerimeterDecision.decide(seed, List.of("STATIONS_AGENTS"));
		assertThat(agents.handledBy()).isEqualTo("CD");
		assertThat(agents.points()).extracting(PerimeterDecision.Point::id).containsExactly("PAC-SSI-1");
		assertThat(agents.informs()).extracting(i -> i.party()).contains("ACA", "CD");
		PerimeterDecision both = PerimeterDecision.decide(seed, List.of("BORNES_WIFI", "SITES_WEB"));
		assertThat(both.handledBy()).isEqualTo("CD");
		assertThat(both.points()).extracting(PerimeterDecision.Point::id).containsExactly("PAC-SSI-2");
	}

	@Test
	void theBreachDelaysComeFromTheFile() {
		var rules = seed.dataProtection().breachNotification();
		assertThat(rules.within()).isEqualTo(Duration.ofHours(48));
		assertThat(rules.to()).isEqualTo("dpd@ac-rennes.fr");
		assertThat(rules.reminders()).containsExactly(Duration.ofHours(24), Duration.ofHours(40));
		assertThat(rules.authority().within()).isEqualTo(Duration.ofHours(72));
		assertThat(rules.authority().name()).isEqualTo("CNIL");
	}

	@Test
	void aFaultyAmendmentOfPartFiveIsRefusedWithThePath() {
		String seedText = ConventionFixtures.seedText();
		assertFault(seedText.replace("components: [STATIONS_ADMINISTRATIVES, TOUTATICE_PORTAIL,", "components: [STATION_ADMIN, TOUTATICE_PORTAIL,"),
				"securityIncidents.perimeters[0].components[0]", "STATION_ADMIN");
		assertFault(seedText.replace("      handledBy: ACA\n      informs: CD\n", "      handledBy: ACA\n      informs: CD\n      otherwise: true\n"),
				"securityIncidents.perimeters", "otherwise");
		assertFault(seedText.replace("{ party: CD, email: dpo@ille-et-vilaine.fr, on: REPORTED,", "{ party: CD, email: dpo-at-ille-et-vilaine, on: REPORTED,"),
				"securityIncidents.perimeters[0].inform[0].email", "dpo-at-ille-et-vilaine");
		assertFault(seedText.replace("on: CLOSED", "on: LATER"), "securityIncidents.perimeters[1].inform[1].on", "LATER");
		assertFault(seedText.replace("point: PAC-SSI-2", "point: PAC-SSI-99"), "securityIncidents.spanning.point", "PAC-SSI-99");
		assertFault(seedText.replace("reminders: [PT24H, PT40H]", "reminders: [PT24H, PT50H]"),
				"dataProtection.breachNotification.reminders[1]", "rappel");
		assertFault(seedText.replace("within: PT48H ", "within: PT0H "), "dataProtection.breachNotification.within", "délai");
	}

	private static void assertFault(String text, String path, String message) {
		assertThat(text).isNotEqualTo(ConventionFixtures.seedText());
		assertThatThrownBy(() -> ConventionFixtures.parse("avenant.yaml", text)).isInstanceOf(ConventionFileException.class)
			.satisfies(e -> assertThat(((ConventionFileException) e).faults())
				.anySatisfy(f -> {
					assertThat(f.path()).isEqualTo(path);
					assertThat(f.message()).contains(message);
					assertThat(f.line()).isGreaterThan(1);
				}));
	}
}
