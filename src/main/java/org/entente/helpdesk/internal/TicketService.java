package org.entente.helpdesk.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.convention.Conventions;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.Responsibility;
import org.entente.convention.ResponsibilityContext;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketOpened;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.TicketStatusChanged;
import org.entente.helpdesk.WaitingReason;
import org.entente.helpdesk.internal.Clocks.ClockView;
import org.entente.helpdesk.internal.Clocks.StatusChange;
import org.entente.inventory.Asset;
import org.entente.inventory.Assets;
import org.entente.worktime.Criticality;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes a ticket: opening (with routing by the convention and clocks), transitions, level 1 and
 * level 2, hand-backs, criticality, classification, assignment, comments, attachments, satisfaction. One write is
 * one transaction; each change adds a line to the history and tells the people concerned.
 */
@Service
class TicketService {

	/** What opening a ticket needs. */
	record NewTicket(String establishment, String title, String description, String component,
			InterventionKind intervention, Network network, Funding funding, Criticality criticality, TicketKind kind,
			Boolean dataInvolved, String assetId, Integer priorityClass) {
	}

	/** A requested status change with what the target status needs. */
	record Transition(TicketStatus to, String reason, WaitingReason waitingReason, Boolean degraded,
			String temporarySolution) {
	}

	private static final Set<Role> CREATORS = EnumSet.of(Role.ADMIN, Role.LEVEL1_AGENT, Role.CD_AGENT, Role.ACA_AGENT,
			Role.SCHOOL_STAFF);
	static final String SYSTEM = "système";

	private static final Set<Role> DESK = EnumSet.of(Role.ADMIN, Role.LEVEL1_AGENT);

	private final TicketRepository tickets;
	private final Conventions conventions;
	private final Establishments establishments;
	private final Accounts accounts;
	private final Clocks clocks;
	private final TicketNotifier notifier;
	private final ApplicationEventPublisher events;
	private final Assets assets;

	TicketService(TicketRepository tickets, Conventions conventions, Establishments establishments, Accounts accounts,
			Clocks clocks, TicketNotifier notifier, ApplicationEventPublisher events, Assets assets) {
		this.assets = assets;
		this.tickets = tickets;
		this.conventions = conventions;
		this.establishments = establishments;
		this.accounts = accounts;
		this.clocks = clocks;
		this.notifier = notifier;
		this.events = events;
	}

	// Reading

	/** The ticket if this account may see it; otherwise 404, as if it did not exist. */
	Ticket get(EntenteUser user, long id) {
		return tickets.find(id).filter(t -> TicketQuery.canSee(user, t)).orElseThrow(() -> HelpdeskException.notFound(id));
	}

	/** One page (plus one row to tell whether there is a next page). */
	List<Ticket> list(EntenteUser user, TicketQuery query, int page, int size) {
		return tickets.page(query.toSql(user), size + 1, (long) page * size);
	}

	List<ClockView> clocks(Ticket t) {
		return clocks.compute(t, history(t.id()), Instant.now());
	}

	List<TicketEvent> events(Ticket t) {
		return tickets.events(t.id());
	}

	List<TicketRepository.Comment> comments(Ticket t) {
		return tickets.comments(t.id());
	}

	List<TicketRepository.AttachmentInfo> attachments(Ticket t) {
		return tickets.attachments(t.id());
	}

	TicketRepository.AttachmentInfo attachment(EntenteUser user, long id, long attachmentId) {
		get(user, id);
		return tickets.attachment(id, attachmentId).orElseThrow(() -> new HelpdeskException(HttpStatus.NOT_FOUND,
				"Pièce jointe introuvable", "Aucune pièce jointe n° " + attachmentId + " sur ce ticket."));
	}

	byte[] attachmentContent(TicketRepository.AttachmentInfo a) {
		return tickets.attachmentContent(a.id());
	}

	java.util.Optional<TicketRepository.Satisfaction> satisfaction(Ticket t) {
		return tickets.satisfaction(t.id());
	}

	// Opening

	/** A ticket just opened, with its clocks. */
	record Opened(Ticket ticket, List<ClockView> clocks) {
	}

	@Transactional
	Opened open(EntenteUser user, NewTicket request) {
		if (!CREATORS.contains(user.role())) {
			throw HelpdeskException.forbidden("Votre rôle ne permet pas d'ouvrir un ticket.");
		}
		String uai = request.establishment() == null ? null : request.establishment().trim().toUpperCase(java.util.Locale.ROOT);
		if (user.role() == Role.SCHOOL_STAFF && !uai.equals(user.establishment())) {
			throw HelpdeskException.invalid("establishment", "Vous ne pouvez signaler un problème que pour votre établissement ("
					+ user.establishment() + ").");
		}
		Establishment establishment = establishments.find(uai)
			.orElseThrow(() -> HelpdeskException.invalid("establishment", "Établissement « " + request.establishment() + " » inconnu."));
		if (!establishment.kind().coveredByConvention()) {
			throw new HelpdeskException(HttpStatus.UNPROCESSABLE_CONTENT, "Établissement hors convention",
					establishment.name() + " est une cité scolaire : sa maintenance informatique relève de la Région Bretagne, "
							+ "pas de la convention entre le Département et l'Académie (préambule de la convention : "
							+ "« les 3 cités scolaires sont quant à elles sous la maintenance de la Région Bretagne »).",
					Map.of("field", "establishment"));
		}
		NewTicket n = asset(uai, request.assetId()).map(a -> {
			requireKind(a, request.component());
			return withAsset(request, a);
		}).orElse(request);
		Responsibility r = conventions.resolve(n.component(), n.intervention(),
				new ResponsibilityContext(n.funding(), n.network(), null));
		TicketKind kind = n.kind() != null ? n.kind() : n.intervention() == InterventionKind.REPAIR ? TicketKind.INCIDENT : TicketKind.REQUEST;
		Criticality derived = derivedCriticality(kind, n.component());
		boolean overridden = n.criticality() != null && n.criticality() != derived && isAgent(user);
		Criticality criticality = overridden ? n.criticality() : derived;
		Integer priorityClass = criticality == Criticality.CRITICAL ? null
				: n.priorityClass() != null ? n.priorityClass() : priorityClass(n.intervention(), n.funding());
		Instant now = Instant.now();
		Ticket draft = new Ticket(0, null, kind, uai, user.getUsername(), n.title().trim(), n.description().trim(),
				n.component(), blank(n.assetId()), n.intervention(), n.network(), n.funding(), criticality, overridden,
				priorityClass, Boolean.TRUE.equals(n.dataInvolved()), TicketStatus.NEW, null, false, null, 1,
				r.parties(), r.toArbitrate(), r.explanation(), r.clause(), r.conventionVersion(), null, 0, "OK", now,
				null, null, now, 0);
		Ticket t = tickets.insert(draft);
		long id = t.id();
		tickets.addEvent(id, now, user.getUsername(), "CREATED", null, TicketStatus.NEW,
				"Routage : " + r.explanation() + " (" + r.clause() + ", convention " + r.conventionVersion() + ")"
						+ (r.toArbitrate() ? " — à arbitrer" : ""));
		if (overridden) {
			tickets.addEvent(id, now, user.getUsername(), "CRITICALITY", null, null,
					"Criticité fixée à « " + criticality.label() + " » au lieu de « " + derived.label() + " » à l'ouverture");
		}
		List<ClockView> views = clocks.compute(t, List.of(new StatusChange(now, TicketStatus.NEW)), now);
		tickets.insertClocks(id, views);
		events.publishEvent(new TicketOpened(id, t.number(), uai, t.component(), criticality.name(), t.parties(), now));
		notifier.step(t, "Nouveau ticket, routé vers " + String.join(" et ", t.parties()) + (t.toArbitrate() ? " (à arbitrer)" : ""),
				user.getUsername());
		return new Opened(t, views);
	}

	/** An asset named with a component must be of that component: its network and funding route the ticket. */
	private static void requireKind(Asset a, String component) {
		if (blank(component) != null && !component.trim().equals(a.component())) {
			throw HelpdeskException.invalid("assetId", "Cet équipement relève du composant « " + a.component()
					+ " » : indiquez ce composant ou choisissez un autre équipement (ou aucun).");
		}
	}

	/** The asset fills in what the request leaves empty: component, network, funding. */
	private static NewTicket withAsset(NewTicket n, Asset a) {
		return new NewTicket(n.establishment(), n.title(), n.description(),
				blank(n.component()) == null ? a.component() : n.component(), n.intervention(),
				n.network() == null ? a.routingNetwork() : n.network(), n.funding() == null ? a.data().funding() : n.funding(),
				n.criticality(), n.kind(), n.dataInvolved(), String.valueOf(a.id()), n.priorityClass());
	}

	Criticality derivedCriticality(TicketKind kind, String component) {
		return kind == TicketKind.INCIDENT && conventions.current().serviceLevels().isCritical(component)
				? Criticality.CRITICAL : Criticality.NON_CRITICAL;
	}

	/** The convention's order for non-critical work: 1 malfunction, 2 new application, 3 renewal, 4 own funds. */
	static int priorityClass(InterventionKind intervention, Funding funding) {
		if (funding == Funding.OWN_FUNDS_CATALOGUE || funding == Funding.OWN_FUNDS_OTHER) {
			return 4;
		}
		return switch (intervention) {
			case REPAIR, ASSISTANCE, ADMINISTRATION -> 1;
			case SUPPLY -> 3;
			default -> 2;
		};
	}

	// Workflow

	@Transactional
	Ticket transition(EntenteUser user, long id, Integer expectedVersion, Transition tr) {
		Ticket t = locked(user, id, expectedVersion);
		TicketStatus from = t.status();
		TicketStatus to = tr.to();
		if (to == null) {
			throw HelpdeskException.invalid("to", "Le statut visé « to » est obligatoire.");
		}
		if (!from.canGoTo(to)) {
			throw new HelpdeskException(HttpStatus.CONFLICT, "Transition impossible",
					"Un ticket « " + from.label() + " » ne peut pas passer à « " + to.label() + " » ; transitions permises : "
							+ String.join(", ", from.next().stream().map(s -> s.name() + " (" + s.label() + ")").toList()) + ".",
					Map.of("from", from.name(), "to", to.name(), "allowed", from.next().stream().map(Enum::name).toList()));
		}
		boolean reopen = !from.isOpen() && to == TicketStatus.IN_PROGRESS;
		checkMayTransition(user, t, to, reopen);
		String reason = blank(tr.reason());
		if (reopen && reason == null) {
			throw HelpdeskException.invalid("reason", "Une réouverture doit dire pourquoi (« reason »).");
		}
		WaitingReason waiting = null;
		if (to == TicketStatus.WAITING) {
			if (tr.waitingReason() == null) {
				throw HelpdeskException.invalid("waitingReason", "La mise en attente doit dire qui est attendu (« waitingReason » : "
						+ java.util.Arrays.toString(WaitingReason.values()) + ").");
			}
			waiting = tr.waitingReason();
		}
		boolean degraded = t.degraded();
		String temporarySolution = t.temporarySolution();
		if (to == TicketStatus.RESTORED) {
			degraded = Boolean.TRUE.equals(tr.degraded());
			temporarySolution = blank(tr.temporarySolution());
			if (degraded && temporarySolution == null) {
				throw HelpdeskException.invalid("temporarySolution", "Un rétablissement en mode dégradé décrit la solution temporaire (« temporarySolution »).");
			}
		}
		else if (to == TicketStatus.RESOLVED) {
			degraded = false;
		}
		Instant now = Instant.now();
		Instant resolvedAt = to == TicketStatus.RESOLVED ? now : reopen ? null : t.resolvedAt();
		Instant closedAt = to == TicketStatus.CLOSED ? now : reopen ? null : t.closedAt();
		tickets.updateStatus(id, to, waiting, degraded, temporarySolution, resolvedAt, closedAt, now);
		String detail = (reopen ? "Réouverture" : to.label())
				+ (waiting != null ? " — attente : " + waiting.label() : "")
				+ (to == TicketStatus.RESTORED && degraded ? " — mode dégradé : " + temporarySolution : "")
				+ (reason != null ? " — " + reason : "");
		tickets.addEvent(id, now, user.getUsername(), reopen ? "REOPEN" : "STATUS", from, to, detail);
		Ticket updated = tickets.find(id).orElseThrow();
		refreshClocks(updated, now);
		events.publishEvent(new TicketStatusChanged(id, t.number(), from, to, user.getUsername(), reason, now));
		notifier.step(updated, detail, user.getUsername());
		if (to == TicketStatus.CLOSED) {
			notifier.survey(updated);
		}
		return updated;
	}

	private void checkMayTransition(EntenteUser user, Ticket t, TicketStatus to, boolean reopen) {
		switch (user.role()) {
			case ADMIN, LEVEL1_AGENT -> {
			}
			case CD_AGENT, ACA_AGENT -> {
				if (!t.routedTo(user.party())) {
					throw HelpdeskException.forbidden("Ce ticket n'est pas routé vers votre partie (" + user.party()
							+ ") : vous le suivez, sans le traiter.");
				}
			}
			case CONTRACTOR -> {
				if (reopen || to == TicketStatus.CLOSED) {
					throw HelpdeskException.forbidden("Un prestataire ne clôt ni ne rouvre un ticket.");
				}
			}
			case SCHOOL_STAFF -> {
				if (!(reopen || to == TicketStatus.CLOSED)) {
					throw HelpdeskException.forbidden("Le collège confirme la résolution (CLOSED) ou rouvre le ticket ; "
							+ "les autres étapes appartiennent aux équipes d'assistance.");
				}
			}
			default -> throw HelpdeskException.forbidden("Votre rôle ne permet pas de faire avancer un ticket.");
		}
	}

	/** Closes a resolved ticket the requester did not confirm in time; false if it is no longer resolved. */
	@Transactional
	boolean autoClose(long id) {
		Ticket t = tickets.lock(id).orElseThrow();
		if (t.status() != TicketStatus.RESOLVED) {
			return false;
		}
		Instant now = Instant.now();
		tickets.updateStatus(id, TicketStatus.CLOSED, null, false, t.temporarySolution(), t.resolvedAt(), now, now);
		tickets.addEvent(id, now, SYSTEM, "STATUS", TicketStatus.RESOLVED, TicketStatus.CLOSED,
				"Clôture automatique : pas de confirmation du demandeur dans le délai");
		Ticket updated = tickets.find(id).orElseThrow();
		events.publishEvent(new TicketStatusChanged(id, t.number(), TicketStatus.RESOLVED, TicketStatus.CLOSED, SYSTEM,
				"clôture automatique", now));
		notifier.step(updated, "Clôture automatique", SYSTEM);
		notifier.survey(updated);
		return true;
	}

	// Level 1 / level 2, routing

	@Transactional
	Ticket escalate(EntenteUser user, long id, Integer expectedVersion, String reason) {
		Ticket t = locked(user, id, expectedVersion);
		if (!DESK.contains(user.role())) {
			throw HelpdeskException.forbidden("L'escalade au niveau 2 appartient au niveau 1.");
		}
		if (t.level() == 2) {
			throw new HelpdeskException(HttpStatus.CONFLICT, "Déjà au niveau 2", "Le ticket est déjà au niveau 2.");
		}
		Instant now = Instant.now();
		tickets.updateLevel(id, 2, 0, now);
		String detail = "Escalade au niveau 2 vers " + String.join(" et ", t.parties()) + (blank(reason) != null ? " — " + reason : "");
		tickets.addEvent(id, now, user.getUsername(), "ESCALATION", null, null, detail);
		Ticket updated = tickets.find(id).orElseThrow();
		notifier.step(updated, detail, user.getUsername());
		return updated;
	}

	@Transactional
	Ticket handBack(EntenteUser user, long id, Integer expectedVersion, String reason) {
		Ticket t = locked(user, id, expectedVersion);
		if (blank(reason) == null) {
			throw HelpdeskException.invalid("reason", "Un renvoi dit pourquoi le ticket n'est pas pour votre partie (« reason »).");
		}
		if (!(user.role() == Role.CD_AGENT || user.role() == Role.ACA_AGENT) || !t.routedTo(user.party())) {
			throw HelpdeskException.forbidden("Seule une partie vers laquelle le ticket est routé peut le renvoyer.");
		}
		Instant now = Instant.now();
		tickets.updateLevel(id, 1, 1, now);
		String detail = "Renvoyé au niveau 1 par " + user.party() + " — " + reason;
		tickets.addEvent(id, now, user.getUsername(), "HAND_BACK", null, null, detail);
		Ticket updated = tickets.find(id).orElseThrow();
		notifier.step(updated, detail, user.getUsername());
		return updated;
	}

	/**
	 * Changes what the ticket is about; routing (and derived criticality) run again. The ticket's asset (or the one
	 * named now) fills in the component, network and funding the request leaves empty.
	 */
	@Transactional
	Ticket reclassify(EntenteUser user, long id, Integer expectedVersion, String component, InterventionKind intervention,
			Network network, Funding funding, Boolean dataInvolved, String reason, String assetId) {
		Ticket t = locked(user, id, expectedVersion);
		requireAgent(user, t);
		// No asset id keeps the asset named; an empty one takes it off the ticket.
		boolean assetRemoved = assetId != null && assetId.isBlank() && t.assetId() != null;
		java.util.Optional<Asset> asset = assetRemoved ? java.util.Optional.empty()
				: asset(t.establishment(), blank(assetId) != null ? assetId : t.assetId());
		if (blank(assetId) != null) {
			requireKind(asset.orElseThrow(), component);
		}
		String c = blank(component) != null ? component.trim() : asset.map(Asset::component).orElse(t.component());
		InterventionKind k = intervention == null ? t.intervention() : intervention;
		if (asset.isPresent()) {
			network = network == null ? asset.get().routingNetwork() : network;
			funding = funding == null ? asset.get().data().funding() : funding;
		}
		Responsibility r = conventions.resolve(c, k, new ResponsibilityContext(funding, network, null));
		Criticality criticality = t.criticalityOverridden() ? t.criticality() : derivedCriticality(t.kind(), c);
		Integer priorityClass = criticality == Criticality.CRITICAL ? null
				: t.priorityClass() != null ? t.priorityClass() : priorityClass(k, funding);
		Instant now = Instant.now();
		boolean data = dataInvolved == null ? t.dataInvolved() : dataInvolved;
		tickets.updateRouting(id, c, k, network, funding, data, criticality, priorityClass, r.parties(), t.status(), r.toArbitrate(),
				r.explanation(), r.clause(), r.conventionVersion(), now);
		if (blank(assetId) != null) {
			tickets.updateAsset(id, String.valueOf(asset.orElseThrow().id()));
		}
		else if (assetRemoved) {
			tickets.updateAsset(id, null);
		}
		String detail = "Reclassé : " + c + " / " + k.label() + (blank(assetId) != null ? " / équipement n° " + blank(assetId) : assetRemoved ? " / équipement n° " + t.assetId() + " retiré" : "") + (network != null ? " / " + network.label() : "")
				+ (funding != null ? " / " + funding.label() : "") + " → " + String.join(" et ", r.parties()) + " ("
				+ r.clause() + ")" + (r.toArbitrate() ? " — à arbitrer" : "") + (blank(reason) != null ? " — " + reason : "");
		tickets.addEvent(id, now, user.getUsername(), "ROUTING", null, null, detail);
		Ticket updated = tickets.find(id).orElseThrow();
		refreshClocks(updated, now);
		notifier.step(updated, detail, user.getUsername());
		return updated;
	}

	@Transactional
	Ticket changeCriticality(EntenteUser user, long id, Integer expectedVersion, Criticality criticality, String reason) {
		Ticket t = locked(user, id, expectedVersion);
		requireAgent(user, t);
		if (criticality == null) {
			throw HelpdeskException.invalid("criticality", "La criticité est obligatoire.");
		}
		if (blank(reason) == null) {
			throw HelpdeskException.invalid("reason", "Un changement de criticité dit pourquoi (« reason »).");
		}
		Instant now = Instant.now();
		Integer priorityClass = criticality == Criticality.CRITICAL ? null
				: t.priorityClass() != null ? t.priorityClass() : priorityClass(t.intervention(), t.funding());
		tickets.updateCriticality(id, criticality, priorityClass, now);
		String detail = "Criticité : " + t.criticality().label() + " → " + criticality.label() + " — " + reason;
		tickets.addEvent(id, now, user.getUsername(), "CRITICALITY", null, null, detail);
		Ticket updated = tickets.find(id).orElseThrow();
		refreshClocks(updated, now);
		notifier.step(updated, detail, user.getUsername());
		return updated;
	}

	@Transactional
	Ticket assign(EntenteUser user, long id, Integer expectedVersion, String assignee) {
		Ticket t = locked(user, id, expectedVersion);
		requireAgent(user, t);
		String username = blank(assignee);
		if (username != null && accounts.find(username).filter(a -> a.role() == Role.CONTRACTOR).isEmpty()) {
			throw HelpdeskException.invalid("assignee", "« " + assignee + " » n'est pas un compte de prestataire.");
		}
		Instant now = Instant.now();
		tickets.updateAssignee(id, username, now);
		String detail = username == null ? "Affectation retirée" : "Affecté à " + username;
		tickets.addEvent(id, now, user.getUsername(), "ASSIGNMENT", null, null, detail);
		Ticket updated = tickets.find(id).orElseThrow();
		notifier.step(updated, detail, user.getUsername());
		return updated;
	}

	// Comments, attachments, satisfaction

	@Transactional
	long comment(EntenteUser user, long id, String body) {
		Ticket t = get(user, id);
		if (blank(body) == null) {
			throw HelpdeskException.invalid("body", "Le commentaire est vide.");
		}
		if (body.length() > 10_000) {
			throw HelpdeskException.invalid("body", "Le commentaire dépasse 10 000 caractères.");
		}
		Instant now = Instant.now();
		long commentId = tickets.addComment(id, user.getUsername(), body.trim(), now);
		tickets.touch(id, now);
		notifier.step(t, "Nouveau commentaire de " + user.displayName(), user.getUsername());
		return commentId;
	}

	@Transactional
	long attach(EntenteUser user, long id, String filename, byte[] content) {
		get(user, id);
		String type = Attachments.check(filename, content);
		Instant now = Instant.now();
		String safeName = Attachments.safeName(filename);
		long attachmentId = tickets.addAttachment(id, safeName, type, content, user.getUsername(), now);
		tickets.addEvent(id, now, user.getUsername(), "ATTACHMENT", null, null, "Pièce jointe : " + safeName);
		tickets.touch(id, now);
		return attachmentId;
	}

	@Transactional
	void satisfaction(EntenteUser user, long id, int rating, String comment) {
		Ticket t = get(user, id);
		if (!user.getUsername().equals(t.requester())
				&& !(user.role() == Role.SCHOOL_STAFF && t.establishment().equals(user.establishment()))) {
			throw HelpdeskException.forbidden("L'enquête de satisfaction s'adresse au demandeur.");
		}
		if (t.status() != TicketStatus.CLOSED && t.status() != TicketStatus.RESOLVED) {
			throw new HelpdeskException(HttpStatus.CONFLICT, "Enquête prématurée", "L'enquête s'ouvre quand le ticket est résolu ou clos.");
		}
		if (rating < 1 || rating > 5) {
			throw HelpdeskException.invalid("rating", "La note va de 1 à 5.");
		}
		if (tickets.satisfaction(id).isPresent()) {
			throw new HelpdeskException(HttpStatus.CONFLICT, "Déjà répondu", "Une réponse à l'enquête est déjà enregistrée.");
		}
		Instant now = Instant.now();
		tickets.saveSatisfaction(id, rating, blank(comment), user.getUsername(), now);
		tickets.addEvent(id, now, user.getUsername(), "SATISFACTION", null, null, "Satisfaction : " + rating + "/5");
	}

	// Clocks

	/** Recomputes and stores the ticket's clocks from its history; returns them. */
	List<ClockView> refreshClocks(Ticket t, Instant now) {
		List<ClockView> views = clocks.compute(t, history(t.id()), now);
		for (ClockView v : views) {
			tickets.saveClock(t.id(), v.code(), (int) v.duration().toMinutes(), v.deadline(), v.atRiskAt(), v.stoppedAt(),
					v.paused());
		}
		tickets.deleteClocksExcept(t.id(), views.stream().map(ClockView::code).toList());
		tickets.updateSlaState(t.id(), Clocks.slaState(views));
		return views;
	}

	List<StatusChange> history(long ticketId) {
		return tickets.events(ticketId).stream().filter(e -> e.toStatus() != null).map(e -> new StatusChange(e.at(), e.toStatus())).toList();
	}

	/** The asset this ticket names, if it still exists in the ticket's establishment (for the ticket page). */
	java.util.Optional<Asset> namedAsset(Ticket t) {
		try {
			return asset(t.establishment(), t.assetId());
		}
		catch (HelpdeskException e) {
			return java.util.Optional.empty();
		}
	}

	// Helpers

	/** The asset a ticket names, which must belong to the ticket's establishment (else a field error on assetId). */
	java.util.Optional<Asset> asset(String uai, String assetId) {
		String id = blank(assetId);
		if (id == null) {
			return java.util.Optional.empty();
		}
		HelpdeskException unknown = HelpdeskException.invalid("assetId", "Équipement inconnu pour cet établissement (« "
				+ id + " »).");
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw unknown;
		}
		Asset a = assets.find(number).filter(x -> uai != null && uai.equals(x.uai())).orElseThrow(() -> unknown);
		return java.util.Optional.of(a);
	}

	private Ticket locked(EntenteUser user, long id, Integer expectedVersion) {
		Ticket t = tickets.lock(id).filter(x -> TicketQuery.canSee(user, x)).orElseThrow(() -> HelpdeskException.notFound(id));
		if (expectedVersion != null && expectedVersion != t.version()) {
			throw new HelpdeskException(HttpStatus.PRECONDITION_FAILED, "Ticket modifié entre-temps",
					"Le ticket a changé depuis votre lecture (version " + expectedVersion + ", actuelle " + t.version()
							+ ") : relisez-le avant de recommencer.", Map.of("currentVersion", t.version()));
		}
		return t;
	}

	static boolean isAgent(EntenteUser user) {
		return EnumSet.of(Role.ADMIN, Role.LEVEL1_AGENT, Role.CD_AGENT, Role.ACA_AGENT).contains(user.role());
	}

	private static void requireAgent(EntenteUser user, Ticket t) {
		boolean ok = DESK.contains(user.role())
				|| ((user.role() == Role.CD_AGENT || user.role() == Role.ACA_AGENT) && t.routedTo(user.party()));
		if (!ok) {
			throw HelpdeskException.forbidden("Seuls le niveau 1 et les parties vers lesquelles le ticket est routé peuvent le modifier.");
		}
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
