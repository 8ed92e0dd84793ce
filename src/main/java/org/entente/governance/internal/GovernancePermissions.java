package org.entente.governance.internal;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may do what in governance, in one place: the controllers ({@code @PreAuthorize(« @governancePermissions… »)})
 * and the pages ({@code th:if=« ${@governancePermissions…(#authentication)} »}) ask it.
 */
@Component("governancePermissions")
public class GovernancePermissions {

	/** Committees, members, meetings, convocations, minutes and decisions: the Département, which runs them (art. 4). */
	public boolean manageCommittees(Authentication who) {
		return any(who, "ADMIN", "CD_AGENT");
	}

	/**
	 * A meeting's pack (the state of services assembled by reporting): the parties' agents and account managers and
	 * the administrators, who read the indicators; the members receive it with their convocation.
	 */
	public boolean readMeetingPacks(Authentication who) {
		return any(who, "ADMIN", "CD_AGENT", "ACA_AGENT", "CD_MANAGER", "ACA_MANAGER");
	}

	/** ENT contribution payments: the Département's finance service (financial annex). */
	public boolean recordPayments(Authentication who) {
		return any(who, "ADMIN", "FINANCE");
	}

	/** A termination notice received: either signatory (article 7). */
	public boolean recordNotices(Authentication who) {
		return any(who, "ADMIN", "CD_AGENT", "ACA_AGENT");
	}

	private static boolean any(Authentication who, String... roles) {
		if (who == null || !who.isAuthenticated()) {
			return false;
		}
		Set<String> wanted = Set.of(roles);
		return who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.startsWith("ROLE_") && wanted.contains(a.substring(5)));
	}
}
