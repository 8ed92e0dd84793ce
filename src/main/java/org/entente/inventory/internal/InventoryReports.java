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

	InventoryReports(JdbcClient jdbc, Conventions conventions, AssetRules rules) {
		this.jdbc = jdbc;
		this.conventions = conventions;
		this.rules = rules;
	}

	/** Assets in service or spare whose warranty ends between today and {@code months} months from now. */
	public List<Asset> warrantyEnding(AssetAccess.Scope scope, int months) {
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

	public List<SpareStock> spares(AssetAccess.Scope scope) {
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
	public List<NamingViolation> namingViolations(AssetAccess.Scope scope) {
		List<String> components = conventions.current().naming().stream().flatMap(r -> r.appliesTo().stream()).distinct().toList();
		List<NamingViolation> violations = new ArrayList<>();
		if (components.isEmpty()) {
			return violations;
		}
		var spec = jdbc.sql("select * from inv_asset where component in (:components) and name is not null and status <> 'RETIRED'"
				+ (scope.all() ? "" : " and uai = :uai") + " order by uai, name")
			.param("components", components);
		if (!scope.all()) {
			spec = spec.param("uai", scope.uai());
		}
		try (var stream = spec.query(AssetRepository::map).stream()) {
			stream.map(a -> rules.naming(a.data()).map(p -> new NamingViolation(a, p.message())))
				.flatMap(java.util.Optional::stream)
				.limit(MAX_ROWS)
				.forEach(violations::add);
		}
		return violations;
	}

	public List<NamingRule> namingRules() {
		return conventions.current().naming();
	}
}
