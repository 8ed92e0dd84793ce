package org.entente.governance;

import java.time.LocalDate;
import java.util.Optional;

/** The decisions recorded at committee meetings (article 4), for the modules that refer to one (a satisfaction campaign). */
public interface CommitteeDecisions {

	/** The decision with this id, if it was recorded. */
	Optional<CommitteeDecision> find(long id);

	/** The decisions of one committee, the latest meeting first (at most {@code limit}). */
	java.util.List<CommitteeDecision> ofCommittee(String committeeCode, int limit);

	/** A recorded decision: its meeting (committee, day) and text. */
	record CommitteeDecision(long id, long meetingId, String committeeCode, String committeeName, LocalDate meetingOn,
			String text) {

		/** The decision on the page of the meeting where it was recorded. */
		public String page() {
			return "/gouvernance/reunions/" + meetingId + "#decision-" + id;
		}
	}
}
