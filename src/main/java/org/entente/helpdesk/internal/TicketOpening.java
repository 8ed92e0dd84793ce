package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Inputs.blank;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.Responsibility;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketOpened;
import org.entente.helpdesk.TicketStatus;
import org.entente.helpdesk.internal.Clocks.ClockView;
import org.entente.inventory.Asset;
import org.entente.worktime.Criticality;
import org.springframework.context.ApplicationEventPublisher;
import org.entente.inventory.Spares;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a ticket, from the API, the « Signaler » page or a software request: the establishment must be one the
 * convention covers, the asset (if any) fills in what routing needs, {@link TicketRouting} says who is responsible
 * and how critical it is, the clocks start, {@link TicketOpened} is published and the people concerned are told.
 */
@Service
class TicketOpening {

	/** What opening a ticket needs. */
	record NewTicket(String establishment, String title, String description, String component,
			InterventionKind intervention, Network network, Funding funding, Criticality criticality, TicketKind kind,
			Boolean dataInvolved, String assetId, Integer priorityClass, Boolean sharedBetweenNetworks,
			String dataConcerned, Boolean partyControlsElement, String requestType) {

		/** No request type of the convention file. */
		NewTicket(String establishment, String title, String description, String component,
				InterventionKind intervention, Network network, Funding funding, Criticality criticality, TicketKind kind,
				Boolean dataInvolved, String assetId, Integer priorityClass, Boolean sharedBetweenNetworks,
				String dataConcerned, Boolean partyControlsElement) {
			this(establishment, title, description, component, intervention, network, funding, criticality, kind,
					dataInvolved, assetId, priorityClass, sharedBetweenNetworks, dataConcerned, partyControlsElement, null);
		}

		NewTicket withRequestType(String code) {
			return new NewTicket(establishment, title, description, component, intervention, network, funding,
					criticality, kind, dataInvolved, assetId, priorityClass, sharedBetweenNetworks, dataConcerned,
					partyControlsElement, code);
		}

		/** The same request, as its request type defines it: component, intervention, a request. */
		NewTicket asType(String typeComponent, InterventionKind typeIntervention) {
			return new NewTicket(establishment, title, description, typeComponent, typeIntervention, network, funding,
					criticality, TicketKind.REQUEST, dataInvolved, assetId, priorityClass, sharedBetweenNetworks,
					dataConcerned, partyControlsElement, requestType);
		}

		/** Nothing said about the device being shared between networks. */
		NewTicket(String establishment, String title, String description, String component,
				InterventionKind intervention, Network network, Funding funding, Criticality criticality, TicketKind kind,
				Boolean dataInvolved, String assetId, Integer priorityClass) {
			this(establishment, title, description, component, intervention, network, funding, criticality, kind,
					dataInvolved, assetId, priorityClass, null, null, null);
		}

		/**
		 * The asset fills in what the request leaves empty: component, network, funding; a device the inventory
		 * records as shared between networks is shared, whatever the request says.
		 */
		NewTicket withAsset(Asset a) {
			return new NewTicket(establishment, title, description, blank(component) == null ? a.component() : component,
					intervention, network == null ? a.routingNetwork() : network,
					funding == null ? a.data().funding() : funding, criticality, kind, dataInvolved, String.valueOf(a.id()),
					priorityClass, a.data().sharedBetweenNetworks() ? Boolean.TRUE : sharedBetweenNetworks, dataConcerned,
					partyControlsElement, requestType);
		}
	}

	/** A ticket just opened, with its clocks. */
	record Opened(Ticket ticket, List<ClockView> clocks) {
	}

	private final TicketAccess access;
	private final Establishments establishments;
	private final TicketRouting routing;
	private final TicketRepository tickets;
	private final TicketHistory history;
	private final TicketClocks clocks;
	private final TicketNotifier notifier;
	private final ApplicationEventPublisher events;
	private final Spares spares;
	private final RequestTypes requestTypes;

	TicketOpening(TicketAccess access, Establishments establishments, TicketRouting routing, TicketRepository tickets,
			TicketHistory history, TicketClocks clocks, TicketNotifier notifier, ApplicationEventPublisher events,
			Spares spares, RequestTypes requestTypes) {
		this.spares = spares;
		this.requestTypes = requestTypes;
		this.access = access;
		this.establishments = establishments;
		this.routing = routing;
		this.tickets = tickets;
		this.history = history;
		this.clocks = clocks;
		this.notifier = notifier;
		this.events = events;
	}

	/** A report with where to find its requester (a phone or a room, personal data: V38), in one transaction. */
	@Transactional
	Opened open(EntenteUser user, NewTicket request, String requesterContact) {
		Opened opened = open(user, request);
		String contact = blank(requesterContact);
		if (contact != null) {
			tickets.updateRequesterContact(opened.ticket().id(), contact.trim());
		}
		return opened;
	}

	@Transactional
	Opened open(EntenteUser user, NewTicket typed) {
		NewTicket request = requestTypes.apply(user, typed);
		String uai = request.establishment() == null ? null : request.establishment().trim().toUpperCase(Locale.ROOT);
		access.requireMayOpen(user, uai);
		Establishment establishment = establishments.find(uai)
			.orElseThrow(() -> ProblemException.invalid("establishment", "Établissement « " + request.establishment() + " » inconnu."));
		if (!establishment.kind().coveredByConvention()) {
			String detail = establishment.name() + " est une cité scolaire : sa maintenance informatique relève de la Région Bretagne, "
					+ "pas de la convention entre le Département et l'Académie (préambule de la convention : "
					+ "« les 3 cités scolaires sont quant à elles sous la maintenance de la Région Bretagne »).";
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "outside-convention", "Établissement hors convention",
					detail, null, List.of(new FieldProblem("establishment", detail)), java.util.Map.of("field", "establishment"));
		}
		NewTicket n = routing.asset(uai, request.assetId()).map(a -> {
			TicketRouting.requireKind(a, request.component());
			return request.withAsset(a);
		}).orElse(request);
		Responsibility r = routing.resolve(n.component(), n.intervention(), n.network(), n.funding(),
				n.sharedBetweenNetworks());
		TicketKind kind = n.kind() != null ? n.kind() : n.intervention() == InterventionKind.REPAIR ? TicketKind.INCIDENT : TicketKind.REQUEST;
		String dataConcerned = routing.dataConcerned(n.dataConcerned());
		boolean criticalData = routing.criticalData(dataConcerned, n.dataInvolved());
		Criticality derived = routing.derivedCriticality(kind, n.component(), criticalData);
		boolean overridden = n.criticality() != null && n.criticality() != derived && access.isAgent(user);
		Criticality criticality = overridden ? n.criticality() : derived;
		Integer priorityClass = TicketRouting.priorityClass(criticality, n.priorityClass(), n.intervention(), n.funding());
		// Whether a spare allows the restoration: the inventory knows, for a named asset's component.
		Boolean spareAvailable = blank(n.assetId()) == null ? null : spares.availableFor(uai, n.component()).available();
		Instant now = Instant.now();
		Ticket t = tickets.insert(new Ticket(0, null, kind, uai, user.getUsername(), n.title().trim(), n.description().trim(),
				n.component(), blank(n.assetId()), n.intervention(), n.network(), n.funding(), criticality, overridden,
				priorityClass, criticalData, TicketStatus.NEW, null, false, null, 1,
				r.parties(), r.toArbitrate(), r.explanation(), r.clause(), r.conventionVersion(), null, 0, "OK", now,
				null, null, now, 0, n.sharedBetweenNetworks(), dataConcerned, spareAvailable, n.partyControlsElement(),
				n.requestType(), null));
		StoredText why = routing.explanation(r, n.component(), n.intervention(), n.network(), n.funding(), n.sharedBetweenNetworks());
		history.add(t.id(), now, user.getUsername(), "CREATED", null, TicketStatus.NEW, StoredText.concat(
				StoredText.message("helpdesk.event.routing", why, r.clause(), r.conventionVersion()),
				r.toArbitrate() ? StoredText.concat(" — ", StoredText.message("helpdesk.toArbitrate")) : null));
		if (overridden) {
			history.add(t.id(), now, user.getUsername(), "CRITICALITY", null, null,
					StoredText.message("helpdesk.event.criticalityAtOpening", criticality, derived));
		}
		List<ClockView> views = clocks.start(t, now);
		events.publishEvent(new TicketOpened(t.snapshot(), kind, t.toArbitrate(), t.requester(), now));
		notifier.step(t, StoredText.concat(StoredText.message("helpdesk.notice.opened", StoredText.joined(t.parties())),
				t.toArbitrate() ? StoredText.concat(" (", StoredText.message("helpdesk.toArbitrate"), ")") : null), user.getUsername());
		return new Opened(t, views);
	}
}
