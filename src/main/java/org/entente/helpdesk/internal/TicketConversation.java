package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Inputs.blank;

import java.time.Instant;
import java.util.List;

import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.internal.AttachmentRepository.AttachmentInfo;
import org.entente.helpdesk.internal.CommentRepository.Comment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation on a ticket: comments (which tell the people concerned) and attachments (checked on their
 * content by {@link Attachments}). Whoever sees the ticket may take part, except a reader of every request
 * ({@link TicketAccess#requireMayContribute}).
 */
@Service
class TicketConversation {

	private final TicketLookup lookup;
	private final TicketRepository tickets;
	private final TicketHistory history;
	private final CommentRepository comments;
	private final AttachmentRepository attachments;
	private final TicketNotifier notifier;
	private final TicketAccess access;

	TicketConversation(TicketLookup lookup, TicketRepository tickets, TicketHistory history, CommentRepository comments,
			AttachmentRepository attachments, TicketNotifier notifier, TicketAccess access) {
		this.lookup = lookup;
		this.access = access;
		this.tickets = tickets;
		this.history = history;
		this.comments = comments;
		this.attachments = attachments;
		this.notifier = notifier;
	}

	List<Comment> comments(Ticket t) {
		return comments.of(t.id());
	}

	List<AttachmentInfo> attachments(Ticket t) {
		return attachments.of(t.id());
	}

	AttachmentInfo attachment(EntenteUser user, long id, long attachmentId) {
		lookup.get(user, id);
		return attachments.find(id, attachmentId).orElseThrow(() -> ProblemException.notFound("Pièce jointe introuvable",
				"Aucune pièce jointe n° " + attachmentId + " sur ce ticket."));
	}

	byte[] content(AttachmentInfo a) {
		return attachments.content(a.id());
	}

	@Transactional
	long comment(EntenteUser user, long id, String body) {
		Ticket t = lookup.get(user, id);
		access.requireMayContribute(user, t);
		if (blank(body) == null) {
			throw ProblemException.invalid("body", "Le commentaire est vide.").worded("helpdesk.refused.commentEmpty");
		}
		if (body.length() > 10_000) {
			throw ProblemException.invalid("body", "Le commentaire dépasse 10 000 caractères.").worded("helpdesk.error.comment.tooLong");
		}
		Instant now = Instant.now();
		long commentId = comments.add(id, user.getUsername(), body.trim(), now);
		tickets.touch(id, now);
		notifier.step(t, StoredText.message("helpdesk.notice.comment", user.displayName()), user.getUsername());
		return commentId;
	}

	@Transactional
	long attach(EntenteUser user, long id, String filename, byte[] content) {
		access.requireMayContribute(user, lookup.get(user, id));
		String type = Attachments.check(filename, content);
		Instant now = Instant.now();
		String safeName = Attachments.safeName(filename);
		long attachmentId = attachments.add(id, safeName, type, content, user.getUsername(), now);
		history.add(id, now, user.getUsername(), "ATTACHMENT", null, null, StoredText.message("helpdesk.event.attachment", safeName));
		tickets.touch(id, now);
		return attachmentId;
	}
}
