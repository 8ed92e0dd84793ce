package org.entente.convention;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Part 5 of the operational annex: who handles a security incident, by perimeter, and whom they inform; the entry
 * point of every report (the académie's RSSI) and the cases the text does not decide.
 */
public record SecurityIncidentRules(String clause, EntryPoint entryPoint, List<Perimeter> perimeters,
		List<Undecided> undecided, Spanning spanning) {

	public SecurityIncidentRules {
		perimeters = perimeters == null ? List.of() : List.copyOf(perimeters);
		undecided = undecided == null ? List.of() : List.copyOf(undecided);
	}

	/**
	 * A perimeter: the components it covers ({@code components}), or every component no other perimeter names
	 * ({@code otherwise: true}); the party that handles its incidents and the mails that party owes ({@code inform}).
	 */
	public record Perimeter(String code, String label, String handledBy, String informs, String informWhen,
			List<Contact> contacts, List<String> duties, String clause, List<String> components, Boolean otherwise,
			List<Inform> inform) {

		public Perimeter {
			contacts = contacts == null ? List.of() : List.copyOf(contacts);
			duties = duties == null ? List.of() : List.copyOf(duties);
			components = components == null ? List.of() : List.copyOf(components);
			inform = inform == null ? List.of() : List.copyOf(inform);
		}

		public boolean isOtherwise() {
			return Boolean.TRUE.equals(otherwise);
		}
	}

	/** A mailbox the convention names, with the party behind it and what it is for. */
	public record Contact(String party, String role, String email, String purpose) {
	}

	/**
	 * A duty to inform: the party, its address, why (the sentence of the text) and when it falls due: at the report
	 * ({@code REPORTED}) or at closure, with what followed ({@code CLOSED}).
	 */
	public record Inform(String party, String email, String on, String reason) {
	}

	/** Where reports go first: the académie's RSSI (Politique SSI, part 1). */
	public record EntryPoint(String party, String role, String email, String clause) {
	}

	/**
	 * Components the text does not place in a perimeter: the incident shows the point to clarify, is handled for the
	 * time being by {@code provisionalHandler}, and both parties are informed.
	 */
	public record Undecided(List<String> components, String provisionalHandler, String point, String explanation) {

		public Undecided {
			components = components == null ? List.of() : List.copyOf(components);
		}
	}

	/** An incident whose components fall in both perimeters: the point to clarify and what Entente does meanwhile. */
	public record Spanning(String point, String explanation) {
	}

	/** The perimeter that names this component, else the {@code otherwise} one. */
	public Optional<Perimeter> perimeterOf(String component) {
		return perimeters.stream()
			.filter(p -> p.components().contains(component))
			.findFirst()
			.or(() -> perimeters.stream().filter(Perimeter::isOtherwise).findFirst());
	}

	/** The undecided case that names this component, if any. */
	public Optional<Undecided> undecidedFor(String component) {
		return undecided.stream().filter(u -> u.components().contains(component)).findFirst();
	}

	public Optional<Perimeter> perimeterHandledBy(String party) {
		return perimeters.stream().filter(p -> p.handledBy().equals(party)).findFirst();
	}

	/** Every duty to inform of every perimeter, without repeating the same party, address and moment. */
	public List<Inform> allInforms() {
		List<Inform> all = new ArrayList<>();
		for (Perimeter p : perimeters) {
			for (Inform i : p.inform()) {
				if (all.stream().noneMatch(x -> x.party().equals(i.party()) && x.email().equals(i.email()) && x.on().equals(i.on()))) {
					all.add(i);
				}
			}
		}
		return all;
	}
}
