/**
 * Establishments (UAI), accounts, roles and their party or establishment scope, the first administrator, account
 * administration with its audit trail, password rules; demo data. Depends on {@code notification} only to mail
 * invitation and reset links, and on {@code common} for the shared problem and page shapes: everyone else asks it
 * who a person is and what they may see. Depends on {@code privacy} to declare the accounts it holds on a person and
 * destroy them when the person's retention ends ({@code PersonalDataHolder}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annuaire", allowedDependencies = { "notification", "common", "privacy" })
package org.entente.directory;
