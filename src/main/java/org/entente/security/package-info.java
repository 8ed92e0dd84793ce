/**
 * Information-security incidents by perimeter (annexe opérationnelle §5, Politique SSI), personal-data breaches and
 * their 48-hour notification (annexe protection des données §6), judicial requisitions and remediation plans.
 * Confidential: nothing here is a desk ticket. Depends on {@code convention} (perimeters, handlers, addresses and
 * delays come from the convention file), {@code directory} (who the signed-in person is, establishments),
 * {@code notification} (duties to inform and reminders are mails through the outbox, notices in the application)
 * and {@code inventory} (the asset an incident names; a compromised asset's warning on its page through
 * {@code AssetPageLinks}) and {@code common} (the shared problem document, If-Match reader, page record and CSV
 * writer) and {@code privacy} (the reporter of an incident is anonymised when the person's retention ends) and
 * {@code helpdesk} (only its {@code TicketsErased}: an incident's link to a ticket erased at the end of its retention goes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sécurité",
		allowedDependencies = { "common", "convention", "directory", "notification", "inventory", "privacy", "helpdesk" })
package org.entente.security;
