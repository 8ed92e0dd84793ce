package org.entente.inventory.internal;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The index behind asset search by name prefix. PostgreSQL needs {@code varchar_pattern_ops} for a {@code LIKE
 * 'abc%'} to use a B-tree under a non-C collation; H2 has no operator classes, so it gets a plain index. A Java
 * migration (a bean Spring Boot hands to Flyway) because the SQL differs by database.
 */
@Component
class V41__InventorySearchIndexes extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		try (Statement s = context.getConnection().createStatement()) {
			s.execute(postgres ? "create index ix_inv_asset_name on inv_asset (name_key varchar_pattern_ops)"
					: "create index ix_inv_asset_name on inv_asset (name_key)");
		}
	}
}
