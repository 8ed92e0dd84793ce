/**
 * Establishments (UAI), accounts, roles and their party or establishment scope; demo data. Depends on no other
 * module: everyone else asks it who a person is and what they may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annuaire")
package org.entente.directory;
