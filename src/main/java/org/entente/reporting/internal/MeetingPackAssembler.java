package org.entente.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.entente.convention.Committee;
import org.entente.governance.MeetingPackRequested;
import org.entente.governance.MeetingPacks;
import org.entente.governance.MeetingScheduled;
import org.entente.worktime.WorkTime;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Assembles the pack of a meeting governance has just scheduled ({@link MeetingScheduled}), or again when the
 * Département asks for today's figures ({@link MeetingPackRequested}), after its commit, in a
 * transaction of its own; the event registry redelivers it after a failure) and attaches it to the meeting through
 * governance's {@link MeetingPacks}, which joins it to the convocation. The period runs from the committee's previous
 * recorded meeting to the day the pack is assembled; over one cadence when none is recorded.
 */
@Component
class MeetingPackAssembler {

	private final CommitteePack packs;
	private final MeetingPacks meetings;
	private final WorkTime workTime;
	private final Clock clock;

	MeetingPackAssembler(CommitteePack packs, MeetingPacks meetings, WorkTime workTime, Clock clock) {
		this.packs = packs;
		this.meetings = meetings;
		this.workTime = workTime;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(MeetingScheduled scheduled) {
		assemble(scheduled.meetingId(), scheduled.committeeCode(), scheduled.previousMeetingOn());
	}

	@ApplicationModuleListener
	void on(MeetingPackRequested requested) {
		assemble(requested.meetingId(), requested.committeeCode(), requested.previousMeetingOn());
	}

	private void assemble(long meetingId, String committeeCode, LocalDate previousMeetingOn) {
		Committee c = packs.committee(committeeCode);
		LocalDate to = LocalDate.now(clock.withZone(workTime.calendar().zone()));
		CommitteePack.Span span = CommitteePack.Span.of(c, previousMeetingOn, to);
		meetings.attach(meetingId, span.from(), span.to(), span.since(), packs.pdf(c, span));
	}
}
