package org.entente.convention;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A row of the annex: a component (or policy, or service) with its cells, notes and conditions. */
public record Component(String code, String label, String domain, Area area, String section, String clause,
		Set<Network> networks, List<String> keywords, Map<InterventionKind, Cell> cells, List<String> notes,
		List<Condition> conditions) {

	public Cell cell(InterventionKind kind) {
		return cells.get(kind);
	}

	/** The clause of one cell, e.g. «Annexe opérationnelle §3, Infrastructure réseau, Bornes Wi-Fi, Dépannage». */
	public String cellClause(InterventionKind kind) {
		return clause + ", " + kind.label();
	}
}
