package org.entente.convention.internal;

import org.entente.convention.ConventionFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A faulty convention file stops start-up with its faults listed plainly, not buried in a stack trace. */
class ConventionFileFailureAnalyzer extends AbstractFailureAnalyzer<ConventionFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConventionFileException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Corrigez le fichier de convention (format : docs/convention-format.md) ou pointez "
						+ "entente.convention.location (ENTENTE_CONVENTION_LOCATION) vers un fichier valide.",
				cause);
	}
}
