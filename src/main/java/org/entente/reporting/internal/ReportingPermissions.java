package org.entente.reporting.internal;

import java.util.EnumSet;
import java.util.Set;

import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read the indicators, in one place (API {@code @PreAuthorize(« @reportingPermissions… »)}, pages
 * {@code th:if}). The parties' agents and account managers and the administrators read them; everyone else gets
 * a 403. Scope (annexe §4, « Accès aux fiches … »): a party the convention file gives the reading of every
 * request (the Département's « tableau de bord synthétique ») sees every collège's work; another party (the
 * Académie) sees on the dashboard the work routed to it. The monthly statistics are the whole convention's, whose
 * content both parties define together: both read them.
 */
@Component("reportingPermissions")
public class ReportingPermissions {

	private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT, Role.CD_MANAGER,
			Role.ACA_MANAGER);
	private static final Set<Role> PRODUCERS = EnumSet.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT);

	private final Conventions conventions;

	ReportingPermissions(Conventions conventions) {
		this.conventions = conventions;
	}

	/** The dashboard and the monthly statistics (read). */
	public boolean read(Authentication who) {
		EntenteUser u = user(who);
		return u != null && READERS.contains(u.role());
	}

	/** Producing a month's statistics again (a new production, kept beside the others). */
	public boolean produce(Authentication who) {
		EntenteUser u = user(who);
		return u != null && PRODUCERS.contains(u.role());
	}

	/** Rebuilding the aggregates from the desk's facts: administrators. */
	public boolean rebuild(Authentication who) {
		EntenteUser u = user(who);
		return u != null && u.role() == Role.ADMIN;
	}

	/** The party a reader's dashboard is restricted to, or null when it sees every collège's work. */
	public String dashboardParty(EntenteUser u) {
		if (u.role() == Role.ADMIN || u.party() == null
				|| conventions.current().serviceLevels().readsAllRequests(u.party())) {
			return null;
		}
		return u.party();
	}

	static EntenteUser user(Authentication who) {
		return who != null && who.isAuthenticated() && who.getPrincipal() instanceof EntenteUser u ? u : null;
	}
}
