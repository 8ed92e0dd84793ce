/**
 * The convention as data: parties, the responsibility matrix with its conditions, service levels, security and
 * data-protection rules, finances and committees; loading, validation and versioning of convention files, and
 * {@code resolve(component, intervention, context)} with its explanation. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Convention")
package org.entente.convention;
