/**
 * The desk: tickets (incidents and requests), their workflow, level 1 and level 2, routing by the convention,
 * service-level clocks and escalation, comments, attachments, satisfaction survey (see docs/helpdesk.md). Depends on
 * {@code convention} (who is responsible, which clocks, which statuses pause them), {@code worktime} (deadlines in
 * working time), {@code directory} (establishments, accounts and their scope), {@code notification} (mail and in-app
 * notices), {@code inventory} (the asset a ticket names gives its component, network and funding to routing, its
 * warranty and spares to the ticket page; the desk lists an asset's tickets through the inventory's
 * {@code AssetPageLinks}), {@code policy} (a broken backup commitment becomes an incident; a restore ticket is linked to its backup record, shown on the ticket page) and {@code common} (the problem type, If-Match, page and CSV shapes every module shares).
 * Publishes {@link org.entente.helpdesk.TicketOpened}, {@link org.entente.helpdesk.TicketStatusChanged},
 * {@link org.entente.helpdesk.TicketReclassified}, {@link org.entente.helpdesk.ClockAtRisk} and {@link org.entente.helpdesk.ClockBreached}, each with a
 * {@link org.entente.helpdesk.TicketSnapshot}, and {@link org.entente.helpdesk.TicketsErased} when tickets closed longer
 * ago than the convention's {@code TICKETS} period are erased (the register's restore links go through
 * {@code policy}'s {@code RestoreTicketLinks}). Depends on {@code privacy} to declare the personal data of tickets and
 * anonymise it when a person's retention ends (tickets stay for the statistics), and to let the purge's dry run count
 * the tickets due ({@code PeriodRetention}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guichet",
		allowedDependencies = { "convention", "worktime", "directory", "notification", "inventory", "policy", "common", "privacy" })
package org.entente.helpdesk;
