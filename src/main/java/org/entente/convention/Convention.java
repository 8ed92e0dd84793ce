package org.entente.convention;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a convention, as loaded from its file: everything the convention decides. Immutable; an
 * amendment (avenant) produces a new version.
 */
public record Convention(String id, String version, String title, Lifecycle lifecycle, List<Party> parties,
		List<Domain> domains, Map<String, Component> components, List<PointToClarify> pointsToClarify,
		CalendarRules calendar, ServiceLevels serviceLevels, SecurityIncidentRules securityIncidents,
		DataProtection dataProtection, Finance finance, List<Committee> committees, List<NamingRule> naming,
		Reporting reporting, List<RetentionRule> retention, List<PolicyRevision> policyRevisions, String source,
		String sha256) {

	public Convention {
		reporting = reporting == null ? Reporting.none() : reporting;
		retention = retention == null ? List.of() : List.copyOf(retention);
		policyRevisions = policyRevisions == null ? List.of() : List.copyOf(policyRevisions);
	}

	/** A convention without the optional sections read by reporting, privacy and the policy register. */
	public Convention(String id, String version, String title, Lifecycle lifecycle, List<Party> parties,
			List<Domain> domains, Map<String, Component> components, List<PointToClarify> pointsToClarify,
			CalendarRules calendar, ServiceLevels serviceLevels, SecurityIncidentRules securityIncidents,
			DataProtection dataProtection, Finance finance, List<Committee> committees, List<NamingRule> naming,
			String source, String sha256) {
		this(id, version, title, lifecycle, parties, domains, components, pointsToClarify, calendar, serviceLevels,
				securityIncidents, dataProtection, finance, committees, naming, null, null, null, source, sha256);
	}

	/** A convention without naming rules (the {@code naming} section is optional). */
	public Convention(String id, String version, String title, Lifecycle lifecycle, List<Party> parties,
			List<Domain> domains, Map<String, Component> components, List<PointToClarify> pointsToClarify,
			CalendarRules calendar, ServiceLevels serviceLevels, SecurityIncidentRules securityIncidents,
			DataProtection dataProtection, Finance finance, List<Committee> committees, String source, String sha256) {
		this(id, version, title, lifecycle, parties, domains, components, pointsToClarify, calendar, serviceLevels,
				securityIncidents, dataProtection, finance, committees, List.of(), source, sha256);
	}

	public Optional<Component> component(String code) {
		return Optional.ofNullable(code == null ? null : components.get(code));
	}

	public Optional<Party> party(String code) {
		return parties.stream().filter(p -> p.code().equals(code)).findFirst();
	}

	public List<PointToClarify> pointsFor(String componentCode) {
		return pointsToClarify.stream().filter(p -> componentCode.equals(p.component())).toList();
	}
}
