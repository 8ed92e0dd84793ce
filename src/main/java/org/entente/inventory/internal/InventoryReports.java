package org.entente.inventory.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.entente.convention.NamingRule;
import org.entente.convention.Conventions;
import org.entente.inventory.Asset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read-only views: warranty ends, spares per place, names that break the rules. Always within a reader's scope. */
@Service
public class InventoryReports {

	static final int MAX_ROWS = 500;

	private final JdbcClient jdbc;
	private final Conventions conventions;
	private final AssetRules rules;
	private final org.springframework.jdbc.core.JdbcTemplate template;

	InventoryReports(JdbcClient jdbc, Conventions conventions, AssetRules rules, org.springframework.jdbc.core.JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.conventions = conventions;
		this.rules = rules;
	}

	/** Assets in service or spare whose warranty ends between today and {@code months} months from now. */
	public List<Asset> warrantyEnding(InventoryPermissions.Scope scope, int months) {
		LocalDate today = LocalDate.now();
		return jdbc.sql("select * from inv_asset where warranty_end between :from and :to and status in ('IN_SERVICE', 'SPARE')"
				+ (scope.all() ? "" : " and uai = :uai") + " order by warranty_end, id limit " + MAX_ROWS)
			.param("from", Date.valueOf(today))
			.param("to", Date.valueOf(today.plusMonths(months)))
			.params(scope.all() ? java.util.Map.of() : java.util.Map.of("uai", scope.uai()))
			.query(AssetRepository::map)
			.list();
	}

	/** Spare stock by place (UAI, or null for the central stock) and component. */
	public record SpareStock(String uai, String component, int count) {
	}

	public List<SpareStock> spares(InventoryPermissions.Scope scope) {
		return jdbc.sql("select uai, component, count(*) as n from inv_asset where status = 'SPARE'"
				+ (scope.all() ? "" : " and uai = :uai") + " group by uai, component order by uai nulls first, component")
			.params(scope.all() ? java.util.Map.of() : java.util.Map.of("uai", scope.uai()))
			.query((rs, n) -> new SpareStock(rs.getString("uai"), rs.getString("component"), rs.getInt("n")))
			.list();
	}

	/** A name that breaks a rule, with the fault. */
	public record NamingViolation(Asset asset, String message) {
	}

	/** Assets (not retired) whose names break the Département's rules; administrative workstations are exempt. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public List<NamingViolation> namingViolations(InventoryPermissions.Scope scope) {
		List<String> components = conventions.current().naming().stream().flatMap(r -> r.appliesTo().stream()).distinct().toList();
		List<NamingViolation> violations = new ArrayList<>();
		if (components.isEmpty()) {
			return violations;
		}
		// A cursor (fetch size, read-only transaction) so that a million assets are scanned, not loaded.
		String sql = "select * from inv_asset where component in (" + String.join(", ", java.util.Collections.nCopies(components.size(), "?"))
				+ ") and name is not null and status <> 'RETIRED'" + (scope.all() ? "" : " and uai = ?") + " order by uai, name";
		List<Object> args = new ArrayList<>(components);
		if (!scope.all()) {
			args.add(scope.uai());
		}
		template.query(con -> {
			var ps = con.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
			ps.setFetchSize(1000);
			for (int i = 0; i < args.size(); i++) {
				ps.setObject(i + 1, args.get(i));
			}
			return ps;
		}, (java.sql.ResultSet rs) -> {
			while (violations.size() < MAX_ROWS && rs.next()) {
				Asset a = AssetRepository.map(rs, 0);
				rules.namingHere(a.data()).ifPresent(p -> violations.add(new NamingViolation(a, p.message())));
			}
			return null;
		});
		return violations;
	}

	public List<NamingRule> namingRules() {
		return conventions.current().naming();
	}
}
