package org.entente.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One way to write numbers and amounts for people, on every page and in every sentence: thousands grouped by a
 * space, a decimal comma, euros without cents when there are none (« 32 490 », « 18 411 € », « 11 046,60 € »,
 * « 1,70 € »). Templates reach it as {@code ${@numbers.amount(x)}} (the bean of the web module). Files for machines
 * (CSV, JSON) keep their plain figures.
 */
public final class FrenchNumbers {

	private FrenchNumbers() {
	}

	/** A count: « 32 490 ». */
	public static String count(long n) {
		return grouped(Long.toString(Math.abs(n)), n < 0);
	}

	/** A decimal with the scale it has, grouped: « 1,000 », « 320,5 », « 11 046,60 ». */
	public static String decimal(BigDecimal value) {
		String plain = value.abs().toPlainString();
		int dot = plain.indexOf('.');
		String whole = dot < 0 ? plain : plain.substring(0, dot);
		return grouped(whole, value.signum() < 0) + (dot < 0 ? "" : "," + plain.substring(dot + 1));
	}

	/** An amount in euros: « 18 411 € » when whole, « 11 046,60 € » with its cents otherwise. */
	public static String amount(BigDecimal euros) {
		BigDecimal cents = euros.setScale(2, RoundingMode.HALF_UP);
		boolean whole = cents.remainder(BigDecimal.ONE).signum() == 0;
		return decimal(whole ? cents.setScale(0) : cents) + " €";
	}

	/** An amount of whole euros: « 18 411 € ». */
	public static String amount(long euros) {
		return count(euros) + " €";
	}

	private static String grouped(String digits, boolean negative) {
		StringBuilder b = new StringBuilder();
		int first = digits.length() % 3;
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (i - first) % 3 == 0) {
				b.append(' ');
			}
			b.append(digits.charAt(i));
		}
		return (negative ? "-" : "") + b;
	}
}
