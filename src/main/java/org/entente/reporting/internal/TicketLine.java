package org.entente.reporting.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A ticket as reporting knows it from the desk's events (table {@code reporting_ticket}): its dimensions, status,
 * opening and closing days and, once closed, how its binding take-charge and restoration clocks ended. What the
 * daily aggregates count for it is a function of this line ({@link Aggregates#contributions}).
 */
record TicketLine(long ticketId, String number, String uai, String parties, String component, int level,
		String criticality, String status, java.time.Instant statusAt, LocalDate openedDay, LocalDate closedDay,
		String atRiskClocks, boolean breached, Boolean takeChargeMet, Integer takeChargeMinutes, Boolean restorationMet,
		Integer restorationMinutes) {

	static final String TAKE_CHARGE = "TAKE_CHARGE";
	static final String RESTORATION = "RESTORATION";

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
				closedDay, atRiskClocks, breached, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes);
	}

	TicketLine withDimensions(String number, String uai, String parties, String component, int level, String criticality) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, openedDay,
				closedDay, atRiskClocks, breached, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes);
	}

	TicketLine withOpenedDay(LocalDate day) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, day,
				closedDay, atRiskClocks, breached, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes);
	}

	TicketLine withClocks(String atRisk, boolean breachedNow) {
		return new TicketLine(ticketId, number, uai, parties, component, level, criticality, status, statusAt, openedDay,
				closedDay, atRisk, breachedNow, takeChargeMet, takeChargeMinutes, restorationMet, restorationMinutes);
	}
}
