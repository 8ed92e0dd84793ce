package org.entente.convention;

import java.util.List;

/**
 * Annex part 4, the indicators: the monthly statistics sent to the Département, whose content the parties define
 * together. {@code recipients} are mail addresses; {@code indicators} the set produced each month, each with its
 * definition and the clause it answers. Optional section {@code reporting:}; module {@code reporting} supplies a
 * default set when a file has none.
 */
public record Reporting(String clause, List<String> recipients, List<Indicator> indicators) {

	public Reporting {
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}

	/** A file without the section. */
	public static Reporting none() {
		return new Reporting(null, List.of(), List.of());
	}

	/** One indicator of the monthly statistics. */
	public record Indicator(String code, String label, String definition, String clause) {
	}
}
