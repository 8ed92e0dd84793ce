package org.entente.helpdesk.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.entente.directory.EntenteUser;
import org.entente.helpdesk.internal.AttachmentRepository.AttachmentInfo;
import org.entente.helpdesk.internal.CommentRepository.Comment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The ticket's conversation in the API: comments and attachments (downloads always as attachments, never shown as a
 * page). Operation ids are set so that they stay those of the one controller this was split from.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Guichet", description = "Tickets (incidents et demandes), workflow, routage par la convention, horloges")
class TicketConversationApiController {

	record CommentRequest(@NotBlank @Size(max = 10000) String body) {
	}

	record CommentJson(long id, String author, String body, java.time.OffsetDateTime createdAt) {
	}

	record AttachmentJson(long id, String filename, String contentType, int size, String uploadedBy,
			java.time.OffsetDateTime uploadedAt) {
	}

	private final TicketLookup lookup;
	private final TicketConversation conversation;
	private final TicketApiAnswers answers;

	TicketConversationApiController(TicketLookup lookup, TicketConversation conversation, TicketApiAnswers answers) {
		this.lookup = lookup;
		this.conversation = conversation;
		this.answers = answers;
	}

	@GetMapping("/{id}/comments")
	@Operation(operationId = "ticketComments", summary = "Commentaires d'un ticket", description = "Du plus ancien au plus récent ; les commentaires internes seulement pour qui peut les lire.")
	List<CommentJson> comments(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return conversation.comments(lookup.get(user, id)).stream().map(this::json).toList();
	}

	@PostMapping("/{id}/comments")
	@Operation(operationId = "ticketComment", summary = "Commenter un ticket", description = "Ajoute un commentaire (public ou interne) ; 201 avec le commentaire.")
	ResponseEntity<CommentJson> comment(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@Valid @RequestBody CommentRequest r) {
		long commentId = conversation.comment(user, id, r.body());
		Comment c = conversation.comments(lookup.get(user, id)).stream().filter(x -> x.id() == commentId).findFirst().orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/comments")).body(json(c));
	}

	@GetMapping("/{id}/attachments")
	@Operation(operationId = "ticketAttachments", summary = "Pièces jointes d'un ticket", description = "Nom, type, taille et empreinte de chaque fichier joint.")
	List<AttachmentJson> attachments(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		return conversation.attachments(lookup.get(user, id)).stream().map(this::json).toList();
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "ticketAttach", summary = "Joindre un fichier", description = "5 Mo au plus ; PDF, PNG, JPEG, TXT, CSV, LOG, vérifiés sur le contenu.")
	ResponseEntity<AttachmentJson> attach(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		long attachmentId = conversation.attach(user, id, file.getOriginalFilename(), file.getBytes());
		AttachmentInfo a = conversation.attachment(user, id, attachmentId);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/attachments/" + attachmentId)).body(json(a));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(operationId = "ticketDownload", summary = "Télécharger une pièce jointe", description = "Toujours en téléchargement, jamais affichée comme page.")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return download(conversation, user, id, attachmentId);
	}

	/** The attachment as a download with its sniffed type (shared with the pages). */
	static ResponseEntity<byte[]> download(TicketConversation conversation, EntenteUser user, long id, long attachmentId) {
		AttachmentInfo a = conversation.attachment(user, id, attachmentId);
		String type = a.contentType().startsWith("text/") ? a.contentType() + ";charset=UTF-8" : a.contentType();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header("Content-Disposition", ContentDisposition.attachment().filename(a.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(conversation.content(a));
	}

	private CommentJson json(Comment c) {
		return new CommentJson(c.id(), c.author(), c.body(), TicketViews.at(c.createdAt(), answers.zone()));
	}

	private AttachmentJson json(AttachmentInfo a) {
		return new AttachmentJson(a.id(), a.filename(), a.contentType(), a.size(), a.uploadedBy(),
				TicketViews.at(a.uploadedAt(), answers.zone()));
	}
}
