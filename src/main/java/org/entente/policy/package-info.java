/**
 * The policy register (annexe opérationnelle §1, Politiques): each policy row of the convention file with its
 * reference documents and their history, published by the party that holds « définition » in the matrix; their
 * communication to the establishments with acknowledgements and reminders; the revision duties of the file
 * ({@code policyRevisions:}); the data availability commitments of §4 checked against the backup reports. Depends on
 * {@code convention} (rows, cells, revision duties, data classes), {@code directory} (who the signed-in person is,
 * establishments and their accounts), {@code notification} (mails and notices through the outbox), {@code privacy}
 * (what the register holds on a person and how the purge anonymises it) and {@code common}
 * (problem documents, the field reader). Policy changes (proposal, impact study, positions, arbitration) and the
 * Académie's validations live here too. Listens to {@link org.entente.directory.NetworkRangesChanged} to version and
 * communicate the addressing plan. Publishes {@link org.entente.policy.BackupCommitmentBroken}, which the desk turns
 * into a ticket; exposes {@link org.entente.policy.PolicyRevisionsDue} for the committee packs and home banners and
 * {@link org.entente.policy.RestoreTicketLinks}, which the desk calls to link a restore ticket to its backup record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registre des politiques",
		allowedDependencies = { "common", "convention", "directory", "notification", "privacy" })
package org.entente.policy;
