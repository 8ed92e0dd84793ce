package org.entente.reporting.internal;

import java.util.List;
import java.util.Map;

/**
 * A month's statistics as {@code GET /api/v1/reporting/monthly} answers them (the contract, field for field).
 * {@code closed}: tickets whose closure (status CLOSED) falls in the month; {@code backlogAtEnd}: tickets opened by
 * the month's end and not closed by then; service levels: binding clocks of the tickets closed in the month;
 * {@code indicativeServiceLevels}: the indicative times of the others (the Département's, « au plus tôt »), counted
 * apart and never as commitments (« breached »: beyond the indicative time).
 */
record Monthly(String month, String conventionVersion, long opened, long closed, long backlogAtEnd,
		Map<String, Counts> byParty, List<Establishment> byEstablishment, List<ComponentCounts> byComponent,
		ServiceLevelFigures serviceLevels, long handBacks, long reopened, Satisfaction satisfaction,
		ServiceLevelFigures indicativeServiceLevels) {

	record Counts(long opened, long closed) {
	}

	record Establishment(String uai, long opened, long closed) {
	}

	record ComponentCounts(String component, long opened, long closed) {
	}

	record ServiceLevelFigures(Level takeCharge, Level restoration) {
	}

	/** {@code medianWorkingMinutes}: null when no ticket of the month had that clock. */
	record Level(long met, long breached, Double medianWorkingMinutes) {
	}

	/** {@code average}: of the 1–5 ratings answered in the month, null without answers. */
	record Satisfaction(long answers, Double average) {
	}
}
