package org.entente.governance;

import java.math.BigDecimal;
import java.util.List;

import org.entente.convention.PointToClarify;

/**
 * The Département's ENT contribution for one calendar year (financial annex), with the inputs it was computed from,
 * the lines the annex's table shows, and the convention file's points to clarify on the annex (the readings the
 * computation applies).
 *
 * @param amount whole euros, rounded up ("arrondi à l'euro supérieur")
 * @param exactAmount the amount before rounding, for the reader who checks the arithmetic
 * @param annexAmount the amount the annex states for this year, if it states one
 * @param whatIf true when a caller replaced the headcount, index or months of the convention file
 * @param conventionVersion the convention version applied; null when computed from finance parameters alone
 */
public record EntContribution(int year, int pupils, BigDecimal pricePerPupil, BigDecimal syntecIndex,
		BigDecimal syntecBase, BigDecimal coefficient, int months, long amount, BigDecimal exactAmount, Split split,
		Long annexAmount, boolean whatIf, List<Line> lines, List<PointToClarify> pointsToClarify,
		String conventionVersion) {

	/** The 60/40 split in euros and cents; the two parts always add up to the amount. */
	public record Split(BigDecimal evolutiveMaintenance, BigDecimal investment) {
	}

	/** One row of the annex's table: a French label and its value formatted as the annex prints it. */
	public record Line(String code, String label, String value) {
	}

	/** False when the formula does not give the amount the annex states: the file or the formula is wrong. */
	public boolean agreesWithAnnex() {
		return annexAmount == null || whatIf || annexAmount == amount;
	}

	public EntContribution withConvention(String version, List<PointToClarify> points) {
		return new EntContribution(year, pupils, pricePerPupil, syntecIndex, syntecBase, coefficient, months, amount,
				exactAmount, split, annexAmount, whatIf, lines, List.copyOf(points), version);
	}
}
