package org.entente.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.convention.ConventionFixtures.parse;
import static org.entente.convention.ConventionFixtures.seedText;

import java.time.Period;
import java.util.List;

import org.entente.convention.ConventionFileException;
import org.entente.convention.PolicyRevision;
import org.junit.jupiter.api.Test;

/** The policyRevisions: section of the convention file, as the register reads it, and what its checks refuse. */
class PolicyRevisionFileTests {

	@Test
	void theFileGivesTheThreeRevisionDutiesOfPartOne() {
		List<PolicyRevision> revisions = parse("convention.yaml", seedText()).policyRevisions();
		assertThat(revisions).extracting(PolicyRevision::component)
			.containsExactly("PRISE_EN_CHARGE_MATERIELS", "CATALOGUES_LOGICIELS", "CADRES_REFERENCE");
		assertThat(revisions.get(0).every()).isEqualTo(Period.ofYears(1));
		assertThat(revisions.get(2).onChange()).isTrue();
		assertThat(revisions.get(2).every()).isNull();
		assertThat(revisions.get(1).clause()).contains("au moins annuellement");
	}

	@Test
	void anUnknownComponentOrBothRhythmsAreRefusedWithTheirPath() {
		String unknown = seedText().replaceFirst("- component: CATALOGUES_LOGICIELS", "- component: CATALOGUE_INCONNU");
		assertThat(faults(unknown)).anySatisfy(f -> {
			assertThat(f.path()).isEqualTo("policyRevisions[1].component");
			assertThat(f.message()).contains("CATALOGUE_INCONNU");
		});
		String both = seedText().replaceFirst("(- component: CATALOGUES_LOGICIELS\\s+every: P1Y\\s+)onChange: false", "$1onChange: true");
		assertThat(faults(both)).anySatisfy(f -> assertThat(f.message()).contains("s'excluent"));
		String none = seedText().replaceFirst("(- component: CADRES_REFERENCE\\s+)onChange: true", "$1onChange: false");
		assertThat(faults(none)).anySatisfy(f -> assertThat(f.message()).contains("est attendu"));
		String zero = seedText().replaceFirst("(- component: CATALOGUES_LOGICIELS\\s+every: )P1Y", "$1P0D");
		assertThat(faults(zero)).anySatisfy(f -> assertThat(f.path()).isEqualTo("policyRevisions[1].every"));
	}

	private static List<ConventionFileException.Fault> faults(String text) {
		try {
			parse("avenant.yaml", text);
		}
		catch (ConventionFileException e) {
			return e.faults();
		}
		throw new AssertionError("the file was accepted");
	}
}
