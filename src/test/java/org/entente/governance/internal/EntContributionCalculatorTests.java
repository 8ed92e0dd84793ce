package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.entente.convention.Finance;
import org.entente.convention.PointToClarify;
import org.entente.governance.EntContribution;
import org.entente.governance.EntContribution.Line;
import org.entente.governance.GovernanceFixtures;
import org.entente.governance.GovernanceInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntContributionCalculatorTests {

	private final Finance finance = GovernanceFixtures.finance();

	@Test
	void the2025AmountOfTheAnnexComesOutOfTheFormula() {
		EntContribution c = EntContributionCalculator.compute(finance, 2025, null, null, null);

		assertThat(c.amount()).isEqualTo(18411);
		assertThat(c.months()).isEqualTo(4);
		assertThat(c.pupils()).isEqualTo(32490);
		assertThat(c.coefficient()).isEqualByComparingTo("1.000");
		assertThat(c.coefficient().scale()).isEqualTo(3);
		assertThat(c.whatIf()).isFalse();
		assertThat(c.annexAmount()).isEqualTo(18411L);
		assertThat(c.agreesWithAnnex()).isTrue();
	}

	@Test
	void the2026AmountOfTheAnnexComesOutOfTheFormula() {
		EntContribution c = EntContributionCalculator.compute(finance, 2026, null, null, null);

		assertThat(c.amount()).isEqualTo(55233);
		assertThat(c.months()).isEqualTo(12);
		assertThat(c.exactAmount()).isEqualByComparingTo("55233");
		assertThat(c.agreesWithAnnex()).isTrue();
	}

	@Test
	void showsTheLinesOfTheAnnexTableInItsOrderAndFormat() {
		EntContribution c = EntContributionCalculator.compute(finance, 2025, null, null, null);

		assertThat(c.lines()).extracting(Line::label, Line::value)
			.startsWith(org.assertj.core.groups.Tuple.tuple("Nombre d'élèves", "32 490"),
					org.assertj.core.groups.Tuple.tuple("Indice Syntec révisé", "313,3"),
					org.assertj.core.groups.Tuple.tuple("Coefficient de révision", "1,000"),
					org.assertj.core.groups.Tuple.tuple("Coût annuel par élève de la contribution ENT", "1,70 €"),
					org.assertj.core.groups.Tuple.tuple("Prorata (mois)", "4"),
					org.assertj.core.groups.Tuple.tuple("Montant de la contribution", "18 411 €"));
		assertThat(c.lines()).filteredOn(l -> l.code().equals("FORMULA")).singleElement()
			.extracting(Line::value)
			.isEqualTo("32 490 × 1,70 € × 1,000 × 4 / 12 = 18 411 €, arrondi à l'euro supérieur : 18 411 €");
		assertThat(c.lines()).filteredOn(l -> l.code().equals("COEFFICIENT_FORMULA")).singleElement()
			.extracting(Line::value)
			.isEqualTo("313,3 / 313,3 (indice de base, mai 2024) = 1,000");
	}

	@Test
	void splitsSixtyFortyToTheCentWithTheInvestmentAtItsShareAndMaintenanceTheRest() {
		EntContribution c2025 = EntContributionCalculator.compute(finance, 2025, null, null, null);
		assertThat(c2025.split().investment()).isEqualByComparingTo("7364.40");
		assertThat(c2025.split().evolutiveMaintenance()).isEqualByComparingTo("11046.60");
		EntContribution c2026 = EntContributionCalculator.compute(finance, 2026, null, null, null);
		assertThat(c2026.split().investment()).isEqualByComparingTo("22093.20");
		assertThat(c2026.split().evolutiveMaintenance()).isEqualByComparingTo("33139.80");
		assertThat(c2026.lines()).extracting(Line::label, Line::value)
			.contains(org.assertj.core.groups.Tuple.tuple("Maintenance évolutive (60 %)", "33 139,80 €"),
					org.assertj.core.groups.Tuple.tuple("Investissement (40 %)", "22 093,20 €"));
	}

	@Test
	void theSplitAlwaysAddsUpEvenWhenTheShareHasMoreThanTwoDecimals() {
		// 33.3 % of 1 € = 0.333 → 0.33 to the cent; the rest (0.67) goes to maintenance
		EntContribution.Split split = EntContributionCalculator.split(1,
				new Finance.Split(new BigDecimal("0.667"), new BigDecimal("0.333")));
		assertThat(split.investment()).isEqualByComparingTo("0.33");
		assertThat(split.evolutiveMaintenance()).isEqualByComparingTo("0.67");
	}

	@ParameterizedTest(name = "{0} pupils, index {1}, {2} months → {3} €")
	@CsvSource({
			// pupils, index, months, amount, coefficient
			"33000, 313.3, 12, 56100, 1.000",
			// 32490 × 1.70 × 1.021 = 56392.893 → 56393 (the ceiling, not the nearest euro)
			"32490, 320.0, 12, 56393, 1.021",
			// 32490 × 1.70 × 9 / 12 = 41424.75 → 41425
			"32490, 313.3, 9, 41425, 1.000",
			// 1 pupil for 1 month: 0.1416… → 1 € (rounded up)
			"1, 313.3, 1, 1, 1.000",
			"0, 313.3, 12, 0, 1.000",
			"32490, 313.3, 0, 0, 1.000",
			// 310 / 313.3 = 0.98946… → 0.989 (HALF_UP at 3 decimals): 32490 × 1.70 × 0.989 = 54625.437 → 54626
			"32490, 310, 12, 54626, 0.989" })
	void computesWhatIfs(int pupils, String index, int months, long amount, String coefficient) {
		EntContribution c = EntContributionCalculator.compute(finance, 2026, pupils, new BigDecimal(index), months);

		assertThat(c.amount()).isEqualTo(amount);
		assertThat(c.coefficient()).isEqualByComparingTo(coefficient);
		assertThat(c.split().evolutiveMaintenance().add(c.split().investment())).isEqualByComparingTo(Long.toString(amount));
	}

	@Test
	void aWhatIfIsFlaggedAndNotComparedWithTheAnnex() {
		EntContribution c = EntContributionCalculator.compute(finance, 2026, 40000, null, null);

		assertThat(c.whatIf()).isTrue();
		assertThat(c.annexAmount()).isEqualTo(55233L);
		assertThat(c.agreesWithAnnex()).isTrue();
	}

	@Test
	void passingTheFileValuesIsNotAWhatIf() {
		EntContribution c = EntContributionCalculator.compute(finance, 2025, 32490, new BigDecimal("313.30"), 4);

		assertThat(c.whatIf()).isFalse();
		assertThat(c.amount()).isEqualTo(18411);
	}

	@Test
	void coefficientRoundsHalfUpAtTheScaleOfTheFile() {
		// 313.4567 / 313.3 = 1.0005001… → 1.001 at 3 decimals
		EntContribution c = EntContributionCalculator.compute(finance, 2026, null, new BigDecimal("313.4567"), null);
		assertThat(c.coefficient()).isEqualByComparingTo("1.001");
		// 313.4566 / 313.3 = 1.00049984… → 1.000
		c = EntContributionCalculator.compute(finance, 2026, null, new BigDecimal("313.4566"), null);
		assertThat(c.coefficient()).isEqualByComparingTo("1.000");
	}

	@Test
	void aYearOutsideTheAnnexNeedsItsMonths() {
		assertThatThrownBy(() -> EntContributionCalculator.compute(finance, 2027, null, null, null))
			.isInstanceOf(GovernanceInputException.class)
			.hasMessageContaining("2027")
			.extracting(e -> ((GovernanceInputException) e).parameter())
			.isEqualTo("months");

		EntContribution c = EntContributionCalculator.compute(finance, 2027, null, null, 12);
		assertThat(c.amount()).isEqualTo(55233);
		assertThat(c.whatIf()).isTrue();
		assertThat(c.annexAmount()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "-1,, , pupils", ",0, , syntecIndex", ",-313.3, , syntecIndex", ",,13, months", ",,-1, months" })
	void rejectsImpossibleInputsNamingTheParameter(Integer pupils, BigDecimal index, Integer months, String parameter) {
		assertThatThrownBy(() -> EntContributionCalculator.compute(finance, 2026, pupils, index, months))
			.isInstanceOfSatisfying(GovernanceInputException.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
	}

	@Test
	void fromFinanceAloneItCarriesNoVersionAndNoPoints() {
		EntContribution c = EntContributionCalculator.compute(finance, 2026, null, null, null);

		assertThat(c.conventionVersion()).isNull();
		assertThat(c.pointsToClarify()).isEmpty();
	}

	@Test
	void withTheConventionItCarriesTheVersionAndTheFilesPointsOnTheFinancialAnnex() {
		EntContribution c = EntContributionCalculator.compute(GovernanceFixtures.convention(), 2025, null, null, null);

		assertThat(c.conventionVersion()).isEqualTo("1");
		assertThat(c.amount()).isEqualTo(18411);
		assertThat(c.pointsToClarify()).extracting(PointToClarify::id).containsExactly("PAC-33");
	}

	@Test
	void refusesAFormulaItDoesNotKnow() {
		Finance other = new Finance(finance.clause(), finance.pricePerPupil(), finance.headcount(), finance.syntec(),
				new Finance.Coefficient("INDEX_SQUARED", 3), finance.rounding(), finance.split(), finance.payment(),
				finance.years());
		assertThatThrownBy(() -> EntContributionCalculator.compute(other, 2026, null, null, null))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("INDEX_SQUARED");
	}
}
