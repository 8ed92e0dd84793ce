package org.entente.governance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.entente.common.FrenchNumbers;
import org.entente.convention.Convention;
import org.entente.convention.Finance;
import org.entente.convention.PointToClarify;
import org.entente.governance.EntContribution;
import org.entente.governance.EntContribution.Line;
import org.entente.governance.EntContribution.Split;
import org.entente.governance.GovernanceInputException;

/**
 * The financial annex's formula: pupils × price × coefficient × months / 12, rounded up to the euro, with the
 * coefficient derived from the Syntec index. Pure arithmetic on {@link BigDecimal}: products of decimals are exact,
 * so the only roundings are the ones the annex (or a point to clarify) names.
 */
public final class EntContributionCalculator {

	static final String INDEX_OVER_BASE = "INDEX_OVER_BASE";
	static final String CEILING_EURO = "CEILING_EURO";
	static final int MAX_PUPILS = 10_000_000;
	private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

	private EntContributionCalculator() {
	}

	/**
	 * The contribution of {@code year} as the convention file states it, or a what-if when any of {@code pupils},
	 * {@code syntecIndex}, {@code months} is given; with the convention version and the file's points to clarify on
	 * the financial annex (prorata, split, coefficient, headcount), which say the reading applied here.
	 */
	public static EntContribution compute(Convention convention, int year, Integer pupils, BigDecimal syntecIndex,
			Integer months) {
		Finance finance = convention.finance();
		String annex = finance.clause() == null ? "Annexe financière" : finance.clause();
		List<PointToClarify> points = convention.pointsToClarify()
			.stream()
			.filter(p -> p.clause() != null && p.clause().startsWith(annex))
			.toList();
		return compute(finance, year, pupils, syntecIndex, months).withConvention(convention.version(), points);
	}

	/** The contribution from the finance parameters alone; null arguments take the file's values. */
	public static EntContribution compute(Finance finance, int year, Integer pupils, BigDecimal syntecIndex,
			Integer months) {
		if (!INDEX_OVER_BASE.equals(finance.coefficient().formula())) {
			throw new IllegalStateException("Formule de coefficient inconnue : " + finance.coefficient().formula());
		}
		if (finance.rounding() != null && !CEILING_EURO.equals(finance.rounding())) {
			throw new IllegalStateException("Arrondi inconnu : " + finance.rounding());
		}
		Optional<Finance.Year> annexYear = annexYear(finance, year);
		int filePupils = finance.headcount().pupils();
		BigDecimal fileIndex = finance.syntec().index() != null ? finance.syntec().index() : finance.syntec().base();
		int usedPupils = pupils != null ? pupils : filePupils;
		BigDecimal usedIndex = syntecIndex != null ? syntecIndex : fileIndex;
		int usedMonths = months != null ? months
				: annexYear.map(Finance.Year::months)
					.orElseThrow(() -> new GovernanceInputException("months", "L'annexe financière ne prévoit pas l'année "
							+ year + " : indiquez le nombre de mois pour un calcul « et si ».", "gov.refused.monthsNeeded", String.valueOf(year)));
		validate(usedPupils, usedIndex, usedMonths);

		BigDecimal coefficient = usedIndex.divide(finance.syntec().base(), finance.coefficient().scale(),
				RoundingMode.HALF_UP);
		BigDecimal annual = finance.pricePerPupil().multiply(BigDecimal.valueOf(usedPupils)).multiply(coefficient);
		BigDecimal numerator = annual.multiply(BigDecimal.valueOf(usedMonths));
		long amount = numerator.divide(TWELVE, 0, RoundingMode.CEILING).longValueExact();
		BigDecimal exact = numerator.divide(TWELVE, 2, RoundingMode.HALF_UP);
		Split split = split(amount, finance.split());
		boolean whatIf = usedPupils != filePupils || usedIndex.compareTo(fileIndex) != 0
				|| annexYear.map(y -> y.months() != usedMonths).orElse(true);

		List<Line> lines = List.of(
				new Line("PUPILS", "Nombre d'élèves", FrenchNumbers.count(usedPupils)),
				new Line("SYNTEC_INDEX", "Indice Syntec révisé", decimal(usedIndex)),
				new Line("COEFFICIENT", "Coefficient de révision", decimal(coefficient)),
				new Line("PRICE", "Coût annuel par élève de la contribution ENT", decimal(finance.pricePerPupil()) + " €"),
				new Line("MONTHS", "Prorata (mois)", Integer.toString(usedMonths)),
				new Line("AMOUNT", "Montant de la contribution", FrenchNumbers.amount(amount)),
				new Line("FORMULA", "Calcul",
						FrenchNumbers.count(usedPupils) + " × " + decimal(finance.pricePerPupil()) + " € × " + decimal(coefficient)
								+ " × " + usedMonths + " / 12 = " + FrenchNumbers.amount(exact) + ", arrondi à l'euro supérieur : "
								+ FrenchNumbers.amount(amount)),
				new Line("COEFFICIENT_FORMULA", "Coefficient",
						decimal(usedIndex) + " / " + decimal(finance.syntec().base()) + " (indice de base, "
								+ baseDate(finance) + ") = " + decimal(coefficient)),
				new Line("EVOLUTIVE_MAINTENANCE", "Maintenance évolutive (" + percent(finance.split().evolutiveMaintenance())
						+ ")", FrenchNumbers.amount(split.evolutiveMaintenance())),
				new Line("INVESTMENT", "Investissement (" + percent(finance.split().investment()) + ")",
						FrenchNumbers.amount(split.investment())));

		return new EntContribution(year, usedPupils, finance.pricePerPupil(), usedIndex, finance.syntec().base(),
				coefficient, usedMonths, amount, exact, split, annexYear.map(Finance.Year::amount).orElse(null), whatIf,
				lines, List.of(), null);
	}

	/**
	 * Investment = its share of the amount to the cent (half-up); evolutive maintenance = the rest, so that the parts
	 * add up to the amount paid. The annex gives percentages only: this is the reading the convention file retains
	 * (point to clarify "Arrondi de la répartition 60 % / 40 %").
	 */
	static Split split(long amount, Finance.Split shares) {
		BigDecimal total = BigDecimal.valueOf(amount).setScale(2);
		BigDecimal investment = shares.investment().multiply(total).setScale(2, RoundingMode.HALF_UP);
		return new Split(total.subtract(investment), investment);
	}

	private static void validate(int pupils, BigDecimal index, int months) {
		if (pupils < 0 || pupils > MAX_PUPILS) {
			throw new GovernanceInputException("pupils", "Le nombre d'élèves doit être compris entre 0 et " + MAX_PUPILS + ".",
					"gov.refused.pupils", String.valueOf(MAX_PUPILS));
		}
		// The scale too: « 1e-99999999 » is positive and small, and dividing by it would hold a core for minutes.
		if (index.signum() <= 0 || index.compareTo(BigDecimal.valueOf(100_000)) > 0 || index.scale() > 6) {
			throw new GovernanceInputException("syntecIndex",
					"L'indice Syntec doit être positif, au plus 100 000, avec au plus 6 décimales (ex. 313,3).",
					"gov.refused.syntecIndex");
		}
		if (months < 0 || months > 12) {
			throw new GovernanceInputException("months", "Le prorata doit être compris entre 0 et 12 mois.",
					"gov.refused.months");
		}
	}

	private static Optional<Finance.Year> annexYear(Finance finance, int year) {
		return finance.years() == null ? Optional.empty()
				: finance.years().stream().filter(y -> y.year() == year).findFirst();
	}

	private static String baseDate(Finance finance) {
		YearMonth date = finance.syntec().baseDate();
		return date == null ? "date de base"
				: date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH) + " "
						+ date.getYear();
	}

	/** French decimal comma, grouped by thousands ({@link FrenchNumbers}, one way everywhere). */
	static String decimal(BigDecimal value) {
		return FrenchNumbers.decimal(value);
	}

	private static String percent(BigDecimal share) {
		return decimal(share.movePointRight(2).stripTrailingZeros()) + " %";
	}


}
