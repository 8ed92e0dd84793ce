package org.entente.helpdesk.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a trigram index over the text a search reads ({@link TicketQuery#SEARCHED}), so that looking for a
 * rare word does not read every ticket in scope. It needs the pg_trgm extension (shipped with PostgreSQL, trusted
 * since version 13); where the account may not create it, search works without the index and a warning says so.
 * H2, the embedded default, has no such index and reads the tickets.
 */
@Component
class V32__TicketSearchIndex extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V32__TicketSearchIndex.class);

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
			return;
		}
		Savepoint before = c.setSavepoint();
		try (Statement s = c.createStatement()) {
			// In public when there is one, so that dropping an application schema never takes the extension (and
			// the indexes of other schemas that use it) along.
			boolean publicSchema;
			try (ResultSet rs = s.executeQuery("select count(*) from pg_namespace where nspname = 'public'")) {
				rs.next();
				publicSchema = rs.getInt(1) > 0;
			}
			s.execute("create extension if not exists pg_trgm" + (publicSchema ? " schema public" : ""));
			String schema;
			try (ResultSet rs = s.executeQuery("""
					select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'""")) {
				rs.next();
				schema = rs.getString(1);
			}
			s.execute("create index ix_ticket_search on ticket using gin ((" + TicketQuery.SEARCHED + ") "
					+ quote(schema) + ".gin_trgm_ops)");
			c.releaseSavepoint(before);
		}
		catch (SQLException e) {
			c.rollback(before);
			log.warn("Index de recherche des tickets non créé (extension pg_trgm indisponible : {}) ; la recherche lira "
					+ "les tickets sans index.", e.getMessage());
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}
}
