package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import java.util.stream.Stream;

import org.entente.Seeded;
import org.entente.governance.EntContribution;
import org.entente.governance.GovernanceFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The financial annex's rounding, on 1,000 seeded cases (see {@link Seeded}): pupils, Syntec index, months. */
class EntContributionProperties {

	static Stream<Arguments> cases() {
		return Seeded.cases(1000, r -> new Object[] { (int) Seeded.between(r, 0, 200_000),
				BigDecimal.valueOf(Seeded.between(r, 2000, 5000), 1), (int) Seeded.between(r, 0, 12) });
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theAmountIsTheSmallestWholeEuroNotBelowTheExactFormula(String name, int pupils, BigDecimal index, int months) {
		EntContribution c = EntContributionCalculator.compute(GovernanceFixtures.finance(), 2026, pupils, index, months);

		BigDecimal exact = new BigDecimal("1.70").multiply(BigDecimal.valueOf(pupils))
			.multiply(c.coefficient())
			.multiply(BigDecimal.valueOf(months))
			.divide(BigDecimal.valueOf(12), 20, RoundingMode.HALF_UP);
		assertThat(BigDecimal.valueOf(c.amount())).isGreaterThanOrEqualTo(exact);
		assertThat(BigDecimal.valueOf(c.amount() - 1)).isLessThan(exact);
		assertThat(c.split().evolutiveMaintenance().add(c.split().investment()))
			.isEqualByComparingTo(BigDecimal.valueOf(c.amount()));
		assertThat(c.split().evolutiveMaintenance()).isGreaterThanOrEqualTo(c.split().investment());
	}
}
