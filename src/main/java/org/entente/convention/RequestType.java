package org.entente.convention;

import java.math.BigDecimal;
import java.util.List;

/**
 * A desk request type the convention names (an optional {@code serviceLevels.requestTypes} row): the enrolment of an
 * administrative workstation (annexe §3, « Préciser le délai de réponse pour l'enrôlement »), the Académie's notice
 * that a spare must be ordered (annexe §3, Infrastructure système: « informer au plus tôt le Département en cas de
 * commande nécessaire de spare »). {@code components}: the components it may name, the first by default; routing
 * still follows the matrix for that component and {@code intervention}. {@code openedBy}: the parties whose agents
 * may open it (empty: whoever may open a ticket). {@code deadline}: its own response time, if the text has one.
 */
public record RequestType(String code, String label, String description, List<String> components,
		InterventionKind intervention, List<String> openedBy, String clause, Deadline deadline) {

	public RequestType {
		components = components == null ? List.of() : List.copyOf(components);
		openedBy = openedBy == null ? List.of() : List.copyOf(openedBy);
	}

	/**
	 * A response time for this type. {@code workingDays} null: the text leaves it open, shown as « à fixer par le
	 * comité » with the {@code pointToClarify} that asks for it; an amendment that gives a figure makes it a clock
	 * (paused while waiting, stopped at resolution), binding for the parties in {@code bindingFor}.
	 */
	public record Deadline(String label, BigDecimal workingDays, List<String> bindingFor, String pointToClarify) {

		public Deadline {
			bindingFor = bindingFor == null ? List.of() : List.copyOf(bindingFor);
		}

		/** Whether a figure is set (else the committee has yet to fix it). */
		public boolean set() {
			return workingDays != null;
		}
	}

	/** The component a request of this type names when the caller names none. */
	public String defaultComponent() {
		return components.isEmpty() ? null : components.get(0);
	}

	/** Whether an agent of this party may open a request of this type. */
	public boolean mayBeOpenedBy(String party) {
		return openedBy.isEmpty() || party != null && openedBy.contains(party);
	}
}
