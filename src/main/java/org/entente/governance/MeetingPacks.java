package org.entente.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The packs attached to committee meetings (article 4): a module that assembles one (reporting, from the indicators)
 * attaches it here; governance shows it on the meeting's page and API and joins it to the convocation.
 */
public interface MeetingPacks {

	/**
	 * Attaches the pack of a meeting, replacing an earlier one.
	 *
	 * @param sinceMeetingOn the previous recorded meeting the period starts from, null when the period is one cadence
	 * @throws GovernanceInputException when the meeting does not exist (parameter {@code meetingId})
	 */
	void attach(long meetingId, LocalDate from, LocalDate to, LocalDate sinceMeetingOn, byte[] pdf);

	/** The pack attached to a meeting, if any. */
	Optional<MeetingPack> pack(long meetingId);

	/**
	 * The day of the committee's last recorded meeting (held, or passed and not cancelled) before {@code before}: where
	 * « since the last meeting » starts.
	 */
	Optional<LocalDate> previousMeetingOn(String committeeCode, LocalDate before);

	/** A meeting's pack: its period, when it was generated and the PDF. */
	record MeetingPack(long meetingId, LocalDate from, LocalDate to, LocalDate sinceMeetingOn, Instant generatedAt, byte[] pdf) {
	}
}
