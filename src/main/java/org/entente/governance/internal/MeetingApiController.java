package org.entente.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.entente.governance.MeetingPacks.MeetingPack;
import org.entente.governance.internal.GovernanceStore.Meeting;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A committee meeting and its pack (article 4) by API, and the pack's download from the meeting's page
 * ({@code /gouvernance/reunions/{id}/dossier.pdf}): the same stored file the convocation joined.
 */
@RestController
@Tag(name = "Gouvernance", description = "Contribution ENT et cycle de vie de la convention")
class MeetingApiController {

	/** The pack's period and address; absent until reporting has assembled it. */
	record PackResponse(LocalDate from, LocalDate to, LocalDate sinceMeetingOn, Instant generatedAt, String href) {
	}

	record MeetingResponse(long id, String committee, LocalDateTime startsAt, int durationMinutes, String place,
			String status, Instant convokedAt, PackResponse pack) {
	}

	private final Committees committees;

	MeetingApiController(Committees committees) {
		this.committees = committees;
	}

	@Operation(summary = "Une réunion de comité",
			description = "Comité, date (heure de Paris), statut, envoi de la convocation et le dossier de séance joint "
					+ "(période : depuis la réunion précédente enregistrée du comité ; absent tant qu'il n'est pas assemblé). "
					+ "Agents et gestionnaires des comptes du CD et de l'ACA, administrateurs ; 404 pour une réunion inconnue.")
	@GetMapping("/api/v1/governance/meetings/{id}")
	@PreAuthorize("@governancePermissions.readMeetingPacks(authentication)")
	MeetingResponse get(@PathVariable long id) {
		Meeting m = find(id);
		PackResponse pack = committees.pack(id).map(p -> new PackResponse(p.from(), p.to(), p.sinceMeetingOn(),
				p.generatedAt(), "/api/v1/governance/meetings/" + id + "/pack.pdf")).orElse(null);
		return new MeetingResponse(m.id(), m.committeeCode(), m.startsAt(), m.durationMinutes(), m.place(),
				m.status().name(), m.convokedAt(), pack);
	}

	@Operation(summary = "Le dossier de séance d'une réunion (PDF)",
			description = "Le fichier joint à la convocation ; 404 tant qu'il n'est pas assemblé ou pour une réunion inconnue.")
	@GetMapping(path = "/api/v1/governance/meetings/{id}/pack.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize("@governancePermissions.readMeetingPacks(authentication)")
	ResponseEntity<byte[]> pack(@PathVariable long id) {
		return pdf(id);
	}

	@GetMapping("/gouvernance/reunions/{id}/dossier.pdf")
	@PreAuthorize("@governancePermissions.readMeetingPacks(authentication)")
	@io.swagger.v3.oas.annotations.Hidden
	ResponseEntity<byte[]> page(@PathVariable long id) {
		return pdf(id);
	}

	/** The meeting, or the shared 404 problem (the page's exception would be a 500 on the API). */
	private Meeting find(long id) {
		try {
			return committees.meeting(id);
		}
		catch (Committees.MeetingNotFoundException e) {
			throw org.entente.common.ProblemException.notFound("Réunion introuvable", "Aucune réunion de comité n° " + id + ".");
		}
	}

	private ResponseEntity<byte[]> pdf(long id) {
		Meeting m = find(id);
		MeetingPack p = committees.pack(id).orElseThrow(() -> org.entente.common.ProblemException.notFound(
				"Dossier de séance en préparation", "Le dossier de la réunion " + id + " n'est pas encore assemblé."));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(Committees.packFilename(m)).build().toString())
			.body(p.pdf());
	}
}
