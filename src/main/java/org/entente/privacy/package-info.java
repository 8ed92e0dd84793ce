/**
 * Personal data (annexe protection des données): the académie's identities of pupils and staff (import, departure,
 * destruction date), the processing register and the copy sent to the Académie before any transmission, retention
 * and purge runs across modules, data-subject requests. Every module that holds personal data implements
 * {@link org.entente.privacy.PersonalDataHolder}; privacy depends on no business module (they depend on it), only on
 * {@code convention} (retention rules, processings, officers) and {@code common} (problem document, CSV reader and
 * writer).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Données personnelles",
		allowedDependencies = { "common", "convention" })
package org.entente.privacy;
