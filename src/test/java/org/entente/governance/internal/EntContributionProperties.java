package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.entente.governance.EntContribution;
import org.entente.governance.GovernanceFixtures;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class EntContributionProperties {

	@Property
	void theAmountIsTheSmallestWholeEuroNotBelowTheExactFormula(@ForAll @IntRange(max = 200_000) int pupils,
			@ForAll @BigRange(min = "200", max = "500") @Scale(1) BigDecimal index,
			@ForAll @IntRange(max = 12) int months) {
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
