/**
 * The collèges' inventory: assets with their history, naming rules, spares, warranty and renewal, CSV and GLPI Agent
 * intake, exports for the Académie, establishment contacts. Depends on {@code convention} (components, networks,
 * funding, naming rules, who administers what), on {@code directory} (establishments, the signed-in person's scope)
 * and on {@code notification} (events it publishes for mails and notices); on {@code common} for the shared problem
 * type, If-Match reader, page record and CSV writer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventaire",
		allowedDependencies = { "convention", "directory", "notification", "common", "privacy" })
package org.entente.inventory;
