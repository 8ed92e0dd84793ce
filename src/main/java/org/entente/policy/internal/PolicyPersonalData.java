package org.entente.policy.internal;

import java.util.List;

import org.entente.privacy.AnonymisedColumns;
import org.entente.privacy.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the policy register: who published a version, acknowledged it for a collège, recorded a board
 * decision, submitted or answered a validation, proposed a policy change, took a party's position on it or
 * recorded its arbitration, or sent a backup report. The records stay (the register's history
 * and the proof that a collège was told); the person becomes {@link DataSubject#ANONYMOUS}.
 */
@Component
class PolicyPersonalData extends AnonymisedColumns {

	static final List<String> COLUMNS = List.of("policy_version.published_by", "policy_acknowledgement.acknowledged_by",
			"policy_backup_report.reported_by", "policy_board_decision.recorded_by", "policy_validation.submitted_by",
			"policy_validation.answered_by", "policy_change.proposed_by", "policy_change.decided_by",
			"policy_change_position.recorded_by");

	PolicyPersonalData(JdbcClient jdbc) {
		super(jdbc, "POLICY_RECORDS", COLUMNS);
	}
}
