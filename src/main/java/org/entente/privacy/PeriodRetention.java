package org.entente.privacy;

import java.time.LocalDate;

/**
 * Data a module destroys when its own retention period ends, not per person: the desk's tickets, kept anonymised for
 * the statistics, go {@code TICKETS} (five years) after their closure. The module enforces its period itself, in its
 * own daily job; the purge's dry run counts here what that job would destroy, under the category of the convention
 * file's {@code retention:} row.
 */
public interface PeriodRetention {

	/** The category of the convention file's {@code retention:} row, {@code TICKETS}. */
	String category();

	/** How many items the module's job would destroy on {@code on}; 0 when the convention has no period for them. */
	long due(LocalDate on);
}
