package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.entente.convention.Convention;
import org.entente.convention.ConventionFixtures;
import org.entente.convention.PointToClarify;
import org.junit.jupiter.api.Test;

/** The shipped convention file, read through governance: the annex's figures and dates must come out of it. */
class SeedConventionTests {

	private final Convention seed = ConventionFixtures.seed();

	@Test
	void theAnnexAmountsComeOutOfTheFilesParameters() {
		assertThat(EntContributionCalculator.compute(seed, 2025, null, null, null).amount()).isEqualTo(18411);
		assertThat(EntContributionCalculator.compute(seed, 2026, null, null, null).amount()).isEqualTo(55233);
		assertThat(EntContributionCalculator.compute(seed, 2026, null, null, null).pointsToClarify())
			.extracting(PointToClarify::title)
			.anySatisfy(t -> assertThat(t).contains("prorata"))
			.anySatisfy(t -> assertThat(t).contains("60 %"))
			.anySatisfy(t -> assertThat(t).contains("Coefficient"));
	}

	@Test
	void theRenewalWindowOpensOnFirstJuly2026() {
		assertThat(LifecycleCalculator.status(seed.lifecycle(), LocalDate.of(2026, 7, 1), List.of()).renewalWindowOpen())
			.isTrue();
		assertThat(seed.lifecycle().renewalWindowOpensOn()).isEqualTo("2026-07-01");
	}

	@Test
	void theFourCommitteesHaveTheirCadences() {
		assertThat(seed.committees()).extracting(c -> c.code() + " " + c.cadence())
			.containsExactly("STRATEGIC P6M", "OPERATIONAL P3M", "EVALUATION P6M", "EXPLOITATION P1M");
	}
}
