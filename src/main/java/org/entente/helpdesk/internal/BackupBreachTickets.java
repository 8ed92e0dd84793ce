package org.entente.helpdesk.internal;

import org.entente.convention.InterventionKind;
import org.entente.directory.Accounts;
import org.entente.directory.Role;
import org.entente.helpdesk.TicketKind;
import org.entente.policy.BackupCommitmentBroken;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A broken data availability commitment (policy register) becomes a desk incident on the infrastructure that holds
 * the data, routed by the convention to the party that administers it, opened in the name of the level-1 platform.
 */
@Component
class BackupBreachTickets {

	private final TicketOpening tickets;
	private final Accounts accounts;

	BackupBreachTickets(TicketOpening tickets, Accounts accounts) {
		this.tickets = tickets;
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(BackupCommitmentBroken broken) {
		accounts.enabledAmong(java.util.List.of(), java.util.List.of(Role.LEVEL1_AGENT), null).stream().findFirst()
			.flatMap(a -> accounts.forAuthentication(a.username()))
			.ifPresent(platform -> {
				String title = "Sauvegardes : engagement rompu pour " + broken.dataClassLabel();
				tickets.open(platform, new TicketOpening.NewTicket(broken.uai(), title.length() <= 200 ? title : title.substring(0, 200),
						String.join("\n", broken.reasons()) + "\nSignalé par le registre des politiques (" + broken.clause() + ").",
						broken.component(), InterventionKind.ADMINISTRATION, null, null, null, TicketKind.INCIDENT, true, null, null));
			});
	}
}
