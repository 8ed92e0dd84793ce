package org.entente.journal.internal;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;

/**
 * Who may do what with the journal: the CD's journal operators search and export; the RSSI and the CD's DPO export;
 * the DPOs read the custody log; administrators do everything. Verification and the public key: all of them.
 * Also a bean ({@code @journalAccess.maySearch(me)} in the pages); its methods are static for the services.
 */
@org.springframework.stereotype.Component("journalAccess")
public final class JournalAccess {

	private JournalAccess() {
	}

	static boolean operator(EntenteUser u) {
		return u.role() == Role.JOURNAL_OPERATOR && "CD".equals(u.party());
	}

	public static boolean maySearch(EntenteUser u) {
		return u != null && (u.role() == Role.ADMIN || operator(u));
	}

	public static boolean mayExport(EntenteUser u) {
		return u != null && (maySearch(u) || u.role() == Role.RSSI || (u.role() == Role.DPO && "CD".equals(u.party())));
	}

	public static boolean mayReadCustody(EntenteUser u) {
		return u != null && (u.role() == Role.ADMIN || u.role() == Role.DPO);
	}

	public static boolean mayVerify(EntenteUser u) {
		return mayExport(u) || mayReadCustody(u);
	}

	public static void require(boolean allowed) {
		if (!allowed) {
			throw ProblemException.forbidden("Votre rôle ne donne pas accès à cette partie du journal des connexions.");
		}
	}
}
