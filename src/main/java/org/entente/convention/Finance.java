package org.entente.convention;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The financial annex: the Département's yearly contribution to the ENT and how it is paid. */
public record Finance(String clause, BigDecimal pricePerPupil, Headcount headcount, Syntec syntec,
		Coefficient coefficient, String rounding, Split split, Payment payment, List<Year> years) {

	/** The official headcount («constat définitif») the amount is computed from. */
	public record Headcount(int pupils, String schoolYear, String publishedAround) {
	}

	public record Syntec(BigDecimal base, YearMonth baseDate, BigDecimal index) {
	}

	/** How the revision coefficient is derived from the Syntec index; {@code scale} decimals. */
	public record Coefficient(String formula, int scale) {
	}

	public record Split(BigDecimal evolutiveMaintenance, BigDecimal investment) {
	}

	public record Payment(int instalments, String due, String credits, String account, String bank, String holder,
			String chorusProSiret) {
	}

	/** A calendar year of the convention with its prorata in months and the amount the annex states. */
	public record Year(int year, int months, Long amount) {
	}
}
