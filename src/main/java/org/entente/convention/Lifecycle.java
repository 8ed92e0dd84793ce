package org.entente.convention;

import java.time.LocalDate;

/** Article 7: the convention's dates, renewal window, notice period, and the amendment that produced it. */
public record Lifecycle(LocalDate validFrom, LocalDate validTo, String clause, Renewal renewal,
		Termination termination, Amendment amendment) {

	public record Renewal(int windowMonthsBeforeEnd, boolean express, String clause) {
	}

	public record Termination(int noticeMonths, String from, String clause) {
	}

	public record Amendment(Integer number, LocalDate signedOn, String summary) {
	}

	/** The first day of the renewal negotiation window. */
	public LocalDate renewalWindowOpensOn() {
		return validTo.plusDays(1).minusMonths(renewal.windowMonthsBeforeEnd());
	}
}
