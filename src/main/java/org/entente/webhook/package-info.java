/**
 * Webhooks: subscribers (an administrator, a party's account manager) register a URL, the events wanted and a
 * secret; each event becomes one signed delivery per endpoint (Standard Webhooks headers), retried with backoff in
 * order per subject, logged, and an endpoint that keeps failing is paused and its owner told. Depends on
 * {@code helpdesk}, {@code security}, {@code inventory} and {@code reporting} and {@code convention} for the events it forwards ({@code worktime} for a ticket's criticality), {@code directory} for who
 * registers and the owner's mail address, {@code notification} to tell the owner, {@code common} for problems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "common", "convention", "directory", "notification", "helpdesk", "security", "inventory", "reporting", "worktime" })
package org.entente.webhook;
