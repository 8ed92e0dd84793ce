package org.entente.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entente.convention.ServiceLevels.CriticalData;
import org.entente.directory.EntenteUser;
import org.entente.policy.internal.Backups;
import org.entente.policy.internal.PolicyPermissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a desk ticket that asks for a restore (the clock « Restauration complète des données utilisateurs sur les
 * espaces partagés », annexe §4) to the backup record that must allow it: the establishment's last successful report
 * for the data class, and whether the commitment held when the ticket was opened (or reclassified as a restore). The
 * desk calls it (it depends on the register, not the other way round) when a restore ticket opens, and again when a
 * reclassification makes a ticket a restore ticket or takes it out of that type; the register keeps the link and shows
 * it with the backups, and the desk's ticket page reads it through {@link #seenBy}.
 */
@Service
public class RestoreTicketLinks {

	/** A restore ticket and its backup record ({@code backupReportId} null when no successful backup was ever reported). */
	public record RestoreTicketLink(long ticketId, String ticketNumber, String uai, String dataClass, Long backupReportId,
			String job, Instant backupEndedAt, Instant oldestRestorePoint, boolean compliant, List<String> reasons, Instant linkedAt) {

		public RestoreTicketLink {
			reasons = List.copyOf(reasons);
		}
	}

	private final JdbcClient jdbc;
	private final Backups backups;
	private final PolicyPermissions permissions;

	RestoreTicketLinks(JdbcClient jdbc, Backups backups, PolicyPermissions permissions) {
		this.jdbc = jdbc;
		this.backups = backups;
		this.permissions = permissions;
	}

	/**
	 * Records the link once per ticket (a redelivered event changes nothing). {@code dataClass} is a critical data code
	 * of the convention (ADMINISTRATIVE, PEDAGOGICAL_GROUP); any other class has no backup commitment and is not linked.
	 * A ticket already linked for another establishment or class (a reclassification changed its network) is linked
	 * again, to the record of the new class at {@code openedAt}.
	 */
	@Transactional
	public Optional<RestoreTicketLink> link(long ticketId, String ticketNumber, String uai, String dataClass, Instant openedAt) {
		CriticalData c = backups.classes().stream().filter(k -> k.code().equals(dataClass)).findFirst().orElse(null);
		if (c == null || uai == null) {
			return Optional.empty();
		}
		Optional<RestoreTicketLink> existing = find(ticketId);
		if (existing.isPresent() && existing.get().uai().equals(uai) && existing.get().dataClass().equals(dataClass)) {
			return existing;
		}
		existing.ifPresent(l -> unlink(ticketId));
		Long reportId = jdbc.sql("""
				select id from policy_backup_report where uai = ? and data_class = ? and status = 'SUCCESS'
				order by ended_at desc, id desc limit 1""")
			.params(uai, dataClass).query(Long.class).optional().orElse(null);
		Backups.Compliance compliance = backups.compliance(uai, c, openedAt);
		jdbc.sql("""
				insert into policy_restore_link (ticket_id, ticket_number, uai, data_class, backup_report_id, compliant, reasons, linked_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticketId, ticketNumber, uai, dataClass, reportId, compliance.compliant(), String.join("\n", compliance.reasons()),
					Timestamp.from(Instant.now()))
			.update();
		return find(ticketId);
	}

	/** Takes the link off a ticket that is no longer a restore ticket (reclassified); false when it had none. */
	@Transactional
	public boolean unlink(long ticketId) {
		return jdbc.sql("delete from policy_restore_link where ticket_id = ?").param(ticketId).update() > 0;
	}

	/** The link of a ticket if this person may read the establishment's backups (the ticket page, the API). */
	public Optional<RestoreTicketLink> seenBy(EntenteUser user, long ticketId) {
		return find(ticketId).filter(l -> permissions.readCompliance(user, l.uai()));
	}

	public Optional<RestoreTicketLink> find(long ticketId) {
		return query("where l.ticket_id = ?", ticketId).stream().findFirst();
	}

	/**
	 * Forgets the links of tickets the desk erased at the end of their retention period (five years after closure): the
	 * desk calls it in the transaction that erases them. The backup reports stay.
	 */
	@Transactional
	public int forget(java.util.Collection<Long> ticketIds) {
		return ticketIds.isEmpty() ? 0
				: jdbc.sql("delete from policy_restore_link where ticket_id in (:ids)").param("ids", ticketIds).update();
	}

	/** The restore tickets of an establishment, the most recent first. */
	public List<RestoreTicketLink> forEstablishment(String uai) {
		return query("where l.uai = ? order by l.linked_at desc, l.ticket_id desc", uai);
	}

	private List<RestoreTicketLink> query(String where, Object param) {
		return jdbc.sql("""
				select l.ticket_id, l.ticket_number, l.uai, l.data_class, l.backup_report_id, r.job, r.ended_at, r.oldest_restore_point,
				  l.compliant, l.reasons, l.linked_at
				from policy_restore_link l left join policy_backup_report r on r.id = l.backup_report_id
				""" + where)
			.param(param)
			.query((rs, i) -> {
				long report = rs.getLong("backup_report_id");
				Long reportId = rs.wasNull() ? null : report;
				Timestamp ended = rs.getTimestamp("ended_at");
				Timestamp oldest = rs.getTimestamp("oldest_restore_point");
				String reasons = rs.getString("reasons");
				return new RestoreTicketLink(rs.getLong("ticket_id"), rs.getString("ticket_number"), rs.getString("uai"),
						rs.getString("data_class"), reportId, rs.getString("job"), ended == null ? null : ended.toInstant(),
						oldest == null ? null : oldest.toInstant(), rs.getBoolean("compliant"),
						reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")), rs.getTimestamp("linked_at").toInstant());
			})
			.list();
	}
}
