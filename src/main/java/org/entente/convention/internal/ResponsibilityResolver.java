package org.entente.convention.internal;

import java.util.List;

import org.entente.convention.Cell;
import org.entente.convention.Component;
import org.entente.convention.Condition;
import org.entente.convention.Convention;
import org.entente.convention.InterventionKind;
import org.entente.convention.Responsibility;
import org.entente.convention.ResponsibilityContext;

/** Reads one cell of the matrix in a context and says why, citing the clause. Pure: no I/O, no state. */
public final class ResponsibilityResolver {

	private ResponsibilityResolver() {
	}

	public static Responsibility resolve(Convention convention, Component component, InterventionKind kind,
			ResponsibilityContext context) {
		Cell cell = component.cell(kind);
		if (cell == null) {
			throw new IllegalArgumentException("La ligne « " + component.label() + " » (" + component.area().label()
					+ ") n'a pas de colonne « " + kind.label() + " » ; colonnes : " + component.area().kinds());
		}
		ResponsibilityContext ctx = context == null ? ResponsibilityContext.NONE : context;
		String subject = kind.label() + " de « " + component.label() + " »";
		for (Condition condition : component.conditions()) {
			if (condition.appliesTo(kind, ctx)) {
				String explanation = subject + " : " + parties(condition.parties()) + ", car " + lowerFirst(condition.text())
						+ " (" + condition.clause() + ").";
				return new Responsibility(component.code(), kind, condition.parties(), explanation, condition.clause(),
						convention.version(), convention.pointsFor(component.code()), false);
			}
		}
		String clause = component.cellClause(kind);
		String via = cell.seeComponent() == null ? ""
				: ", par renvoi à « " + convention.components().get(cell.seeComponent()).label() + " »";
		String explanation;
		boolean toArbitrate = cell.parties().size() > 1;
		if (cell.isBlank()) {
			explanation = subject + " : la convention ne désigne aucune partie (cellule vide, " + clause + ").";
		}
		else if (toArbitrate) {
			explanation = subject + " : " + parties(cell.parties()) + " (" + clause + via
					+ ") ; la cellule nomme plusieurs parties et le contexte ne permet pas de trancher.";
		}
		else {
			explanation = subject + " : " + parties(cell.parties()) + " (" + clause + via + ").";
		}
		return new Responsibility(component.code(), kind, cell.parties(), explanation, clause, convention.version(),
				convention.pointsFor(component.code()), toArbitrate);
	}

	private static String parties(List<String> parties) {
		if (parties.isEmpty()) {
			return "aucune partie";
		}
		if (parties.size() == 1) {
			return parties.get(0);
		}
		return String.join(", ", parties.subList(0, parties.size() - 1)) + " et " + parties.get(parties.size() - 1);
	}

	private static String lowerFirst(String text) {
		String t = text.strip();
		if (t.endsWith(".")) {
			t = t.substring(0, t.length() - 1);
		}
		// Keep acronyms and proper nouns ("EPLE", "Département") as written.
		if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))
				&& !t.startsWith("Département") && !t.startsWith("Académie")) {
			return Character.toLowerCase(t.charAt(0)) + t.substring(1);
		}
		return t;
	}
}
