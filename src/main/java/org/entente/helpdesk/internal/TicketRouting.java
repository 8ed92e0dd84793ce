package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Inputs.blank;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.convention.ConventionLabels;
import org.entente.convention.Conventions;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.Responsibility;
import org.entente.convention.ResponsibilityContext;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketReclassified;
import org.entente.inventory.Asset;
import org.entente.inventory.Assets;
import org.entente.worktime.Criticality;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing by the convention, at opening ({@link TicketOpening}) and again when an agent reclassifies: the asset a
 * ticket names (of its establishment, of the component named) fills in component, network and funding; the
 * convention says who is responsible; the kind and the component give the criticality, the intervention and the
 * funding the priority class. Changing the criticality by hand is here too, since it changes the clocks.
 */
@Service
class TicketRouting {

	/** The problem type of an asset of another component than the one named (pages say it in their own words). */
	static final String ASSET_OF_OTHER_COMPONENT = "asset-of-other-component";

	private final Conventions conventions;
	private final Assets assets;
	private final TicketLookup lookup;
	private final TicketAccess access;
	private final TicketRepository tickets;
	private final TicketSteps steps;
	private final ApplicationEventPublisher events;
	private final ConventionLabels conventionLabels;

	TicketRouting(Conventions conventions, Assets assets, TicketLookup lookup, TicketAccess access,
			TicketRepository tickets, TicketSteps steps, ApplicationEventPublisher events, ConventionLabels conventionLabels) {
		this.conventions = conventions;
		this.conventionLabels = conventionLabels;
		this.assets = assets;
		this.lookup = lookup;
		this.access = access;
		this.tickets = tickets;
		this.steps = steps;
		this.events = events;
	}

	// The rules

	/**
	 * Who is responsible, as the convention's matrix and conditions say, knowing the funding, the network and whether
	 * the device is shared between the administrative and pedagogical networks (a shared printer is the
	 * Département's: annexe §3, « Périphériques d'impression »).
	 */
	Responsibility resolve(String component, InterventionKind intervention, Network network, Funding funding,
			Boolean sharedBetweenNetworks) {
		return conventions.resolve(component, intervention, new ResponsibilityContext(funding, network, sharedBetweenNetworks));
	}

	/**
	 * The answer's sentence as a history line keeps it: the French {@code r} gives, and the same answer told in English
	 * (its conditions quoted in French), so that an English reader of the history reads it in English.
	 */
	StoredText explanation(Responsibility r, String component, InterventionKind intervention, Network network,
			Funding funding, Boolean sharedBetweenNetworks) {
		String english = null;
		try {
			english = conventionLabels.resolve(component, intervention,
					new ResponsibilityContext(funding, network, sharedBetweenNetworks), Locale.ENGLISH).explanation();
		}
		catch (RuntimeException e) {
			// The French alone: an English reader is shown it, as before.
		}
		return StoredText.told(r.explanation(), english);
	}

	/**
	 * Critical (annexe §4, « Indisponibilités critiques »): a service or equipment the convention's
	 * {@code criticalServices} list is unavailable (an incident on it), or data the file's {@code criticalData}
	 * class as critical are lost or unreachable; the intervention the form sends plays no part.
	 */
	Criticality derivedCriticality(TicketKind kind, String component, boolean criticalData) {
		return criticalData || kind == TicketKind.INCIDENT && conventions.current().serviceLevels().isCritical(component)
				? Criticality.CRITICAL : Criticality.NON_CRITICAL;
	}

	/**
	 * The data class a request names (« dataConcerned »: a code of the file's criticalData or nonCriticalData), or
	 * null; 400 naming « dataConcerned » when the file has no such class.
	 */
	String dataConcerned(String code) {
		String c = blank(code);
		if (c == null) {
			return null;
		}
		var levels = conventions.current().serviceLevels();
		if (levels.dataClass(c.trim()) == null) {
			var codes = java.util.stream.Stream.concat(levels.criticalData().stream(),
					levels.nonCriticalData() == null ? java.util.stream.Stream.empty() : levels.nonCriticalData().stream())
				.map(d -> d.code() + " (" + d.label() + ")").toList();
			String known = String.join(", ", codes);
			throw ProblemException.invalid("dataConcerned", "Données « " + c + " » inconnues : " + known + ".")
				.worded("helpdesk.refused.dataConcerned", c, known);
		}
		return c.trim();
	}

	/** Whether these data are critical: their class says so; without a class, « dataInvolved » (critical data). */
	boolean criticalData(String dataConcerned, Boolean dataInvolved) {
		return dataConcerned != null ? conventions.current().serviceLevels().isCriticalData(dataConcerned)
				: Boolean.TRUE.equals(dataInvolved);
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

	/** No class for critical work; otherwise the one already set, or the convention's. */
	static Integer priorityClass(Criticality criticality, Integer current, InterventionKind intervention, Funding funding) {
		return criticality == Criticality.CRITICAL ? null : current != null ? current : priorityClass(intervention, funding);
	}

	/** The asset a ticket names, which must belong to the ticket's establishment (else a field error on assetId). */
	Optional<Asset> asset(String uai, String assetId) {
		String id = blank(assetId);
		if (id == null) {
			return Optional.empty();
		}
		ProblemException unknown = ProblemException.invalid("assetId", "Équipement inconnu pour cet établissement (« "
				+ id + " »).").worded("helpdesk.refused.asset", id);
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw unknown;
		}
		return Optional.of(assets.find(number).filter(x -> uai != null && uai.equals(x.uai())).orElseThrow(() -> unknown));
	}

	/** The asset this ticket names, if it still exists in the ticket's establishment (for the ticket page). */
	Optional<Asset> namedAsset(Ticket t) {
		try {
			return asset(t.establishment(), t.assetId());
		}
		catch (ProblemException e) {
			return Optional.empty();
		}
	}

	/** An asset named with a component must be of that component: its network and funding route the ticket. */
	static void requireKind(Asset a, String component) {
		if (blank(component) != null && !component.trim().equals(a.component())) {
			String message = "Cet équipement relève du composant « " + a.component()
					+ " » : indiquez ce composant ou choisissez un autre équipement (ou aucun).";
			throw new ProblemException(HttpStatus.BAD_REQUEST, ASSET_OF_OTHER_COMPONENT, "Données invalides", message, null,
					List.of(new FieldProblem("assetId", message)), Map.of())
				.worded("helpdesk.refused.assetComponent", a.component());
		}
	}

	// Changes

	/**
	 * Changes what the ticket is about; routing (and derived criticality) run again. The ticket's asset (or the one
	 * named now) fills in the component, network and funding the request leaves empty. No asset id keeps the asset
	 * named; an empty one takes it off the ticket.
	 */
	@Transactional
	Ticket reclassify(EntenteUser user, long id, Integer expectedVersion, String component, InterventionKind intervention,
			Network network, Funding funding, Boolean dataInvolved, Boolean sharedBetweenNetworks, String reason,
			String assetId) {
		Ticket t = lookup.locked(user, id, expectedVersion);
		access.requireMayChange(user, t);
		boolean assetRemoved = assetId != null && assetId.isBlank() && t.assetId() != null;
		Optional<Asset> asset = assetRemoved ? Optional.empty()
				: asset(t.establishment(), blank(assetId) != null ? assetId : t.assetId());
		if (blank(assetId) != null) {
			requireKind(asset.orElseThrow(), component);
		}
		String c = blank(component) != null ? component.trim() : asset.map(Asset::component).orElse(t.component());
		InterventionKind k = intervention == null ? t.intervention() : intervention;
		Boolean shared = sharedBetweenNetworks == null ? t.sharedBetweenNetworks() : sharedBetweenNetworks;
		if (asset.isPresent()) {
			network = network == null ? asset.get().routingNetwork() : network;
			funding = funding == null ? asset.get().data().funding() : funding;
			shared = asset.get().data().sharedBetweenNetworks() ? Boolean.TRUE : shared;
		}
		Responsibility r = resolve(c, k, network, funding, shared);
		boolean data = dataInvolved == null ? t.dataInvolved() : dataInvolved;
		Criticality criticality = t.criticalityOverridden() ? t.criticality() : derivedCriticality(t.kind(), c, data);
		Instant now = Instant.now();
		tickets.updateRouting(id, c, k, network, funding, data, shared, criticality,
				priorityClass(criticality, t.priorityClass(), k, funding), r.parties(), t.status(), r.toArbitrate(),
				r.explanation(), r.clause(), r.conventionVersion(), now);
		if (blank(assetId) != null) {
			tickets.updateAsset(id, String.valueOf(asset.orElseThrow().id()));
		}
		else if (assetRemoved) {
			tickets.updateAsset(id, null);
		}
		StoredText detail = StoredText.concat(StoredText.message("helpdesk.event.reclassified", StoredText.word(ConventionLabels.componentKey(c), c), k),
				blank(assetId) != null ? StoredText.concat(" / ", StoredText.message("helpdesk.event.asset", blank(assetId)))
						: assetRemoved ? StoredText.concat(" / ", StoredText.message("helpdesk.event.assetRemoved", t.assetId())) : null,
				network != null ? StoredText.concat(" / ", network) : null, funding != null ? StoredText.concat(" / ", funding) : null,
				" → ", StoredText.joined(r.parties()), " (" + r.clause() + ")",
				r.toArbitrate() ? StoredText.concat(" — ", StoredText.message("helpdesk.toArbitrate")) : null,
				blank(reason) != null ? " — " + reason : null);
		return reclassified(steps.record(id, now, user.getUsername(), "ROUTING", detail, true), "ROUTING", user, now);
	}

	@Transactional
	Ticket changeCriticality(EntenteUser user, long id, Integer expectedVersion, Criticality criticality, String reason) {
		Ticket t = lookup.locked(user, id, expectedVersion);
		access.requireMayChange(user, t);
		if (criticality == null) {
			throw ProblemException.invalid("criticality", "La criticité est obligatoire.").worded("helpdesk.refused.criticality");
		}
		if (blank(reason) == null) {
			throw ProblemException.invalid("reason", "Un changement de criticité dit pourquoi (« reason »).")
				.worded("helpdesk.refused.criticalityReason");
		}
		Instant now = Instant.now();
		tickets.updateCriticality(id, criticality, priorityClass(criticality, t.priorityClass(), t.intervention(), t.funding()), now);
		StoredText detail = StoredText.message("helpdesk.event.criticality", t.criticality(), criticality, reason);
		return reclassified(steps.record(id, now, user.getUsername(), "CRITICALITY", detail, true), "CRITICALITY", user, now);
	}

	/** Registers {@link TicketReclassified} in the transaction of the change (the restore link follows it). */
	private Ticket reclassified(Ticket updated, String what, EntenteUser user, Instant now) {
		events.publishEvent(new TicketReclassified(updated.snapshot(), what, user.getUsername(), now));
		return updated;
	}
}
