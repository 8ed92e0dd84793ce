package org.entente.governance.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.entente.governance.CommitteeDecisions;
import org.entente.governance.GovernanceInputException;
import org.entente.governance.MeetingPacks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Governance's public API on its meetings: the packs other modules attach, the decisions they refer to. */
@Service
class MeetingRecords implements MeetingPacks, CommitteeDecisions {

	private final GovernanceStore store;
	private final Committees committees;

	MeetingRecords(GovernanceStore store, Committees committees) {
		this.store = store;
		this.committees = committees;
	}

	@Override
	@Transactional
	public void attach(long meetingId, LocalDate from, LocalDate to, LocalDate sinceMeetingOn, byte[] pdf) {
		if (store.meeting(meetingId).isEmpty()) {
			throw new GovernanceInputException("meetingId", "Réunion " + meetingId + " introuvable",
					"gov.refused.meetingUnknown", String.valueOf(meetingId));
		}
		if (pdf == null || pdf.length == 0 || from == null || to == null || to.isBefore(from)) {
			throw new GovernanceInputException("pdf", "Un dossier de séance a un fichier et une période.",
					"gov.refused.pack");
		}
		store.savePack(meetingId, from, to, sinceMeetingOn, pdf);
	}

	@Override
	public Optional<MeetingPack> pack(long meetingId) {
		return store.pack(meetingId);
	}

	@Override
	public Optional<LocalDate> previousMeetingOn(String committeeCode, LocalDate before) {
		java.time.LocalDateTime start = before.atStartOfDay();
		return store.previousMeeting(committeeCode, start, start);
	}

	@Override
	public Optional<CommitteeDecision> find(long id) {
		return store.findDecision(id).map(this::decision);
	}

	@Override
	public java.util.List<CommitteeDecision> ofCommittee(String committeeCode, int limit) {
		return store.decisionsOf(committeeCode, Math.max(1, Math.min(limit, 500))).stream().map(this::decision).toList();
	}

	private CommitteeDecision decision(GovernanceStore.Decision d) {
		return new CommitteeDecision(d.id(), d.meetingId(), d.committeeCode(),
				committees.names().getOrDefault(d.committeeCode(), d.committeeCode()), d.meetingStartsAt().toLocalDate(),
				d.text());
	}
}
