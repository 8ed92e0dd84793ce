package org.entente.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A revision duty of the convention file for one policy row: its holders (the parties of « définition »), the last
 * version published, when the next one is due ({@code dueOn}, null for a revision « at every change » that no change
 * calls for yet) and whether it is overdue on the day asked.
 */
public record PolicyRevisionDue(String component, String label, List<String> holders, String every, boolean onChange,
		Integer lastVersion, LocalDate lastEffectiveOn, LocalDate dueOn, boolean overdue, String clause) {

	public PolicyRevisionDue {
		holders = List.copyOf(holders);
	}
}
