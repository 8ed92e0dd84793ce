/**
 * The desk: tickets (incidents and requests), their workflow, level 1 and level 2, routing by the convention,
 * service-level clocks and escalation, comments, attachments, satisfaction survey. Depends on {@code convention}
 * (who is responsible, which clocks, which statuses pause them), {@code worktime} (deadlines in working time),
 * {@code directory} (establishments, accounts and their scope) and {@code notification} (mail and in-app notices).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guichet",
		allowedDependencies = { "convention", "worktime", "directory", "notification" })
package org.entente.helpdesk;
