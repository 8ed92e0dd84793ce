package org.entente.convention.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.convention.Area;
import org.entente.convention.CalendarRules;
import org.entente.convention.Committee;
import org.entente.convention.DataProtection;
import org.entente.convention.Finance;
import org.entente.convention.InterventionKind;
import org.entente.convention.Lifecycle;
import org.entente.convention.Network;
import org.entente.convention.Party;
import org.entente.convention.PointToClarify;
import org.entente.convention.SecurityIncidentRules;
import org.entente.convention.ServiceLevels;

/** The convention file exactly as written, before validation (see docs/convention-format.md). */
record ConventionFile(String id, String version, String title, Lifecycle.Amendment amendment, LocalDate validFrom,
		LocalDate validTo, String clause, Lifecycle.Renewal renewal, Lifecycle.Termination termination,
		List<Party> parties, CalendarRules calendar, ServiceLevels serviceLevels,
		SecurityIncidentRules securityIncidents, DataProtection dataProtection, Finance finance,
		List<Committee> committees, List<DomainEntry> domains, List<PointToClarify> pointsToClarify,
		List<NamingEntry> naming, org.entente.convention.Reporting reporting,
		List<org.entente.convention.RetentionRule> retention,
		List<org.entente.convention.PolicyRevision> policyRevisions) {

	/** A naming rule as written (optional top-level {@code naming:} section). */
	record NamingEntry(String kind, String label, String pattern, String example, Set<String> appliesTo,
			Set<Network> exemptNetworks, String clause) {
	}

	record DomainEntry(String name, Area area, String section, List<ComponentEntry> components) {
	}

	record ComponentEntry(String code, String label, String clause, Set<Network> networks, List<String> keywords,
			LinkedHashMap<InterventionKind, Object> responsibilities, List<String> notes,
			List<ConditionEntry> conditions) {
	}

	record ConditionEntry(Map<String, Object> when, Set<InterventionKind> kinds, List<String> parties, String text,
			String clause) {
	}
}
