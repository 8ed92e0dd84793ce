package org.entente.convention.internal;

import java.util.List;
import java.util.Set;

import org.entente.convention.PolicyRevision;
import org.entente.convention.Reporting;
import org.entente.convention.RetentionRule;

/**
 * Checks of the sections the later modules read: {@code reporting:} (indicators), {@code retention:} (privacy) and
 * {@code policyRevisions:} (policy register). Each is optional; a present one is checked as strictly as the matrix.
 */
final class ExtensionChecks extends YamlChecks {

	ExtensionChecks(ConventionYaml yaml) {
		super(yaml);
	}

	Reporting checkReporting(Reporting reporting) {
		return new ReportingChecks(yaml).check(reporting);
	}

	List<RetentionRule> checkRetention(List<RetentionRule> rules) {
		return new RetentionChecks(yaml).check(rules);
	}

	List<PolicyRevision> checkPolicyRevisions(List<PolicyRevision> revisions, Set<String> components) {
		return new PolicyRevisionChecks(yaml).check(revisions, components);
	}
}
