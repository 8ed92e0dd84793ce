package org.entente.helpdesk.internal;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, statistics over the pairs (party, status) of {@code ticket_party}. Without them the planner
 * multiplies « ACA » (a sixth of the rows) by « open » (a twelfth) and expects thousands of open ACA tickets where
 * there are ten, so a party's queue by priority read the whole index {@code ix_ticket_priority} (2 s on a million
 * tickets, docs/benchmarks.md); with them it reads the party's few open rows and sorts them. H2, the embedded
 * default, has no such statistics and needs none at its sizes. The first helpdesk number after V30–V39 (full).
 */
@Component
class V110__TicketPartyStatistics extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
			return;
		}
		try (Statement s = c.createStatement()) {
			s.execute("create statistics if not exists st_ticket_party_status (mcv) on party, status from ticket_party");
			// Filled now rather than at the next automatic analyze, so that the queues are right from the start.
			s.execute("analyze ticket_party");
		}
	}
}
