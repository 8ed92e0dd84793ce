package org.entente.helpdesk.internal;

import java.util.List;
import java.util.Optional;

import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.helpdesk.TicketKind;

/**
 * What a collège reports, in its own words ({@code helpdesk.problem.<key>} and {@code .hint} in the helpdesk
 * bundles), and the convention's component and intervention it stands for. For
 * «autre chose», the reporting page searches the components' keywords.
 */
final class ProblemChoices {

	/**
	 * {@code kind}: what the words say, INCIDENT when something no longer works (its unavailability is what makes it
	 * critical, whatever the intervention), REQUEST for something new; null for « autre » (from the intervention).
	 */
	record Choice(String key, String component, InterventionKind intervention, Network network, TicketKind kind,
			String requestType) {

		Choice(String key, String component, InterventionKind intervention, Network network, TicketKind kind) {
			this(key, component, intervention, network, kind, null);
		}

		Choice(String key, String component, InterventionKind intervention, Network network) {
			this(key, component, intervention, network, TicketKind.INCIDENT);
		}
	}

	static final List<Choice> ALL = List.of(
			new Choice("internet", "ADDUCTION_INTERNET", InterventionKind.REPAIR, null),
			new Choice("wifi", "BORNES_WIFI", InterventionKind.REPAIR, null),
			new Choice("videoprojecteur", "VIDEOPROJECTEURS",
					InterventionKind.REPAIR, null),
			new Choice("ordinateur", "STATIONS_PEDAGOGIQUES", InterventionKind.REPAIR, Network.PEDAGOGICAL),
			new Choice("ordinateur-admin", "STATIONS_ADMINISTRATIVES", InterventionKind.REPAIR, Network.ADMINISTRATIVE),
			new Choice("logiciel", "CATALOGUES_LOGICIELS", InterventionKind.APPLICATION, Network.PEDAGOGICAL, TicketKind.REQUEST),
			new Choice("imprimante", "IMPRESSION_PEDAGOGIQUE",
					InterventionKind.REPAIR, null),
			new Choice("telephone", "TELEPHONIE",
					InterventionKind.REPAIR, null),
			new Choice("ent", "TOUTATICE_PORTAIL",
					InterventionKind.ASSISTANCE, null),
			new Choice("serveur", "RESEAU_PEDAGOGIQUE", InterventionKind.REPAIR, Network.PEDAGOGICAL),
			// Request types of the convention file (serviceLevels.requestTypes): the type fixes component and intervention.
			new Choice("enrolement", "STATIONS_ADMINISTRATIVES", InterventionKind.ADMINISTRATION, Network.ADMINISTRATIVE, TicketKind.REQUEST,
					"ENROLMENT"),
			new Choice("commande-spare", "RESEAU_ADMINISTRATIF", InterventionKind.SUPPLY, null, TicketKind.REQUEST, SpareOrderTickets.TYPE));

	private ProblemChoices() {
	}

	static Optional<Choice> find(String key) {
		return ALL.stream().filter(c -> c.key().equals(key)).findFirst();
	}

	/**
	 * What a report stands for: one of the listed choices, or « autre » with a component the search found (a repair
	 * unless another intervention is chosen); empty when neither.
	 */
	static Optional<Choice> resolve(String problem, String component, InterventionKind intervention) {
		Optional<Choice> listed = find(problem == null ? "" : problem);
		if (listed.isPresent() || !"autre".equals(problem) || component == null || component.isBlank()) {
			return listed;
		}
		return Optional.of(new Choice("autre", component,
				intervention == null ? InterventionKind.REPAIR : intervention, null, null));
	}
}
