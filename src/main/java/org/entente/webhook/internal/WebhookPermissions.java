package org.entente.webhook.internal;

import java.util.Set;

import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do what with webhooks, in one place: an administrator manages every webhook and alone may let one reach
 * a loopback or private address; a party's account manager (CD or ACA) manages the webhooks of their party.
 */
@Component("webhookPermissions")
public class WebhookPermissions {

	private static final Set<Role> MANAGERS = Set.of(Role.ADMIN, Role.CD_MANAGER, Role.ACA_MANAGER);

	public boolean manage(Authentication who) {
		return who != null && who.getPrincipal() instanceof EntenteUser u && manage(u);
	}

	boolean manage(EntenteUser user) {
		return user != null && MANAGERS.contains(user.role());
	}

	boolean allowPrivateAddresses(EntenteUser user) {
		return user != null && user.role() == Role.ADMIN;
	}

	/** An administrator sees every webhook, a manager those of their party. */
	boolean sees(EntenteUser user, Webhook webhook) {
		if (!manage(user)) {
			return false;
		}
		return user.role() == Role.ADMIN || (user.party() != null && user.party().equals(webhook.ownerParty()));
	}
}
