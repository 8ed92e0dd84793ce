package org.entente.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entente.convention.Area;
import org.entente.convention.Component;
import org.entente.convention.Condition;
import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.convention.InterventionKind;

/**
 * The policy rows of the current convention (the components of the domains of area POLICY) and, for each, the
 * parties of a column: the cell's parties and those of the row's conditions on that column (the acceptance policy
 * is defined by the CD for the pedagogical network and by the ACA for the administrative one).
 */
@org.springframework.stereotype.Component
public class PolicyRows {

	private final Conventions conventions;

	PolicyRows(Conventions conventions) {
		this.conventions = conventions;
	}

	public Convention convention() {
		return conventions.current();
	}

	public List<Component> all() {
		List<Component> rows = new ArrayList<>();
		convention().domains().stream().filter(d -> d.area() == Area.POLICY).forEach(d -> rows.addAll(d.components()));
		return rows;
	}

	public Optional<Component> find(String code) {
		return all().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/** The parties the row names for this column, cell first, then its conditions. */
	public static List<String> parties(Component row, InterventionKind kind) {
		Set<String> parties = new LinkedHashSet<>();
		if (row.cell(kind) != null) {
			parties.addAll(row.cell(kind).parties());
		}
		for (Condition c : row.conditions()) {
			if (c.kinds().contains(kind)) {
				parties.addAll(c.parties());
			}
		}
		return List.copyOf(parties);
	}

	/** Every party the row names, in any column. */
	public static List<String> named(Component row) {
		Set<String> parties = new LinkedHashSet<>();
		for (InterventionKind k : Area.POLICY.kinds()) {
			parties.addAll(parties(row, k));
		}
		return List.copyOf(parties);
	}
}
