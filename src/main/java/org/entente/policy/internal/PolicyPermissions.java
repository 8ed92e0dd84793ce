package org.entente.policy.internal;

import java.util.List;

import org.entente.convention.Component;
import org.entente.convention.InterventionKind;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.springframework.security.core.Authentication;

/**
 * Who may do what in the policy register, in one place (controllers, services and pages ask it): publishing a
 * version is for an agent of a party that holds « définition » for the row in the matrix (a blank cell, such as
 * CARINE and CARMO defined by the ministry, lets no one); acknowledging is for the accounts of an establishment, for
 * it; backup reports come from the machine accounts that already report from the collèges' servers
 * ({@code INVENTORY_AGENT}) or an administrator; compliance is read by the agents of both parties, the RSSI, the
 * administrators and a collège for itself.
 */
@org.springframework.stereotype.Component("policyPermissions")
public class PolicyPermissions {

	/** The party an agent acts for: CD for an agent of the Département, ACA for an agent of the Académie. */
	public static String agentParty(EntenteUser user) {
		if (user == null) {
			return null;
		}
		return switch (user.role()) {
			case CD_AGENT -> "CD";
			case ACA_AGENT -> "ACA";
			default -> null;
		};
	}

	public boolean publish(EntenteUser user, Component row) {
		String party = agentParty(user);
		return party != null && PolicyRows.parties(row, InterventionKind.DEFINITION).contains(party);
	}

	/** Whether the page shows the publish form for any row (an agent of either party). */
	public boolean publishAny(Authentication who) {
		return who != null && who.getPrincipal() instanceof EntenteUser u && agentParty(u) != null;
	}

	public boolean acknowledge(EntenteUser user, String uai) {
		return user != null && user.role() == Role.SCHOOL_STAFF && uai != null && uai.equals(user.establishment());
	}

	public boolean reportBackups(EntenteUser user) {
		return user != null && (user.role() == Role.INVENTORY_AGENT || user.role() == Role.ADMIN);
	}

	public boolean readCompliance(EntenteUser user, String uai) {
		if (user == null) {
			return false;
		}
		if (List.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT, Role.RSSI, Role.LEVEL1_AGENT).contains(user.role())) {
			return true;
		}
		return user.role() == Role.SCHOOL_STAFF && uai != null && uai.equals(user.establishment());
	}

	public boolean readRegister(EntenteUser user) {
		return user != null;
	}
}
