package org.entente.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The Département asked, from a planned meeting's page, for its pack to be assembled again with the figures of the day
 * (before sending the convocation). Same fields as {@link MeetingScheduled}; the pack assembled replaces the one
 * attached through {@link MeetingPacks}.
 */
public record MeetingPackRequested(long meetingId, String committeeCode, LocalDateTime startsAt, LocalDate previousMeetingOn) {
}
