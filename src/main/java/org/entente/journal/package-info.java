/**
 * The connection-log journal of the convention (part 5): syslog intake, raw append-only storage, a Merkle tree with
 * signed tree heads (RFC 9162), search, exports with proofs, retention. Depends on directory: who asks (roles) and
 * which establishment an address belongs to (network ranges); on convention: the retention period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journal des connexions")
package org.entente.journal;
