package org.entente.helpdesk.internal;

import java.util.ArrayList;
import java.util.List;

import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketStatus;
import org.entente.notification.InAppNotifications;
import org.entente.worktime.Criticality;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The desk's part of the home page once signed in, loaded into it by htmx (the shell does not depend on the desk): a
 * collège's open requests in plain words and its report button; an agent's queues with their counts (new, at risk,
 * breached) and their latest unread notifications; a contractor's interventions.
 */
@Controller
class HomeWorkPageController {

	/** Counts stop there (« 99+ »): the home page reads at most that many rows per count. */
	static final int COUNT_CAP = 99;

	/** A queue of the home page: its label, the list's query string, and its counts (-1 when over the cap). */
	record QueueCount(String label, String query, int total, int fresh, int atRisk, int breached) {
	}

	private final TicketLookup lookup;
	private final TicketAccess access;
	private final InAppNotifications notices;
	private final DeskPages pages;

	HomeWorkPageController(TicketLookup lookup, TicketAccess access, InAppNotifications notices, DeskPages pages) {
		this.lookup = lookup;
		this.access = access;
		this.notices = notices;
		this.pages = pages;
	}

	@GetMapping("/accueil/guichet")
	String work(@AuthenticationPrincipal EntenteUser user, Model model) {
		model.addAttribute("college", access.isCollege(user));
		model.addAttribute("agent", access.isAgent(user) || user.role() == org.entente.directory.Role.CONTRACTOR);
		if (access.isCollege(user)) {
			model.addAttribute("open", lookup.list(user, new TicketQuery(null, null, null, null, null, null, null, null, true), 0, 20));
		}
		else if (access.isAgent(user) || user.role() == org.entente.directory.Role.CONTRACTOR) {
			List<QueueCount> queues = new ArrayList<>();
			for (TicketAccess.Queue q : access.queues(user)) {
				if (q.query().startsWith("sla=")) {
					continue; // at risk and breached are counted in each queue
				}
				TicketQuery query = parse(q.query());
				queues.add(new QueueCount(q.argument() == null ? pages.text(q.label()) : pages.text(q.label(), q.argument()),
						q.query(), count(user, query), count(user, with(query, TicketStatus.NEW, null)),
						count(user, with(query, null, "AT_RISK")), count(user, with(query, null, "BREACHED"))));
			}
			model.addAttribute("queues", queues);
			model.addAttribute("notices", notices.latest(user.getUsername(), 20).stream().filter(n -> n.readAt() == null).limit(5).toList());
			model.addAttribute("unread", notices.unreadCount(user.getUsername()));
		}
		return "helpdesk/home :: work";
	}

	private int count(EntenteUser user, TicketQuery query) {
		var slice = lookup.list(user, query, 0, COUNT_CAP);
		return slice.hasNext() ? -1 : slice.items().size();
	}

	private static TicketQuery with(TicketQuery q, TicketStatus status, String sla) {
		return new TicketQuery(q.establishment(), q.party(), status != null ? status : q.status(), q.criticality(),
				sla != null ? sla : q.sla(), q.q(), q.level(), q.assignee(), q.openOnly() || sla != null, null, q.requestType());
	}

	/** A queue's query string (written by {@link TicketAccess#queues}) as the list would read it. */
	static TicketQuery parse(String queryString) {
		MultiValueMap<String, String> p = UriComponentsBuilder.fromUriString("/?" + queryString).build().getQueryParams();
		String level = p.getFirst("level");
		String status = p.getFirst("status");
		String criticality = p.getFirst("criticality");
		return new TicketQuery(p.getFirst("establishment"), p.getFirst("party"), status == null ? null : TicketStatus.valueOf(status),
				criticality == null ? null : Criticality.valueOf(criticality), p.getFirst("sla"), p.getFirst("q"),
				level == null ? null : Integer.valueOf(level), p.getFirst("assignee"), "true".equals(p.getFirst("openOnly")),
				p.getFirst("sort"), p.getFirst("requestType"));
	}
}
