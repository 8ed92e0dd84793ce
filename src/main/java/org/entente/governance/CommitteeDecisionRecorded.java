package org.entente.governance;

import java.time.LocalDate;

/**
 * A committee recorded a decision in one of its meetings (article 4). {@code targetType} and {@code targetRef} say what
 * it changes when Entente knows it (a convention version, a routing parameter, a software catalogue entry, a policy
 * change by id); {@code outcome} is ADOPTED or REJECTED for a policy change, null otherwise; {@code link} is the page
 * that shows the decision.
 */
public record CommitteeDecisionRecorded(long decisionId, long meetingId, String committeeCode, String committeeName,
		LocalDate meetingDate, String targetType, String targetRef, String outcome, String text, String link, String recordedBy) {
}
