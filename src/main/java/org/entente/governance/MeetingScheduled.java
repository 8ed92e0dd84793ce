package org.entente.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A committee meeting was scheduled (article 4), published in the transaction that scheduled it: the module
 * reporting assembles the meeting's pack and attaches it through {@link MeetingPacks}.
 *
 * @param startsAt local date-time in the convention's zone
 * @param previousMeetingOn the day of the committee's previous recorded meeting (held, or passed and not cancelled),
 *     null when none is recorded
 */
public record MeetingScheduled(long meetingId, String committeeCode, LocalDateTime startsAt, LocalDate previousMeetingOn) {
}
