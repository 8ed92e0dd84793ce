package org.entente.policy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataColumns;
import org.entente.privacy.PersonalDataHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the policy register: who published a version, acknowledged it for a collège, recorded a board
 * decision, submitted or answered a validation, proposed a policy change, took a party's position on it or
 * recorded its arbitration, or sent a backup report. The records stay (the register's history
 * and the proof that a collège was told); the person becomes {@link DataSubject#ANONYMOUS}.
 */
@Component
class PolicyPersonalData implements PersonalDataHolder {

	static final List<String> COLUMNS = List.of("policy_version.published_by", "policy_acknowledgement.acknowledged_by",
			"policy_backup_report.reported_by", "policy_board_decision.recorded_by", "policy_validation.submitted_by",
			"policy_validation.answered_by", "policy_change.proposed_by", "policy_change.decided_by",
			"policy_change_position.recorded_by");

	private final JdbcClient jdbc;

	PolicyPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String category() {
		return "POLICY_RECORDS";
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public long count(DataSubject s) {
		return PersonalDataColumns.count(jdbc, COLUMNS, s);
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		return COLUMNS.stream().map(c -> {
			String[] tc = c.split("\\.");
			long n = PersonalDataColumns.count(jdbc, List.of(c), s);
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("kind", tc[0]);
			m.put("as", tc[1]);
			m.put("records", n);
			return m;
		}).filter(m -> ((Long) m.get("records")) > 0).toList();
	}

	@Override
	public long destroy(DataSubject s) {
		return PersonalDataColumns.anonymise(jdbc, COLUMNS, s);
	}
}
