package org.entente.reporting.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A ticket as reporting knows it from the desk's events (table {@code reporting_ticket}): its dimensions, status,
 * opening and closing days and, once closed, how its take-charge and restoration clocks ended ({@code indicative}:
 * indicative times, counted apart, when no clock of the ticket was a commitment). What the
 * daily aggregates count for it is a function of this line ({@link Aggregates#contributions}).
 */
record TicketLine(long ticketId, String number, String uai, String parties, String component, int level,
		String criticality, String status, java.time.Instant statusAt, LocalDate openedDay, LocalDate closedDay,
		String atRiskClocks, boolean breached, Boolean takeChargeMet, Integer takeChargeMinutes, Boolean restorationMet,
		Integer restorationMinutes, boolean indicative) {

	static final String TAKE_CHARGE = "TAKE_CHARGE";
	static final String RESTORATION = "RESTORATION";
	/** The prefix of the clocks counted apart as indicative times (not a commitment of the responsible party). */
	static final String INDICATIVE = "INDICATIVE_";

	/** The clock its outcomes are counted under: indicative times apart from commitments. */
	String countedAs(String clock) {
		return indicative ? INDICATIVE + clock : clock;
	}

	/** The same line, its outcomes being indicative times or commitments. */
	TicketLine withIndicative(boolean value) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, openedDay,
				closedDay, atRiskClocks, breached, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes, value);
	}

	/** The parties column, « ,ACA,CD, » (sorted, so that one set of parties is one key). */
	static String partiesColumn(List<String> parties) {
		return "," + String.join(",", parties.stream().sorted().toList()) + ",";
	}

	static List<String> partiesOf(String column) {
		return java.util.Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).toList();
	}

	boolean open() {
		return !"RESOLVED".equals(status) && !"CLOSED".equals(status);
	}

	/** The service-level state the desk's lists filter on: BREACHED, AT_RISK or OK. */
	String slaState() {
		return breached ? "BREACHED" : atRiskClocks.isEmpty() ? "OK" : "AT_RISK";
	}

	TicketLine with(String status, java.time.Instant statusAt, LocalDate closedDay, Boolean takeChargeMet,
			Integer takeChargeMinutes, Boolean restorationMet, Integer restorationMinutes) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, openedDay,
				closedDay, atRiskClocks, breached, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes, indicative);
	}

	TicketLine withDimensions(String number, String uai, String parties, String component, int level, String criticality) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, openedDay,
				closedDay, atRiskClocks, breached, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes, indicative);
	}

	TicketLine withOpenedDay(LocalDate day) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, day,
				closedDay, atRiskClocks, breached, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes, indicative);
	}

	TicketLine withClocks(String atRisk, boolean breachedNow) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, openedDay,
				closedDay, atRisk, breachedNow, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes, indicative);
	}
}
