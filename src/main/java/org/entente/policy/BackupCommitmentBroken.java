package org.entente.policy;

import java.time.Instant;
import java.util.List;

/**
 * A data availability commitment (annexe opérationnelle §4) found broken for one establishment and data class: no
 * good backup for more than the maximum data loss, or restore points that do not reach back the retention.
 * {@code responsible}: the parties the matrix names for the administration of the data's infrastructure
 * ({@code component}); {@code reportedBy}: the account whose report (or whose silence) showed it. Published once per establishment, class and reason until compliance returns.
 */
public record BackupCommitmentBroken(String uai, String dataClass, String dataClassLabel, String component,
		List<String> responsible, List<String> reasons, String clause, String reportedBy, Instant at) {

	public BackupCommitmentBroken {
		responsible = List.copyOf(responsible);
		reasons = List.copyOf(reasons);
	}
}
