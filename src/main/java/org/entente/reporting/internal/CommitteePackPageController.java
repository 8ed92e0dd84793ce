package org.entente.reporting.internal;

import java.time.LocalDate;

import org.entente.common.ProblemException;
import org.entente.convention.Committee;
import org.entente.governance.MeetingPacks;
import org.entente.worktime.WorkTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A committee's pack as a PDF, {@code /indicateurs/comites/{code}.pdf?from=&to=}: by default since the committee's
 * last recorded meeting (governance's {@link MeetingPacks#previousMeetingOn}) up to today, over one cadence when none
 * is recorded. The pack of a scheduled meeting is assembled once and attached to it ({@link MeetingPackAssembler}).
 */
@Controller
class CommitteePackPageController {

	private final CommitteePack packs;
	private final WorkTime workTime;
	private final MeetingPacks meetings;

	CommitteePackPageController(CommitteePack packs, WorkTime workTime, MeetingPacks meetings) {
		this.packs = packs;
		this.workTime = workTime;
		this.meetings = meetings;
	}

	@GetMapping("/indicateurs/comites/{code}.pdf")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	ResponseEntity<byte[]> pdf(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Committee c = packs.committee(code);
		LocalDate end = to == null ? LocalDate.now(workTime.calendar().zone()) : to;
		CommitteePack.Span span = from != null ? CommitteePack.Span.chosen(from, end)
				: CommitteePack.Span.of(c, meetings.previousMeetingOn(c.code(), end).orElse(null), end);
		LocalDate start = span.from();
		if (end.isBefore(start)) {
			throw ProblemException.invalidParameter("to", "La fin de la période « to » précède son début « from ».");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("dossier-" + c.code().toLowerCase(java.util.Locale.ROOT) + "-" + end + ".pdf").build().toString())
			.body(packs.pdf(c, span));
	}
}
