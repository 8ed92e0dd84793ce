package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.convention.ConventionFixtures.lineOf;
import static org.entente.convention.ConventionFixtures.parse;
import static org.entente.convention.ConventionFixtures.seedText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.entente.convention.ConventionFileException.Fault;
import org.junit.jupiter.api.Test;

class ConventionParserTests {

	@Test
	void seedFileTranscribesTheWholeConvention() {
		Convention c = ConventionFixtures.seed();
		assertThat(c.lifecycle().validFrom()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(c.lifecycle().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(c.lifecycle().renewalWindowOpensOn()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(c.lifecycle().termination().noticeMonths()).isEqualTo(12);
		assertThat(c.parties()).extracting(Party::code).containsExactlyInAnyOrder("ACA", "CD", "EPLE", "EDITEUR");
		assertThat(c.domains()).extracting(Domain::name)
			.contains("Politiques", "Espace numérique de travail", "Infrastructure réseau", "Infrastructure système",
					"Domaine administratif", "Domaine pédagogique et mobilité", "Réseau invité (BYOD)", "Domaine technique");
		// Every row carries exactly its table's columns.
		for (Component component : c.components().values()) {
			assertThat(component.cells().keySet()).as(component.code()).containsExactlyInAnyOrderElementsOf(component.area().kinds());
			assertThat(component.clause()).as(component.code()).isNotBlank();
		}
		Component wifi = c.components().get("BORNES_WIFI");
		assertThat(wifi.label()).isEqualTo("Bornes Wi-Fi");
		assertThat(wifi.domain()).isEqualTo("Infrastructure réseau");
		assertThat(wifi.cell(InterventionKind.REPAIR).parties()).containsExactly("CD");
		assertThat(wifi.cell(InterventionKind.ADMINISTRATION).parties()).isEmpty();
		assertThat(c.finance().pricePerPupil()).isEqualByComparingTo(new BigDecimal("1.70"));
		assertThat(c.finance().headcount().pupils()).isEqualTo(32490);
		assertThat(c.committees()).extracting(Committee::code)
			.containsExactlyInAnyOrder("STRATEGIC", "OPERATIONAL", "EVALUATION", "EXPLOITATION");
		assertThat(c.serviceLevels().clock("TAKE_CHARGE").workingDays()).isEqualByComparingTo("0.5");
		assertThat(c.serviceLevels().clock("RESTORATION").workingDays()).isEqualByComparingTo("1");
		assertThat(c.serviceLevels().clock("DATA_RESTORE").workingDays()).isEqualByComparingTo("2");
		assertThat(c.pointsToClarify()).extracting(PointToClarify::component).contains("JOURNALISATION");
	}

	@Test
	void horusFollowsTheReferenceToTheSystemInfrastructure() {
		Convention c = ConventionFixtures.seed();
		Cell supply = c.components().get("SERVEUR_HORUS").cell(InterventionKind.SUPPLY);
		assertThat(supply.seeComponent()).isEqualTo("RESEAU_ADMINISTRATIF");
		assertThat(supply.parties()).isEqualTo(c.components().get("RESEAU_ADMINISTRATIF").cell(InterventionKind.SUPPLY).parties());
	}

	@Test
	void namingRulesAreReadAndChecked() {
		Convention c = ConventionFixtures.seed();
		NamingRule workstation = c.naming().stream().filter(r -> r.kind().equals("WORKSTATION")).findFirst().orElseThrow();
		assertThat(workstation.compile("0359901X").matcher("PEDA-0359901X-B204-07").matches()).isTrue();
		assertThat(workstation.compile("0359901X").matcher("PEDA-0359902Y-B204-07").matches()).isFalse();
		assertThat(workstation.appliesTo("STATIONS_ADMINISTRATIVES", Network.ADMINISTRATIVE)).isFalse();

		String badRegex = seedText().replaceFirst("\\(PEDA\\|AGT\\|ADM\\)-", "(PEDA|AGT-");
		Fault fault = singleFault(() -> parse("avenant.yaml", badRegex));
		assertThat(fault.message()).contains("expression régulière invalide");
		assertThat(fault.path()).isEqualTo("naming[0].pattern");

		String badExample = seedText().replaceFirst("example: \"PEDA-0359901X-B204-07\"", "example: \"POSTE-12\"");
		fault = singleFault(() -> parse("avenant.yaml", badExample));
		assertThat(fault.message()).contains("POSTE-12");
		assertThat(fault.line()).isEqualTo(lineOf(badExample, "POSTE-12"));
	}

	@Test
	void unknownPartyIsReportedWithItsLine() {
		String text = seedText().replaceFirst("(code: BORNES_WIFI[\\s\\S]*?REPAIR: )\\[CD\\]", "$1[DSI]");
		Fault fault = singleFault(() -> parse("avenant.yaml", text));
		assertThat(fault.file()).isEqualTo("avenant.yaml");
		assertThat(fault.message()).contains("partie « DSI » inconnue");
		assertThat(fault.line()).isEqualTo(lineOf(text, "[DSI]"));
		assertThat(fault.path()).contains("responsibilities.REPAIR");
	}

	@Test
	void unknownInterventionKindIsReportedWithItsLine() {
		String text = seedText().replaceFirst("(code: BORNES_WIFI[\\s\\S]*?)REPAIR: ", "$1REPARATION: ");
		Fault fault = singleFault(() -> parse("avenant.yaml", text));
		assertThat(fault.message()).contains("REPARATION").contains("REPAIR");
		assertThat(fault.line()).isEqualTo(lineOf(text, "REPARATION"));
	}

	@Test
	void duplicateComponentIsRejected() {
		String text = seedText().replaceFirst("code: TABLETTES", "code: BORNES_WIFI");
		assertThatThrownBy(() -> parse("avenant.yaml", text)).isInstanceOf(ConventionFileException.class)
			.satisfies(e -> assertThat(((ConventionFileException) e).faults())
				.anySatisfy(f -> {
					assertThat(f.message()).contains("composant « BORNES_WIFI » en double");
					assertThat(f.line()).isEqualTo(lineOf(text, "code: BORNES_WIFI") > lineOf(seedText(), "code: TABLETTES")
							? lineOf(text, "code: BORNES_WIFI") : lineOf(seedText(), "code: TABLETTES"));
				}));
	}

	@Test
	void missingClauseIsRejected() {
		String original = seedText();
		int at = original.indexOf("code: BORNES_WIFI");
		int clause = original.indexOf("clause:", at);
		int end = original.indexOf('\n', clause);
		String text = original.substring(0, clause) + "# clause retirée" + original.substring(end);
		Fault fault = singleFault(() -> parse("avenant.yaml", text));
		assertThat(fault.message()).contains("« clause » manquant");
		assertThat(fault.path()).endsWith(".clause");
	}

	@Test
	void unknownReferenceIsRejected() {
		String text = seedText().replaceFirst("see: RESEAU_ADMINISTRATIF", "see: RESEAU_INCONNU");
		Fault fault = singleFault(() -> parse("avenant.yaml", text));
		assertThat(fault.message()).contains("RESEAU_INCONNU");
		assertThat(fault.line()).isEqualTo(lineOf(text, "RESEAU_INCONNU"));
	}

	@Test
	void malformedYamlNamesTheLine() {
		String text = "id: x\nversion: \"1\"\ndomains:\n  - name: [unclosed\n";
		Fault fault = singleFault(() -> parse("casse.yaml", text));
		assertThat(fault.message()).startsWith("YAML mal formé");
		assertThat(fault.line()).isBetween(4, 5);
	}

	@Test
	void notUtf8IsRejected() {
		assertThatThrownBy(() -> org.entente.convention.internal.ConventionParser.parse("latin1.yaml",
				"id: é".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
			.isInstanceOf(ConventionFileException.class)
			.hasMessageContaining("UTF-8");
	}

	private static Fault singleFault(Runnable parse) {
		try {
			parse.run();
		}
		catch (ConventionFileException e) {
			List<Fault> faults = e.faults();
			assertThat(faults).as(e.getMessage()).hasSize(1);
			return faults.get(0);
		}
		throw new AssertionError("the file was accepted");
	}
}
