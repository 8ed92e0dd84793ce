/**
 * Personal data (annexe protection des données): the académie's identities of pupils and staff (import, departure,
 * destruction date), the processing register and the copy sent to the Académie before any transmission, retention
 * and purge runs across modules, data-subject requests. Every module that holds personal data implements
 * {@link org.entente.privacy.PersonalDataHolder}; a module that destroys data at the end of its own period, not per
 * person (the desk's tickets), implements {@link org.entente.privacy.PeriodRetention} so that the purge's dry run counts
 * it; privacy depends on no business module (they depend on it), only on
 * {@code convention} (retention rules, processings, officers) and {@code common} (problem document, CSV reader and
 * writer).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Données personnelles",
		allowedDependencies = { "common", "convention" })
package org.entente.privacy;
