package org.entente.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.NetworkRangesChanged;
import org.entente.directory.Role;
import org.entente.common.StoredText;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The addressing plan's versions: « L'Académie fait évoluer le plan d'adressage académique […] et le communique au
 * Département à chaque changement impactant les collèges d'Ille-et-Vilaine » (annexe opérationnelle §1, Cadres de
 * référence). The directory owns the plan and says when it changed; each change becomes a numbered version here and
 * is sent, in the same transaction, to the Département's agents (mail through the outbox and in-app), which is what
 * the revision duty « à chaque changement » of {@code policyRevisions:} asks.
 */
@Component
public class AddressPlanVersions {

	static final String COMPONENT = "CADRES_REFERENCE";

	public record Version(int number, int ranges, int added, int removed, List<String> establishments, Instant changedAt,
			Instant communicatedAt, int communicatedTo) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;

	AddressPlanVersions(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(NetworkRangesChanged changed) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from policy_address_plan_version").query(Integer.class).single();
		List<Account> cd = accounts.enabledAmong(List.of(), List.of(Role.CD_AGENT), null);
		String uais = String.join(",", changed.establishments());
		if (uais.length() > 4000) {
			uais = uais.substring(0, uais.lastIndexOf(',', 3990)) + ",…";
		}
		Instant now = Instant.now();
		jdbc.sql("""
				insert into policy_address_plan_version (number, ranges, added, removed, establishments, changed_at, communicated_at, communicated_to)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(number, changed.ranges(), changed.added(), changed.removed(), uais, Timestamp.from(changed.changedAt()),
					Timestamp.from(now), cd.size())
			.update();
		String subject = "[Entente] Plan d'adressage académique : version " + number;
		String text = """
				L'Académie a fait évoluer le plan d'adressage académique (version %d) : %d réseau(x) ajouté(s), %d retiré(s), %d au total.
				Établissements concernés : %s.
				Le plan est consultable dans Entente (annuaire, plan d'adressage) ; annexe opérationnelle §1, Cadres de référence :
				« L'Académie […] le communique au Département à chaque changement impactant les collèges d'Ille-et-Vilaine. »
				""".formatted(number, changed.added(), changed.removed(), changed.ranges(),
				changed.establishments().isEmpty() ? "aucun" : String.join(", ", changed.establishments()));
		for (String address : cd.stream().map(Account::email).filter(e -> e != null && !e.isBlank()).distinct().toList()) {
			events.publishEvent(MailRequested.text(List.of(address), subject, text, "POLICY"));
		}
		if (!cd.isEmpty()) {
			events.publishEvent(InAppNotificationRequested.of(cd.stream().map(Account::username).toList(), subject, "/politiques/" + COMPONENT)
				.withWords(StoredText.message("pol.notice.addressPlan", String.valueOf(number))));
		}
	}

	public List<Version> list() {
		return jdbc.sql("select * from policy_address_plan_version order by number desc limit 100").query((rs, i) -> {
			Timestamp communicated = rs.getTimestamp("communicated_at");
			String uais = rs.getString("establishments");
			return new Version(rs.getInt("number"), rs.getInt("ranges"), rs.getInt("added"), rs.getInt("removed"),
					uais.isEmpty() ? List.of() : List.of(uais.split(",")), rs.getTimestamp("changed_at").toInstant(),
					communicated == null ? null : communicated.toInstant(), rs.getInt("communicated_to"));
		}).list();
	}
}
