package org.entente.helpdesk.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.entente.common.ProblemException;
import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.helpdesk.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every role rule of the desk, in one place, for the pages and the API alike (docs/helpdesk.md has them as a
 * table). Who sees a ticket ({@link #canSee}, and the same as SQL in {@link #scope}), who opens one, who moves it
 * on, who escalates, hands back, reclassifies, assigns (and to whom), who is told of each step, which queues an
 * account has, who answers the survey. The {@code require…} methods throw the
 * 403 (or the field error) that says why not.
 */
@Component
class TicketAccess {

	private static final Set<Role> CREATORS = EnumSet.of(Role.ADMIN, Role.LEVEL1_AGENT, Role.CD_AGENT, Role.ACA_AGENT,
			Role.SCHOOL_STAFF);
	private static final Set<Role> DESK = EnumSet.of(Role.ADMIN, Role.LEVEL1_AGENT);
	private static final Set<Role> PARTY_AGENTS = EnumSet.of(Role.CD_AGENT, Role.ACA_AGENT);

	private final Supplier<Convention> convention;

	@Autowired
	TicketAccess(Conventions conventions) {
		this(conventions::current);
	}

	/** With the convention in force given (the tests give a file of their own). */
	TicketAccess(Supplier<Convention> convention) {
		this.convention = convention;
	}

	/**
	 * Whether the convention gives this account's party a reading of every request of its collèges (§4, « Accès aux
	 * fiches … » : the Département's « tableau de bord synthétique »): the indicators' {@code readers}. Every ticket
	 * of the desk is a request of a collège of this convention (a cité scolaire is refused at opening); security
	 * incidents are not tickets.
	 */
	boolean readsAll(EntenteUser user) {
		return PARTY_AGENTS.contains(user.role()) && convention.get().serviceLevels().readsAllRequests(user.party());
	}

	/** A ticket this account sees only through that reading: neither routed to its party nor critical. */
	boolean readsOnly(EntenteUser user, Ticket t) {
		return PARTY_AGENTS.contains(user.role()) && !t.critical() && !t.routedTo(user.party()) && readsAll(user);
	}

	// Seeing

	/** Whether this account may see that ticket (the same rules as {@link #scope}). */
	boolean canSee(EntenteUser user, Ticket t) {
		return switch (user.role()) {
			case ADMIN, LEVEL1_AGENT -> true;
			case SCHOOL_STAFF -> t.establishment().equals(user.establishment());
			case CD_AGENT, ACA_AGENT -> t.critical() || t.routedTo(user.party()) || readsAll(user);
			case CONTRACTOR -> user.getUsername().equals(t.assignee());
			default -> false;
		};
	}

	/**
	 * The tickets an account may see, as a where clause on {@code ticket t}: level 1 everything, a collège its
	 * establishment's, a party's agent those routed to the party and every critical incident (every ticket when the
	 * convention gives the party that reading, see {@link #readsAll}), a contractor those assigned to them.
	 */
	TicketQuery.Sql scope(EntenteUser user) {
		if (readsAll(user)) {
			return new TicketQuery.Sql("1 = 1", List.of());
		}
		return switch (user.role()) {
			case ADMIN, LEVEL1_AGENT -> new TicketQuery.Sql("1 = 1", List.of());
			case SCHOOL_STAFF -> user.establishment() == null ? new TicketQuery.Sql("1 = 0", List.of())
					: new TicketQuery.Sql("t.establishment = ?", List.of(user.establishment()));
			case CD_AGENT, ACA_AGENT -> user.party() == null ? new TicketQuery.Sql("t.criticality = 'CRITICAL'", List.of())
					: new TicketQuery.Sql("(t.parties like ? or t.criticality = 'CRITICAL')", List.of("%," + user.party() + ",%"));
			case CONTRACTOR -> new TicketQuery.Sql("t.assignee = ?", List.of(user.getUsername()));
			default -> new TicketQuery.Sql("1 = 0", List.of());
		};
	}

	// Who is who

	/** Level 1 (and the administrator): the desk itself. */
	boolean isDesk(EntenteUser user) {
		return DESK.contains(user.role());
	}

	/** Level 1 or a party's agent: may override the criticality at opening, assign, reclassify. */
	boolean isAgent(EntenteUser user) {
		return isDesk(user) || PARTY_AGENTS.contains(user.role());
	}

	/** A CD or ACA agent whose party the ticket is routed to. */
	boolean isPartyAgent(EntenteUser user, Ticket t) {
		return PARTY_AGENTS.contains(user.role()) && t.routedTo(user.party());
	}

	/** A collège's staff: reports for their own establishment only. */
	boolean isCollege(EntenteUser user) {
		return user.role() == Role.SCHOOL_STAFF;
	}

	/**
	 * Comment or attach a file: whoever sees the ticket, except a party's agent who sees it only through the
	 * convention's reading of every request (they follow it, the responsible party acts).
	 */
	void requireMayContribute(EntenteUser user, Ticket t) {
		if (readsOnly(user, t)) {
			String clause = convention.get().serviceLevels().allRequestsClause(user.party());
			throw ProblemException.forbidden("Ce ticket n'est pas routé vers votre partie (" + user.party()
					+ ") : vous le consultez (" + clause + "), sans intervenir.")
				.worded("helpdesk.refused.readOnly", user.party(), clause);
		}
	}

	// Opening

	/** 403 unless the role opens tickets; 400 on « establishment » when a collège names another establishment. */
	void requireMayOpen(EntenteUser user, String uai) {
		if (!CREATORS.contains(user.role())) {
			throw ProblemException.forbidden("Votre rôle ne permet pas d'ouvrir un ticket.").worded("helpdesk.refused.open");
		}
		if (isCollege(user) && !uai.equals(user.establishment())) {
			throw ProblemException.invalid("establishment", "Vous ne pouvez signaler un problème que pour votre établissement ("
					+ user.establishment() + ").").worded("helpdesk.refused.ownEstablishment", user.establishment());
		}
	}

	/** The establishment a report is for: a collège's own, whatever the form says; otherwise the one chosen. */
	String reportedEstablishment(EntenteUser user, String chosen) {
		return isCollege(user) ? user.establishment() : chosen;
	}

	// Workflow

	/**
	 * Level 1 moves any ticket; a party's agent those routed to the party; a contractor neither closes nor reopens;
	 * the collège only confirms the resolution (CLOSED) or reopens.
	 */
	void requireMayMove(EntenteUser user, Ticket t, TicketStatus to, boolean reopen) {
		switch (user.role()) {
			case ADMIN, LEVEL1_AGENT -> {
			}
			case CD_AGENT, ACA_AGENT -> {
				if (!t.routedTo(user.party())) {
					throw ProblemException.forbidden("Ce ticket n'est pas routé vers votre partie (" + user.party()
							+ ") : vous le suivez, sans le traiter.").worded("helpdesk.refused.notRouted", user.party());
				}
			}
			case CONTRACTOR -> {
				if (reopen || to == TicketStatus.CLOSED) {
					throw ProblemException.forbidden("Un prestataire ne clôt ni ne rouvre un ticket.")
						.worded("helpdesk.refused.contractorCloses");
				}
			}
			case SCHOOL_STAFF -> {
				if (!(reopen || to == TicketStatus.CLOSED)) {
					throw ProblemException.forbidden("Le collège confirme la résolution (CLOSED) ou rouvre le ticket ; "
							+ "les autres étapes appartiennent aux équipes d'assistance.").worded("helpdesk.refused.collegeMoves");
				}
			}
			default -> throw ProblemException.forbidden("Votre rôle ne permet pas de faire avancer un ticket.")
				.worded("helpdesk.refused.move");
		}
	}

	// Level 1 / level 2, routing, assignment

	void requireMayEscalate(EntenteUser user) {
		if (!isDesk(user)) {
			throw ProblemException.forbidden("L'escalade au niveau 2 appartient au niveau 1.").worded("helpdesk.refused.escalate");
		}
	}

	void requireMayHandBack(EntenteUser user, Ticket t) {
		if (!isPartyAgent(user, t)) {
			throw ProblemException.forbidden("Seule une partie vers laquelle le ticket est routé peut le renvoyer.")
				.worded("helpdesk.refused.handBack");
		}
	}

	/** Reclassify, change the criticality, assign: level 1, or an agent of a party the ticket is routed to. */
	void requireMayChange(EntenteUser user, Ticket t) {
		if (!(isDesk(user) || isPartyAgent(user, t))) {
			throw ProblemException.forbidden("Seuls le niveau 1 et les parties vers lesquelles le ticket est routé peuvent le modifier.")
				.worded("helpdesk.refused.change");
		}
	}

	/** The accounts a ticket may be assigned to: contractors'. */
	static final List<Role> ASSIGNABLE = List.of(Role.CONTRACTOR);

	boolean isAssignable(org.entente.directory.Account a) {
		return ASSIGNABLE.contains(a.role());
	}

	// Who is told

	/**
	 * Whether this account hears of each step of the ticket: the requester, the assigned contractor, the agents of
	 * the routed parties, the level-1 agents while it is at level 1; for a critical incident, mutual information (annexe §4): every CD and ACA agent and the
	 * collège's staff.
	 */
	boolean isToldOf(org.entente.directory.Account a, Ticket t) {
		boolean college = a.role() == Role.SCHOOL_STAFF && t.establishment().equals(a.establishment());
		boolean partyAgent = PARTY_AGENTS.contains(a.role()) && (t.critical() || t.routedTo(a.party()));
		// A ticket at level 1 sits in the level-1 queue: its agents hear of it, the new one first.
		boolean desk = a.role() == Role.LEVEL1_AGENT && t.level() == 1;
		return a.username().equals(t.requester()) || a.username().equals(t.assignee()) || partyAgent
				|| (college && t.critical()) || desk;
	}

	/** The roles whose agents may hear of a ticket without being named on it. */
	static final List<Role> AGENTS_TOLD = List.of(Role.CD_AGENT, Role.ACA_AGENT, Role.LEVEL1_AGENT);

	// Queues

	/** A queue of the list page: the bundle key of its label, an argument for it, the list's query string. */
	record Queue(String label, String argument, String query) {
	}

	/**
	 * The queues of this account: the team's own work first, the agents' (and contractors') queues sorted by priority
	 * (criticality, priority class, age: annexe §4). Each query is written in the order of
	 * {@link TicketQuery#queryString()}, so that the list marks the queue it shows as current.
	 */
	List<Queue> queues(EntenteUser user) {
		List<Queue> q = new java.util.ArrayList<>();
		switch (user.role()) {
			case ADMIN, LEVEL1_AGENT -> {
				q.add(new Queue("helpdesk.queue.level1", null, "level=1&openOnly=true&sort=priority"));
				q.add(new Queue("helpdesk.queue.level2", "CD", "party=CD&level=2&openOnly=true&sort=priority"));
				q.add(new Queue("helpdesk.queue.level2", "ACA", "party=ACA&level=2&openOnly=true&sort=priority"));
			}
			case CD_AGENT, ACA_AGENT -> {
				// A new ticket waits at level 1: where the « Nouveau ticket, routé vers … » notification points.
				q.add(new Queue("helpdesk.queue.teamNew", user.party(),
						"party=" + user.party() + "&level=1&openOnly=true&sort=priority"));
				q.add(new Queue("helpdesk.queue.team", user.party(),
						"party=" + user.party() + "&level=2&openOnly=true&sort=priority"));
				q.add(new Queue("helpdesk.queue.critical", null, "criticality=CRITICAL&openOnly=true&sort=priority"));
				if (readsAll(user)) {
					q.add(new Queue("helpdesk.queue.allColleges", null, "openOnly=true&sort=priority"));
				}
			}
			case CONTRACTOR -> q.add(new Queue("helpdesk.queue.mine", null,
					"assignee=" + user.getUsername() + "&openOnly=true&sort=priority"));
			default -> q.add(new Queue("helpdesk.queue.open", null, "openOnly=true"));
		}
		q.add(new Queue("helpdesk.queue.atRisk", null, "sla=AT_RISK&openOnly=true"));
		q.add(new Queue("helpdesk.queue.breached", null, "sla=BREACHED"));
		return q;
	}

	// Satisfaction

	/** The requester, or the staff of the ticket's collège. */
	void requireMayAnswerSurvey(EntenteUser user, Ticket t) {
		if (!user.getUsername().equals(t.requester()) && !(isCollege(user) && t.establishment().equals(user.establishment()))) {
			throw ProblemException.forbidden("L'enquête de satisfaction s'adresse au demandeur.").worded("helpdesk.refused.survey");
		}
	}

	/** Whether the ticket page offers the survey to this account. */
	boolean offersSurvey(EntenteUser user, Ticket t) {
		return (t.status() == TicketStatus.CLOSED || t.status() == TicketStatus.RESOLVED)
				&& (user.getUsername().equals(t.requester()) || isCollege(user));
	}
}
