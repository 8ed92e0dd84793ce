package org.entente.governance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entente.convention.Convention;
import org.entente.convention.Finance;
import org.entente.convention.Lifecycle;
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
	 * {@code syntecIndex}, {@code months} is given. Adds the convention version and, when the annex's prorata differs
	 * from the months the convention is in force that year, the point to clarify that says so.
	 */
	public static EntContribution compute(Convention convention, int year, Integer pupils, BigDecimal syntecIndex,
			Integer months) {
		Finance finance = convention.finance();
		EntContribution result = compute(finance, year, pupils, syntecIndex, months);
		List<PointToClarify> more = new ArrayList<>();
		int inForce = monthsInForce(convention.lifecycle(), year);
		Optional<Finance.Year> annexYear = annexYear(finance, year);
		if (annexYear.isPresent() && inForce > 0 && annexYear.get().months() != inForce) {
			long alternative = compute(finance, year, null, null, inForce).amount();
			more.add(prorataPoint(finance, convention.lifecycle(), annexYear.get(), inForce, alternative));
		}
		return result.withConvention(convention.version(), more);
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
							+ year + " : indiquez le nombre de mois pour un calcul « et si »."));
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
				new Line("PUPILS", "Nombre d'élèves", Integer.toString(usedPupils)),
				new Line("SYNTEC_INDEX", "Indice Syntec révisé", decimal(usedIndex)),
				new Line("COEFFICIENT", "Coefficient de révision", decimal(coefficient)),
				new Line("PRICE", "Coût annuel par élève de la contribution ENT", decimal(finance.pricePerPupil()) + " €"),
				new Line("MONTHS", "Prorata (mois)", Integer.toString(usedMonths)),
				new Line("AMOUNT", "Montant de la contribution", amount + " €"),
				new Line("FORMULA", "Calcul",
						usedPupils + " × " + decimal(finance.pricePerPupil()) + " € × " + decimal(coefficient) + " × "
								+ usedMonths + " / 12 = " + decimal(exact) + " €, arrondi à l'euro supérieur : " + amount
								+ " €"),
				new Line("COEFFICIENT_FORMULA", "Coefficient",
						decimal(usedIndex) + " / " + decimal(finance.syntec().base()) + " (indice de base, "
								+ baseDate(finance) + ") = " + decimal(coefficient)),
				new Line("EVOLUTIVE_MAINTENANCE", "Maintenance évolutive (" + percent(finance.split().evolutiveMaintenance())
						+ ")", split.evolutiveMaintenance() + " €"),
				new Line("INVESTMENT", "Investissement (" + percent(finance.split().investment()) + ")",
						split.investment() + " €"));

		return new EntContribution(year, usedPupils, finance.pricePerPupil(), usedIndex, finance.syntec().base(),
				coefficient, usedMonths, amount, exact, split, annexYear.map(Finance.Year::amount).orElse(null), whatIf,
				lines, List.of(coefficientPoint(finance), splitPoint(finance)), null);
	}

	/**
	 * Evolutive maintenance = its share rounded half-up to the euro; investment = the rest, so that the parts add up
	 * to the amount paid (a point to clarify: the annex gives percentages only).
	 */
	static Split split(long amount, Finance.Split shares) {
		long maintenance = shares.evolutiveMaintenance()
			.multiply(BigDecimal.valueOf(amount))
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
		return new Split(maintenance, amount - maintenance);
	}

	/** Months of {@code year} the convention is in force, counting a month begun as a month. */
	static int monthsInForce(Lifecycle lifecycle, int year) {
		LocalDate from = max(lifecycle.validFrom(), LocalDate.of(year, 1, 1));
		LocalDate to = min(lifecycle.validTo(), LocalDate.of(year, 12, 31));
		if (to.isBefore(from)) {
			return 0;
		}
		return (int) (YearMonth.from(from).until(YearMonth.from(to), java.time.temporal.ChronoUnit.MONTHS) + 1);
	}

	private static void validate(int pupils, BigDecimal index, int months) {
		if (pupils < 0 || pupils > MAX_PUPILS) {
			throw new GovernanceInputException("pupils", "Le nombre d'élèves doit être compris entre 0 et " + MAX_PUPILS + ".");
		}
		if (index.signum() <= 0 || index.compareTo(BigDecimal.valueOf(100_000)) > 0) {
			throw new GovernanceInputException("syntecIndex", "L'indice Syntec doit être positif (ex. 313,3).");
		}
		if (months < 0 || months > 12) {
			throw new GovernanceInputException("months", "Le prorata doit être compris entre 0 et 12 mois.");
		}
	}

	private static Optional<Finance.Year> annexYear(Finance finance, int year) {
		return finance.years() == null ? Optional.empty()
				: finance.years().stream().filter(y -> y.year() == year).findFirst();
	}

	private static PointToClarify coefficientPoint(Finance finance) {
		int scale = finance.coefficient().scale();
		return new PointToClarify("ENT-COEFFICIENT-ARRONDI", "Arrondi du coefficient de révision", null,
				clause(finance, "§3.1"),
				List.of("Le coefficient C = Syn / Syn(0) est arrondi au plus proche à " + scale
						+ " décimales, comme C(0) = 1,000 est écrit.",
						"Le coefficient est tronqué à " + scale + " décimales.",
						"Le coefficient n'est pas arrondi : seul le montant final l'est."),
				"Entente arrondit le coefficient au plus proche (demi supérieur) à " + scale
						+ " décimales, jusqu'à décision du comité.");
	}

	private static PointToClarify splitPoint(Finance finance) {
		return new PointToClarify("ENT-REPARTITION-ARRONDI", "Arrondi de la répartition "
				+ percent(finance.split().evolutiveMaintenance()) + " / " + percent(finance.split().investment()), null,
				clause(finance, "§2"),
				List.of("Deux montants à l'euro : la maintenance évolutive est arrondie au plus proche et l'investissement "
						+ "reçoit le reste, de sorte que les parts totalisent le montant versé.",
						"Deux montants au centime, sans arrondi.",
						"Chaque part arrondie à l'euro supérieur, comme le montant : le total peut dépasser d'un euro."),
				"Entente retient la première lecture jusqu'à décision du comité.");
	}

	private static PointToClarify prorataPoint(Finance finance, Lifecycle lifecycle, Finance.Year year, int inForce,
			long alternative) {
		return new PointToClarify("ENT-PRORATA-" + year.year(), "Prorata " + year.year() + " : " + year.months()
				+ " mois dans l'annexe, " + inForce + " mois de convention", null, clause(finance, "§3.1"),
				List.of("Le tableau de l'annexe retient " + year.months() + " mois pour " + year.year() + " ("
						+ year.amount() + " €).",
						"La convention est en vigueur à partir du " + lifecycle.validFrom() + ", soit " + inForce
								+ " mois en " + year.year() + " (" + alternative + " €)."),
				"Entente applique le tableau de l'annexe (" + year.months()
						+ " mois) ; un calcul « et si » donne l'autre lecture.");
	}

	private static String clause(Finance finance, String section) {
		return (finance.clause() == null ? "Annexe financière" : finance.clause()) + " " + section;
	}

	private static String baseDate(Finance finance) {
		YearMonth date = finance.syntec().baseDate();
		return date == null ? "date de base"
				: date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH) + " "
						+ date.getYear();
	}

	/** French decimal comma, no grouping: the way the annex prints its figures. */
	static String decimal(BigDecimal value) {
		return value.toPlainString().replace('.', ',');
	}

	private static String percent(BigDecimal share) {
		return decimal(share.movePointRight(2).stripTrailingZeros()) + " %";
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}
}
