package org.entente.helpdesk.internal;

import java.util.List;
import java.util.Optional;

import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.helpdesk.TicketKind;

/**
 * What a collège reports, in its own words, and the convention's component and intervention it stands for. For
 * «autre chose», the reporting page searches the components' keywords.
 */
final class ProblemChoices {

	/**
	 * {@code kind}: what the words say, INCIDENT when something no longer works (its unavailability is what makes it
	 * critical, whatever the intervention), REQUEST for something new; null for « autre » (from the intervention).
	 */
	record Choice(String key, String label, String hint, String component, InterventionKind intervention,
			Network network, TicketKind kind, String requestType) {

		Choice(String key, String label, String hint, String component, InterventionKind intervention,
				Network network, TicketKind kind) {
			this(key, label, hint, component, intervention, network, kind, null);
		}

		Choice(String key, String label, String hint, String component, InterventionKind intervention, Network network) {
			this(key, label, hint, component, intervention, network, TicketKind.INCIDENT);
		}
	}

	static final List<Choice> ALL = List.of(
			new Choice("internet", "Internet ne fonctionne plus", "aucun site ne s'ouvre, dans tout le collège ou une partie",
					"ADDUCTION_INTERNET", InterventionKind.REPAIR, null),
			new Choice("wifi", "Le wifi ne fonctionne pas", "les tablettes ou portables ne se connectent plus",
					"BORNES_WIFI", InterventionKind.REPAIR, null),
			new Choice("videoprojecteur", "Un vidéoprojecteur", "pas d'image, lampe, câble HDMI", "VIDEOPROJECTEURS",
					InterventionKind.REPAIR, null),
			new Choice("ordinateur", "Un ordinateur", "poste de classe ou de salle informatique, écran, clavier, souris",
					"STATIONS_PEDAGOGIQUES", InterventionKind.REPAIR, Network.PEDAGOGICAL),
			new Choice("ordinateur-admin", "Un ordinateur du secrétariat ou de l'intendance", "poste administratif",
					"STATIONS_ADMINISTRATIVES", InterventionKind.REPAIR, Network.ADMINISTRATIVE),
			new Choice("logiciel", "Un logiciel pédagogique", "il manque, ne s'ouvre pas, ou doit être installé",
					"CATALOGUES_LOGICIELS", InterventionKind.APPLICATION, Network.PEDAGOGICAL, TicketKind.REQUEST),
			new Choice("imprimante", "Une imprimante", "n'imprime plus, bourrage, toner", "IMPRESSION_PEDAGOGIQUE",
					InterventionKind.REPAIR, null),
			new Choice("telephone", "Le téléphone", "plus de tonalité, standard en panne", "TELEPHONIE",
					InterventionKind.REPAIR, null),
			new Choice("ent", "L'ENT Toutatice", "le portail ne s'ouvre pas ou la connexion échoue", "TOUTATICE_PORTAIL",
					InterventionKind.ASSISTANCE, null),
			new Choice("serveur", "Le serveur ou les lecteurs réseau", "plus d'accès aux dossiers partagés",
					"RESEAU_PEDAGOGIQUE", InterventionKind.REPAIR, Network.PEDAGOGICAL),
			// Request types of the convention file (serviceLevels.requestTypes): the type fixes component and intervention.
			new Choice("enrolement", "Enrôler un poste sur le réseau administratif",
					"un ordinateur du secrétariat ou de l'intendance à enrôler (administré par l'Académie)",
					"STATIONS_ADMINISTRATIVES", InterventionKind.ADMINISTRATION, Network.ADMINISTRATIVE, TicketKind.REQUEST,
					"ENROLMENT"),
			new Choice("commande-spare", "Commander un matériel de secours (spare)",
					"l'Académie informe le Département qu'un serveur, des disques… doivent être commandés",
					"RESEAU_ADMINISTRATIF", InterventionKind.SUPPLY, null, TicketKind.REQUEST, SpareOrderTickets.TYPE));

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
		return Optional.of(new Choice("autre", component, "", component,
				intervention == null ? InterventionKind.REPAIR : intervention, null, null));
	}
}
