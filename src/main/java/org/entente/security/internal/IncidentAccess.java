package org.entente.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.entente.directory.EntenteUser;
import org.entente.directory.Role;

/**
 * Who sees a security incident (it is confidential, not a desk ticket): the RSSI, every one; the security staff of
 * the handling party, its incidents (the agents of that party: {@code ACA_AGENT} for the Académie, {@code CD_AGENT}
 * for the Département; both parties for an incident with a point to clarify); the data-protection officers, the
 * incidents where personal data may be involved; the reporter, the status of their own reports only. Anyone else
 * gets 404.
 */
final class IncidentAccess {

	enum View {
		FULL, STATUS, NONE
	}

	/** Who may report: anyone at a collège, level-1 and level-2 agents, the RSSI, contractors. */
	static final Set<Role> REPORTERS = EnumSet.of(Role.SCHOOL_STAFF, Role.LEVEL1_AGENT, Role.CD_AGENT, Role.ACA_AGENT,
			Role.RSSI, Role.CONTRACTOR);

	private IncidentAccess() {
	}

	/** The party whose security staff this account is, or null: agents of the CD and of the ACA. */
	static String staffParty(EntenteUser user) {
		if (user.role() == Role.CD_AGENT) {
			return "CD";
		}
		if (user.role() == Role.ACA_AGENT) {
			return "ACA";
		}
		return null;
	}

	static View view(EntenteUser user, Incident i, boolean hasPoints) {
		if (user.role() == Role.RSSI) {
			return View.FULL;
		}
		String party = staffParty(user);
		if (party != null && (party.equals(i.handledBy()) || hasPoints)) {
			return View.FULL;
		}
		if (user.role() == Role.DPO && i.dataProtectionConcerned()) {
			return View.FULL;
		}
		return user.getUsername().equals(i.reportedBy()) ? View.STATUS : View.NONE;
	}

	/** May move the incident along: the RSSI, or the handling party's staff (qualification is the RSSI's alone). */
	static boolean canHandle(EntenteUser user, Incident i, boolean hasPoints) {
		if (user.role() == Role.RSSI) {
			return true;
		}
		String party = staffParty(user);
		return party != null && (party.equals(i.handledBy()) || hasPoints);
	}

	static List<String> parties(EntenteUser user) {
		String party = staffParty(user);
		return party == null ? List.of() : List.of(party);
	}
}
